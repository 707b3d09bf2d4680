import { expect, test } from "@playwright/test";
import { ACCOUNTS, DEMO_SLUG } from "./support/accounts.js";
import { saveScreenshot } from "./support/screenshots.js";
import { fillSignInForm, signInAs } from "./support/sign-in.js";
import { findUser } from "./security-e2e-helpers.js";

test("an administrator sends a set-password link; the person chooses a password on the link's page and signs in with it", async ({ page, browser }) => {
  const account = ACCOUNTS.authPasswordLink;
  await signInAs(page, "admin");
  const user = await findUser(page, "authPasswordLink");
  await page.goto(`/security/users/${user.id}`);
  await page.getByRole("button", { name: `Send a set-password link to ${account.displayName}` }).click();
  const result = page.getByRole("status").filter({ hasText: "Set-password link" });
  await expect(result).toContainText(`Emailed to ${account.displayName}`);
  const url = await result.getByTestId("password-link").getAttribute("data-value");
  expect(url).toMatch(/\/set-password\/[A-Za-z0-9_-]{40,}$/);
  await saveScreenshot(page, "security-user-password-link");

  // The person opens the link in a browser of their own, signed out.
  const context = await browser.newContext();
  const visitor = await context.newPage();
  const link = new URL(url!);
  await visitor.goto(link.pathname);
  await expect(visitor.getByRole("heading", { name: "Choose your password" })).toBeVisible();
  await expect(visitor.getByRole("form", { name: "Choose your password" })).toContainText(account.username);
  const newPassword = "Chosen-Through-Link-4";
  await visitor.locator('input[name="password"]').fill("short");
  await visitor.locator('input[name="repeatPassword"]').fill("short");
  await visitor.getByRole("button", { name: "Set password" }).click();
  await expect(visitor.getByText("Use at least 10 characters.")).toBeVisible();
  await visitor.locator('input[name="password"]').fill(newPassword);
  await visitor.locator('input[name="repeatPassword"]').fill(newPassword);
  await saveScreenshot(visitor, "set-password-page");
  await visitor.getByRole("button", { name: "Set password" }).click();
  await expect(visitor.getByText("Your password is set.")).toBeVisible();
  await visitor.getByRole("link", { name: "Sign in" }).click();
  await expect(visitor).toHaveURL(new RegExp(`/login/${DEMO_SLUG}$`));
  await fillSignInForm(visitor, account.username, newPassword);
  await expect(visitor.getByTestId("signed-in-user")).toHaveText(account.displayName);

  // The link worked once.
  await visitor.goto(link.pathname);
  await expect(visitor.getByRole("heading", { name: "This link does not work" })).toBeVisible();
  await context.close();
});

test("vendor staff unlock a colleague locked out by failed sign-ins", async ({ page }) => {
  const locked = ACCOUNTS.authLockedVendor;
  for (let i = 0; i < 5; i++) {
    const res = await page.request.post("/api/auth/sign-in", { data: { username: locked.username, password: "not-the-password-9" } });
    expect(res.status()).toBe(401);
  }
  const refused = await page.request.post("/api/auth/sign-in", { data: { username: locked.username, password: locked.password } });
  expect(refused.status()).toBe(401);

  await signInAs(page, "vendor", "/vendor/staff-accounts");
  const row = page.getByRole("table", { name: "Staff accounts" }).getByRole("row").filter({ hasText: locked.username });
  await expect(row.getByText("locked", { exact: true })).toBeVisible();
  await saveScreenshot(page, "vendor-staff-accounts");
  await row.getByRole("button", { name: `Unlock ${locked.displayName}` }).click();
  await expect(page.getByText(`${locked.displayName} can sign in again from everywhere.`)).toBeVisible();
  await expect(row.getByText("locked", { exact: true })).toHaveCount(0);

  const again = await page.context().request.fetch("/api/auth/sign-in", { method: "POST", headers: { cookie: "" }, data: { username: locked.username, password: locked.password } });
  expect(again.status()).toBe(200);
  expect((await again.json()).stage).toBe("mfa-enrol");
});
