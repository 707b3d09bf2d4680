import { expect, test } from "@playwright/test";
import { ACCOUNTS, DEMO_SLUG } from "./support/accounts.js";
import { saveScreenshot } from "./support/screenshots.js";
import { fillSignInForm, freshTotpCode, signInAs, totpCode } from "./support/sign-in.js";

test("district staff can turn MFA on from My account, are asked for a code, and can turn it off with their password and a code", async ({ page }) => {
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
  await dialog.getByRole("textbox", { name: /Enter the 6-digit code/ }).fill(await freshTotpCode(secret!));
  await dialog.getByRole("button", { name: "Confirm code" }).click();
  await expect(dialog.getByTestId("recovery-code")).toHaveCount(10);
  const recoveryCode = (await dialog.getByTestId("recovery-code").first().textContent())!.trim();
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
  const used = await freshTotpCode(secret!);
  await code.fill(used);
  await page.getByRole("button", { name: "Verify and sign in" }).click();
  await expect(page.getByTestId("signed-in-user")).toHaveText(account.displayName);

  // A code works once: signing in again with the same code is refused.
  await page.getByRole("button", { name: "Sign out", exact: true }).click();
  await fillSignInForm(page, account.username, account.password);
  await code.fill(used);
  await page.getByRole("button", { name: "Verify and sign in" }).click();
  await expect(page.getByText("That code is not right, or was used already")).toBeVisible();
  await code.fill(await freshTotpCode(secret!));
  await page.getByRole("button", { name: "Verify and sign in" }).click();
  await expect(page.getByTestId("signed-in-user")).toHaveText(account.displayName);

  await page.goto("/account");
  await mfa.getByRole("button", { name: "Turn off MFA" }).click();
  const off = page.getByRole("form", { name: "Turn off MFA" });
  await off.locator('input[type="password"]').fill("not-my-password");
  await off.getByRole("textbox", { name: /Code from your authenticator app/ }).fill(recoveryCode);
  await off.getByRole("button", { name: "Turn off MFA" }).click();
  await expect(off.getByText("Your password is not right.")).toBeVisible();
  await off.locator('input[type="password"]').fill(account.password);
  await off.getByRole("button", { name: "Turn off MFA" }).click();
  await expect(off.getByText("Enter a code from your current authenticator app")).toBeVisible();
  await off.getByRole("textbox", { name: /Code from your authenticator app/ }).fill(recoveryCode);
  await off.getByRole("button", { name: "Turn off MFA" }).click();
  await expect(mfa).toContainText("Off");
  await expect(mfa.getByRole("button", { name: "Set up an authenticator" })).toBeVisible();
});

test("moving to a new authenticator asks for the password and a code from the current one", async ({ page }) => {
  const account = ACCOUNTS.accountMfaMove;
  await signInAs(page, "accountMfaMove", "/account");
  const mfa = page.getByRole("region", { name: "Authenticator (MFA)" });
  await expect(mfa).toContainText("On");
  await mfa.getByRole("button", { name: "Move to a new authenticator" }).click();

  const proof = page.getByRole("form", { name: "Continue to the new authenticator" });
  const codeBox = proof.getByRole("textbox", { name: /Code from your authenticator app/ });
  await proof.locator('input[type="password"]').fill(account.password);
  await proof.getByRole("button", { name: "Continue to the new authenticator" }).click();
  await expect(proof.getByText("Enter a code from your current authenticator app")).toBeVisible();
  await codeBox.fill("000000" === totpCode(account.mfaSecret) ? "111111" : "000000");
  await proof.getByRole("button", { name: "Continue to the new authenticator" }).click();
  await expect(proof.getByText("That code is not right, or was used already")).toBeVisible();
  await saveScreenshot(page, "account-mfa-move-proof");
  await proof.locator('input[type="password"]').fill(account.password);
  await codeBox.fill(await freshTotpCode(account.mfaSecret));
  await proof.getByRole("button", { name: "Continue to the new authenticator" }).click();

  const dialog = page.getByRole("dialog", { name: "Move to a new authenticator" });
  const secret = await dialog.getByTestId("mfa-secret").getAttribute("data-value");
  expect(secret).not.toBe(account.mfaSecret);
  await dialog.getByRole("textbox", { name: /Enter the 6-digit code/ }).fill(await freshTotpCode(secret!));
  await dialog.getByRole("button", { name: "Confirm code" }).click();
  await dialog.getByRole("checkbox", { name: "I have saved my recovery codes" }).check();
  await dialog.getByRole("button", { name: "Done" }).click();
  await expect(page.getByText("Your authenticator is set up.")).toBeVisible();
});
