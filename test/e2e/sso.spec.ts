import { expect, test } from "@playwright/test";
import { startOidcProvider, type TestIdp } from "../support/oidc-provider.js";
import { saveScreenshot } from "./support/screenshots.js";
import { signInAs } from "./support/sign-in.js";

/**
 * OpenID Connect sign-in through the district page's button, against a real OpenID provider
 * (oidc-provider, with its dev login and consent pages) started here on a free port. The
 * installation's public URL is http://localhost:PORT, so the person uses that address.
 */
const SLUG = "e2e-sso";
const port = new URL(process.env.E2E_BASE_URL!).port;
const publicUrl = `http://localhost:${port}`;
let idp: TestIdp;

test.beforeAll(async () => {
  idp = await startOidcProvider({ clientId: "gatehouse-e2e", clientSecret: "e2e-client-secret", redirectUris: [`${publicUrl}/sso/${SLUG}/oidc/callback`] });
});
test.afterAll(async () => {
  await idp?.close();
});

test("an administrator configures OpenID Connect, and a new person signs in with the button (just-in-time account)", async ({ page, browser }) => {
  test.slow(); // two browsers and a real OpenID provider
  await signInAs(page, "ssoAdmin", "/security/sso");
  await expect(page.getByRole("heading", { name: "Single sign-on" })).toBeVisible();
  const oidc = page.getByRole("region", { name: "OpenID Connect" });
  await expect(oidc).toContainText(`${publicUrl}/sso/${SLUG}/oidc/callback`);
  await oidc.getByLabel("Button label").fill("District Login");
  await oidc.getByLabel("Issuer URL").fill(idp.issuer);
  await oidc.getByLabel("Client id").fill("gatehouse-e2e");
  await oidc.getByLabel("Client secret").fill("e2e-client-secret");
  await oidc.getByLabel("Offer OpenID Connect sign-in").check();
  await oidc.getByRole("button", { name: "Save OpenID Connect" }).click();
  await expect(page.getByText("Single sign-on saved.")).toBeVisible();
  await expect(oidc).toContainText("A secret is set. It is never shown");
  await expect(oidc.getByLabel("Client secret")).toHaveValue("");

  const jit = page.getByRole("region", { name: "Just-in-time accounts" });
  await jit.getByLabel("Create an account at a first single sign-on that has no link").check();
  await jit.getByRole("button", { name: "Save just-in-time accounts" }).click();
  await expect(jit.getByLabel("Create an account at a first single sign-on that has no link")).toBeChecked();
  await saveScreenshot(page, "sso-settings");

  // Someone else, in a browser of their own, at the address the IdP sends people back to.
  const context = await browser.newContext();
  const visitor = await context.newPage();
  await visitor.goto(`${publicUrl}/login/${SLUG}`);
  await visitor.getByRole("link", { name: "Sign in with District Login" }).click();
  await expect(visitor).toHaveURL(new RegExp(`^${idp.issuer}/interaction/`));
  await visitor.getByPlaceholder("Enter any login").fill("robin.sso");
  await visitor.getByPlaceholder("and password").fill("anything");
  await visitor.getByRole("button", { name: "Sign-in" }).click();
  await visitor.getByRole("button", { name: "Continue" }).click();
  await expect(visitor).toHaveURL(`${publicUrl}/`);
  await expect(visitor.getByTestId("signed-in-user")).toHaveText("Test robin.sso");
  await saveScreenshot(visitor, "sso-signed-in");
  await context.close();

  // The administrator sees the new account's link, made by the just-in-time creation.
  await page.reload();
  await expect(page.getByRole("region", { name: "Linked identities" })).toContainText("robin.sso", { timeout: 30_000 });
});

test("a signed-in user links their own identity from My account", async ({ browser }) => {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(`${publicUrl}/login/${SLUG}`);
  await page.getByRole("textbox", { name: "Username" }).fill("e2e-sso-admin");
  await page.locator('input[name="password"]').fill("Sso-Admin-E2E-Pass-58");
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await expect(page.getByTestId("signed-in-user")).toHaveText("Sid Signon");
  await page.goto(`${publicUrl}/account`);
  const card = page.getByRole("region", { name: "Single sign-on" });
  await expect(card).toContainText("No identity is linked to your account yet.");
  await card.getByRole("link", { name: "Link my District Login account" }).click();
  await page.getByPlaceholder("Enter any login").fill("sid-at-idp");
  await page.getByPlaceholder("and password").fill("anything");
  await page.getByRole("button", { name: "Sign-in" }).click();
  await page.getByRole("button", { name: "Continue" }).click();
  await expect(page).toHaveURL(`${publicUrl}/account?sso-linked=1`);
  await expect(card).toContainText("sid-at-idp");
  await saveScreenshot(page, "sso-account-linked");
  await context.close();
});

test("a refused single sign-on says why on the sign-in page", async ({ page }) => {
  await page.goto(`/sso/${SLUG}/oidc/callback?code=stolen&state=not-from-this-browser`);
  await expect(page).toHaveURL(new RegExp(`/login/${SLUG}\\?sso-error=state-mismatch$`));
  await expect(page.getByRole("alert")).toContainText("This sign-in did not start in this browser");
});
