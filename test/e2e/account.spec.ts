import { expect, test } from "@playwright/test";
import { ACCOUNTS, DEMO_SLUG } from "./support/accounts.js";
import { saveScreenshot } from "./support/screenshots.js";
import { fillSignInForm, totpCode } from "./support/sign-in.js";

test("district staff can turn MFA on from My account, are asked for a code, and can turn it off with their password", async ({ page }) => {
  const account = ACCOUNTS.accountMfa;
  await page.goto(`/login/${DEMO_SLUG}`);
  await fillSignInForm(page, account.username, account.password);
  await expect(page.getByTestId("signed-in-user")).toHaveText(account.displayName);
  await page.goto("/account");
  const mfa = page.getByRole("region", { name: "Authenticator (MFA)" });
  await expect(mfa).toContainText("Off");

  await mfa.getByRole("button", { name: "Set up an authenticator" }).click();
  const dialog = page.getByRole("dialog", { name: "Set up an authenticator" });
  const secret = await dialog.getByTestId("mfa-secret").getAttribute("data-value");
  await saveScreenshot(page, "account-mfa-setup");
  await dialog.getByRole("textbox", { name: /Enter the 6-digit code/ }).fill(totpCode(secret!));
  await dialog.getByRole("button", { name: "Confirm code" }).click();
  await expect(dialog.getByTestId("recovery-code")).toHaveCount(10);
  await dialog.getByRole("checkbox", { name: "I have saved my recovery codes" }).check();
  await dialog.getByRole("button", { name: "Done" }).click();
  await expect(dialog).toBeHidden();
  await expect(mfa).toContainText("On");

  await page.getByRole("button", { name: "Sign out", exact: true }).click();
  await fillSignInForm(page, account.username, account.password);
  await expect(page).toHaveURL(/\/sign-in\/mfa$/);
  const code = page.getByRole("textbox", { name: "Authenticator or recovery code" });
  await code.fill("123456" === totpCode(secret!) ? "654321" : "123456");
  await page.getByRole("button", { name: "Verify and sign in" }).click();
  await expect(page.getByText("That code is not right")).toBeVisible();
  await code.fill(totpCode(secret!));
  await page.getByRole("button", { name: "Verify and sign in" }).click();
  await expect(page.getByTestId("signed-in-user")).toHaveText(account.displayName);

  await page.goto("/account");
  await mfa.getByRole("button", { name: "Turn off MFA" }).click();
  const off = page.getByRole("form", { name: "Turn off MFA" });
  await off.locator('input[type="password"]').fill("not-my-password");
  await off.getByRole("button", { name: "Turn off MFA" }).click();
  await expect(off.getByText("Your password is not right.")).toBeVisible();
  await off.locator('input[type="password"]').fill(account.password);
  await off.getByRole("button", { name: "Turn off MFA" }).click();
  await expect(mfa).toContainText("Off");
  await expect(mfa.getByRole("button", { name: "Set up an authenticator" })).toBeVisible();
});
