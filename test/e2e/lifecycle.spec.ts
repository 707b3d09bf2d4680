import { expect, test } from "@playwright/test";
import { DEMO_DISTRICT } from "../../src/features/demo/demo-logins.js";
import { callApi } from "./support/api.js";
import { saveScreenshot } from "./support/screenshots.js";
import { signInAs } from "./support/sign-in.js";

// The demo district's contacts (seed-support.ts): Kim 2 days, Jordan 20 days and Sam 150 days
// since their last activity; Dana deactivated. Nothing here changes them.

test("vendor staff see contacts by inactivity stage with days left and the district's timeline", async ({ page }) => {
  await signInAs(page, "vendor", "/vendor/lifecycle");
  await expect(page.getByRole("heading", { name: "Contact inactivity" })).toBeVisible();
  const districtRow = page.getByRole("table", { name: "Contacts per district" }).getByRole("row", { name: new RegExp(DEMO_DISTRICT.name) });
  await expect(districtRow).toBeVisible();
  await districtRow.getByRole("button", { name: DEMO_DISTRICT.name }).click();

  const contacts = page.getByRole("table", { name: "Contacts by lifecycle stage" });
  await expect(contacts.getByRole("row", { name: /Sam Patel/ })).toContainText(/\b(29|30) days to notice/);
  await expect(contacts.getByRole("row", { name: /Dana Ortiz/ })).toContainText("Deactivated");
  await expect(page.getByRole("img", { name: new RegExp(`Inactivity timeline for ${DEMO_DISTRICT.name}`) })).toBeVisible();

  await page.getByRole("radiogroup", { name: "Which contacts" }).getByText("Notice within 30 days", { exact: true }).click();
  await expect(contacts.getByRole("row")).toHaveCount(2); // header + Sam
  await saveScreenshot(page, "lifecycle-vendor");

  await page.getByRole("button", { name: "Run today's sweep now" }).click();
  await expect(page.getByRole("status").filter({ hasText: /^Sweep for \d{4}-\d{2}-\d{2}/ })).toBeVisible();
});

test("vendor staff read in the outbox what would have been sent while no mail server is configured", async ({ page }) => {
  await signInAs(page, "vendor", "/");
  const [grading] = await callApi<{ id: string; subject: string }[]>(page, "GET", "/api/vendor/cases?search=report%20cards");
  const reply = `Outbox check ${Date.now()}: please send the print setup screenshot.`;
  await callApi(page, "POST", `/api/vendor/cases/${grading!.id}/comments`, { body: reply, internal: false });

  await page.goto("/vendor/outbox");
  await expect(page.getByRole("heading", { name: "Outbox" })).toBeVisible();
  await expect(page.getByText("No mail server configured")).toBeVisible();
  const row = page.getByRole("table", { name: "Outbox messages" }).getByRole("row", { name: /kim@demo-usd\.example/ }).first();
  await expect(row).toContainText("Not sent: no mail server");
  await saveScreenshot(page, "outbox-list");

  await row.getByRole("button").first().click();
  const dialog = page.getByRole("dialog");
  await expect(dialog.getByText("No SMTP server is configured: this is what would have been sent.")).toBeVisible();
  await dialog.getByRole("tab", { name: "Plain text" }).click();
  await expect(dialog.getByText(reply, { exact: false })).toBeVisible();
  await saveScreenshot(page, "outbox-message");
});
