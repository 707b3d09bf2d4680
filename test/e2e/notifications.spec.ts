import { expect, test } from "@playwright/test";
import { callApi } from "./support/api.js";
import { audit, type Found } from "./support/axe-audit.js";
import { signInAs } from "./support/sign-in.js";

test("a contact's bell counts the agent's reply, opens the case from the list and counts down, keyboard first and axe clean", async ({ page, browser }) => {
  await signInAs(page, "notifyContact", "/support");
  const c = await callApi<{ id: string; number: number }>(page, "POST", "/api/support/cases", { subject: `Bell check ${Date.now()}`, description: "Attendance letters print twice.", productArea: "Other" });
  await page.reload();
  const bell = page.getByTestId("notification-bell");
  // the count arrives after the page: read it once it is there (the new case's own notice is in it)
  await expect(bell).toHaveAttribute("aria-label", /unread/);
  const before = Number(/(\d+) unread/.exec((await bell.getAttribute("aria-label")) ?? "")?.[1] ?? 0);
  const agent = await (await browser.newContext()).newPage();
  await signInAs(agent, "vendor", "/vendor/cases");
  await callApi(agent, "POST", `/api/vendor/cases/${c.id}/comments`, { body: "We are on it." });
  await agent.context().close();

  await page.reload();
  await expect(page.getByRole("button", { name: `Notifications, ${before + 1} unread` })).toBeVisible();
  await bell.focus();
  await page.keyboard.press("Enter");
  const list = page.getByRole("dialog", { name: "Notifications" });
  const item = list.getByRole("link", { name: /Unread: Vic Vendor-Tester of Support replied/ }).filter({ hasText: `Case #${c.number}` });
  await expect(item).toBeVisible();
  const found: Found = [];
  await audit(page, "notification list open", found);
  expect(found).toEqual([]);

  await item.focus();
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(new RegExp(`/support/cases/${c.id}$`));
  await expect(page.getByRole("button", { name: before === 0 ? "Notifications, none unread" : `Notifications, ${before} unread` })).toBeVisible();
  await audit(page, "case opened from a notification", found);
  expect(found).toEqual([]);
});
