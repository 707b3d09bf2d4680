import { expect, test } from "@playwright/test";
import { ACCOUNTS } from "./support/accounts.js";
import { saveScreenshot } from "./support/screenshots.js";
import { signInAs } from "./support/sign-in.js";

test("an unknown address inside the app shows a helpful not-found page", async ({ page }) => {
  await signInAs(page, "admin", "/no/such/page");
  await expect(page.getByRole("heading", { name: "Page not found" })).toBeVisible();
  await expect(page.getByText("/no/such/page")).toBeVisible();
  await expect(page.getByRole("main").getByRole("link", { name: "My account" })).toBeVisible();
  await saveScreenshot(page, "not-found");
  await page.getByRole("link", { name: "Go to the home page" }).click();
  await expect(page.getByRole("heading", { level: 2 })).toContainText("Alex");
});

test("My account lists this session and can sign out the others", async ({ page, browser }) => {
  // A second browser signed in as the same user is "another session".
  const other = await browser.newContext();
  const otherPage = await other.newPage();
  await signInAs(otherPage, "groupadmin");

  await signInAs(page, "groupadmin", "/account");
  await expect(page.getByRole("region", { name: "Profile" })).toContainText(ACCOUNTS.groupadmin.displayName);
  const rows = page.getByTestId("session-row");
  await expect(rows.filter({ hasText: "This session" })).toHaveCount(1);
  await saveScreenshot(page, "account");

  // signInAs reuses one session per worker, so "other" may be this very session: open a fresh one.
  await other.clearCookies();
  const signIn = await other.request.post("/api/auth/sign-in", {
    data: { district: ACCOUNTS.groupadmin.district, username: ACCOUNTS.groupadmin.username, password: ACCOUNTS.groupadmin.password },
  });
  expect(signIn.status()).toBe(200);
  await page.reload();
  await expect(rows).not.toHaveCount(1);
  await page.getByRole("button", { name: "Sign out everywhere else" }).click();
  await page.getByRole("dialog").getByRole("button", { name: "Sign out the others" }).click();
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText("This session");
  expect((await other.request.get("/api/auth/me")).status()).toBe(401);
  await other.close();
});
