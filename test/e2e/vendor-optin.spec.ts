import { expect, test } from "@playwright/test";
import { openCaseForKim } from "./support-e2e-helpers.js";
import { signInAs } from "./support/sign-in.js";

test("a vendor agent who asks for every new case finds the new-case email to their address in the outbox", async ({ page }) => {
  await signInAs(page, "vendor", "/vendor/cases");
  const control = page.getByRole("radiogroup", { name: "Email me about new cases" });
  await control.getByText("Every new case").click();
  await expect(page.getByRole("status").filter({ hasText: "Saved: every new case." })).toBeVisible();
  const me: { user: { email: string | null } } = await (await page.request.get("/api/auth/me")).json();
  expect(me.user.email).toBeTruthy();
  const subject = `Opt-in check ${Date.now()}`;
  const c = await openCaseForKim(page, subject);
  await page.goto("/vendor/outbox");
  await page.getByRole("textbox", { name: "Search messages" }).fill(subject);
  const row = page.getByRole("table", { name: "Outbox messages" }).getByRole("row", { name: new RegExp(`Case #${c.number}`) });
  await expect(row.filter({ hasText: me.user.email! }).first()).toBeVisible();
});
