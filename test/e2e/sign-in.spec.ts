import { expect, test } from "@playwright/test";
import { ACCOUNTS, DEMO_NAME, DEMO_SLUG } from "./support/accounts.js";
import { saveScreenshot } from "./support/screenshots.js";
import { fillSignInForm, totpCode } from "./support/sign-in.js";

test.describe("district sign-in", () => {
  test("a wrong password is refused with a message on the page, and empty fields are named", async ({ page }) => {
    const account = ACCOUNTS.signInWrongPassword;
    await page.goto(`/login/${DEMO_SLUG}`);
    await expect(page.getByRole("heading", { name: DEMO_NAME })).toBeVisible();

    await page.getByRole("button", { name: "Sign in", exact: true }).click();
    await expect(page.getByText("Enter your username")).toBeVisible();
    await expect(page.getByText("Enter your password")).toBeVisible();

    await fillSignInForm(page, account.username, "not-the-password-1");
    await expect(page.getByRole("alert")).toContainText("The username or password is not right");
    await expect(page).toHaveURL(new RegExp(`/login/${DEMO_SLUG}$`));
    await saveScreenshot(page, "sign-in-wrong-password");
  });

  test("the right password opens the home page with the user's name and district", async ({ page }) => {
    const account = ACCOUNTS.teacher;
    await page.goto(`/login/${DEMO_SLUG}`);
    await fillSignInForm(page, account.username, account.password);

    await expect(page).toHaveURL(/\/$/);
    await expect(page.getByTestId("signed-in-user")).toHaveText(account.displayName);
    await expect(page.getByRole("heading", { level: 2 })).toContainText("Terry");
    await expect(page.getByRole("banner")).toContainText(DEMO_NAME);
    await saveScreenshot(page, "home-teacher");
  });

  test("a signed-out visitor is sent to sign in and comes back to the page they asked for", async ({ page }) => {
    const account = ACCOUNTS.teacher;
    await page.goto("/account");
    await expect(page).toHaveURL(/\/login\?next=%2Faccount$/);
    await saveScreenshot(page, "district-picker");
    await page.getByRole("link", { name: DEMO_NAME }).click();
    await expect(page).toHaveURL(new RegExp(`/login/${DEMO_SLUG}\\?next=%2Faccount$`));
    await fillSignInForm(page, account.username, account.password);
    await expect(page).toHaveURL(/\/account$/);
    await expect(page.getByRole("heading", { name: "My account" })).toBeVisible();

    // Signing out returns to this district's page, which the browser now remembers.
    await page.getByRole("button", { name: "Sign out", exact: true }).click();
    await expect(page).toHaveURL(new RegExp(`/login/${DEMO_SLUG}$`));
    await page.goto("/account");
    await expect(page).toHaveURL(new RegExp(`/login/${DEMO_SLUG}\\?next=%2Faccount$`));
  });

  test("the Help section lists the district's help contacts", async ({ page }) => {
    await page.goto(`/login/${DEMO_SLUG}`);
    const help = page.getByRole("region", { name: "Help" });
    await expect(help.getByRole("listitem")).toHaveCount(2);
    await expect(help).toContainText("District Help Desk");
    await expect(help).toContainText("First stop for Campus questions");
    await expect(help.getByRole("link", { name: "helpdesk@demo-usd.example" })).toHaveAttribute("href", "mailto:helpdesk@demo-usd.example");
    await expect(help.getByRole("link", { name: "555-0100" })).toBeVisible();
    await expect(help).toContainText("Pat Rivera");
    await expect(help.getByRole("link", { name: "privera@demo-usd.example" })).toBeVisible();
    await saveScreenshot(page, "district-sign-in");
  });
});

test("changing the password on My account makes the old one stop working", async ({ page }) => {
  const account = ACCOUNTS.signInChangePassword;
  const newPassword = "After-Change-Pass-9";
  await page.goto(`/login/${DEMO_SLUG}`);
  await fillSignInForm(page, account.username, account.password);
  await expect(page.getByTestId("signed-in-user")).toHaveText(account.displayName);
  await page.getByRole("navigation", { name: "Account" }).getByRole("link", { name: "My account" }).click();

  const form = page.getByRole("form", { name: "Change password" });
  const current = form.locator('input[name="currentPassword"]');
  const next = form.locator('input[name="newPassword"]');
  const repeat = form.locator('input[name="repeatPassword"]');

  // Mistakes are shown at the field they concern.
  await current.fill("not-my-password");
  await next.fill(newPassword);
  await repeat.fill("something-else-entirely");
  await form.getByRole("button", { name: "Change password" }).click();
  await expect(form.getByText("The two new passwords are not the same.")).toBeVisible();
  await repeat.fill(newPassword);
  await form.getByRole("button", { name: "Change password" }).click();
  await expect(form.getByText("Your current password is not right.")).toBeVisible();
  await current.fill(account.password);
  await next.fill("short");
  await repeat.fill("short");
  await form.getByRole("button", { name: "Change password" }).click();
  await expect(form.getByText("Use at least 10 characters.")).toBeVisible();
  await saveScreenshot(page, "account-password-error");

  await next.fill(newPassword);
  await repeat.fill(newPassword);
  await form.getByRole("button", { name: "Change password" }).click();
  await expect(page.getByText("Password changed")).toBeVisible();
  await expect(current).toHaveValue("");

  await page.getByRole("button", { name: "Sign out", exact: true }).click();
  await fillSignInForm(page, account.username, account.password);
  await expect(page.getByRole("alert")).toContainText("The username or password is not right");
  await fillSignInForm(page, account.username, newPassword);
  await expect(page.getByTestId("signed-in-user")).toHaveText(account.displayName);
});

test("vendor staff must set up MFA at first sign-in and are shown their recovery codes", async ({ page }) => {
  const account = ACCOUNTS.signInVendorEnrol;
  await page.goto("/login");
  await page.getByRole("link", { name: "sign in here" }).click();
  await expect(page.getByRole("heading", { name: "Vendor support sign-in" })).toBeVisible();
  await saveScreenshot(page, "vendor-sign-in");
  await fillSignInForm(page, account.username, account.password);

  await expect(page).toHaveURL(/\/sign-in\/mfa-setup$/);
  await expect(page.getByRole("img", { name: "QR code to scan with your authenticator app" })).toBeVisible();

  // Nothing else opens until enrolment is done (and coming back starts over with a new secret).
  await page.goto("/account");
  await expect(page).toHaveURL(/\/sign-in\/mfa-setup\?next=%2Faccount$/);
  const secret = await page.getByTestId("mfa-secret").getAttribute("data-value");
  expect(secret).toMatch(/^[A-Z2-7]{16,}$/);
  await saveScreenshot(page, "vendor-mfa-setup");

  const codeInput = page.getByRole("textbox", { name: /Enter the 6-digit code/ });
  await codeInput.fill("000000" === totpCode(secret!) ? "111111" : "000000");
  await page.getByRole("button", { name: "Confirm code" }).click();
  await expect(page.getByText("That code does not match")).toBeVisible();

  await codeInput.fill(totpCode(secret!));
  await page.getByRole("button", { name: "Confirm code" }).click();
  const codes = page.getByRole("list", { name: "Recovery codes" }).getByRole("listitem");
  await expect(codes).toHaveCount(10);
  await expect(page.getByText("This is the only time these codes are shown")).toBeVisible();
  await saveScreenshot(page, "vendor-recovery-codes");
  const recoveryCode = (await codes.first().textContent())!.trim();

  const proceed = page.getByRole("button", { name: "Continue to Gatehouse" });
  await expect(proceed).toBeDisabled();
  await page.getByRole("checkbox", { name: "I have saved my recovery codes" }).check();
  await proceed.click();
  await expect(page).toHaveURL(/\/account$/);
  await expect(page.getByTestId("signed-in-user")).toHaveText(account.displayName);
  await expect(page.getByText("Vendor support staff must keep MFA on")).toBeVisible();
  await expect(page.getByRole("button", { name: "Turn off MFA" })).toHaveCount(0);
  await saveScreenshot(page, "vendor-account");

  // The next sign-in asks for a code; a recovery code works once in its place.
  await page.getByRole("button", { name: "Sign out", exact: true }).click();
  await expect(page).toHaveURL(/\/login\/vendor$/);
  await fillSignInForm(page, account.username, account.password);
  await expect(page).toHaveURL(/\/sign-in\/mfa$/);
  await saveScreenshot(page, "vendor-mfa-code");
  await page.getByRole("textbox", { name: "Authenticator or recovery code" }).fill(recoveryCode);
  await page.getByRole("button", { name: "Verify and sign in" }).click();
  await expect(page.getByTestId("signed-in-user")).toHaveText(account.displayName);
});
