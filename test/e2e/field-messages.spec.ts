import { expect, test } from "@playwright/test";
import { signInAs } from "./support/sign-in.js";

/** A refused form says what to correct at the field (aria-invalid, described by the sentence) and puts focus there. */
test("the new account form marks the field the server refused and focuses it", async ({ page }) => {
  await signInAs(page, "admin", "/security/users");
  await page.getByRole("button", { name: "Create account" }).click();
  const dialog = page.getByRole("dialog", { name: "Create a staff account" });
  await dialog.getByRole("textbox", { name: "Name", exact: true }).fill("Pat Example");
  await dialog.getByRole("textbox", { name: "Email" }).fill("not an email");
  await dialog.getByRole("button", { name: "Create account" }).click();
  const username = dialog.getByRole("textbox", { name: "Username" });
  await expect(username).toHaveAttribute("aria-invalid", "true");
  await expect(username).toBeFocused();
  await expect(username).not.toHaveAccessibleDescription(/body\.|expected|Invalid/);
  await expect(dialog.getByRole("textbox", { name: "Email" })).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByText(/body\.|expected string|Invalid input/)).toHaveCount(0);
});

test("an access review with no due day is refused at the Due on field", async ({ page }) => {
  await signInAs(page, "admin", "/security/campaigns");
  await page.getByRole("button", { name: "Start an access review" }).click();
  const dialog = page.getByRole("dialog", { name: "Start an access review" });
  await dialog.getByRole("textbox", { name: "Name" }).fill("Field message check");
  await dialog.getByRole("button", { name: "Start the review" }).click();
  const due = dialog.getByLabel("Due on");
  await expect(due).toHaveAttribute("aria-invalid", "true");
  await expect(due).toBeFocused();
  await expect(page.getByText(/body\.|expected string|Invalid input/)).toHaveCount(0);
});

test("single sign-on settings refuse a wrong issuer and domain at their fields, in plain words", async ({ page }) => {
  await signInAs(page, "admin", "/security/sso");
  const oidc = page.getByRole("region", { name: "OpenID Connect" });
  await oidc.getByRole("textbox", { name: "Issuer URL" }).fill("login.example.org");
  await oidc.getByRole("textbox", { name: "Allowed email domain (optional)" }).fill("not a domain");
  await oidc.getByRole("button", { name: "Save OpenID Connect" }).click();
  const issuer = oidc.getByRole("textbox", { name: "Issuer URL" });
  await expect(issuer).toHaveAttribute("aria-invalid", "true");
  await expect(issuer).toBeFocused();
  await expect(issuer).toHaveAccessibleDescription(/web address/);
  await expect(oidc.getByRole("textbox", { name: "Allowed email domain (optional)" })).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByText(/body\.|expected string|Invalid input|oidc\./)).toHaveCount(0);
});

test("disabling dormant accounts with a reason too long for the audit log is refused at the Reason field, and nothing is disabled", async ({ page }) => {
  await signInAs(page, "admin", "/security/dormant?days=1");
  const rows = page.getByTestId("dormant-row");
  await expect(rows.first()).toBeVisible();
  const listed = await rows.count();
  await page.getByRole("checkbox", { name: "Select every account listed" }).check();
  const reason = page.getByRole("textbox", { name: "Reason (kept in the audit log)" });
  await reason.fill("x".repeat(600));
  await page.getByRole("button", { name: /^Disable \d+ selected$/ }).click();
  await page.getByRole("dialog").getByRole("button", { name: "Disable" }).click();
  await expect(reason).toHaveAttribute("aria-invalid", "true");
  await expect(reason).toHaveAccessibleDescription(/at most 500 characters/);
  await expect(page.getByRole("dialog")).toHaveCount(0);
  await expect(rows).toHaveCount(listed);
  await expect(page.getByText(/body\.|expected string|Invalid input/)).toHaveCount(0);
});
