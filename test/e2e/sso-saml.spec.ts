import { expect, test, type Page } from "@playwright/test";
import { authnRequestId, makeSamlIdp, signedResponse, type TestSamlIdp } from "../support/saml-idp.js";
import { saveScreenshot } from "./support/screenshots.js";
import { signInAs } from "./support/sign-in.js";

/**
 * A full SAML 2.0 sign-in in the browser: the administrator pastes the IdP's metadata, a person
 * presses "Sign in with …", Gatehouse redirects the browser to the IdP with its AuthnRequest, and
 * the IdP (played here by a routed page at its sign-on URL) posts a Response signed with its test
 * key back to the ACS, as Entra or Google do with the HTTP-POST binding. A response signed with
 * another key is refused with a sentence on the sign-in page.
 */
const SLUG = "e2e-sso";
const port = new URL(process.env.E2E_BASE_URL!).port;
const publicUrl = `http://localhost:${port}`;
const spEntityId = `${publicUrl}/sso/${SLUG}/saml/metadata`;
const acsUrl = `${publicUrl}/sso/${SLUG}/saml/acs`;
const idp = makeSamlIdp({ entityId: "https://idp.test.example/saml", ssoUrl: "http://idp.test.example/saml/sso" });

/** The IdP's sign-on page: it answers Gatehouse's request with a form that posts the Response to the ACS. */
async function playIdp(page: Page, nameId: string, signer: TestSamlIdp = idp) {
  await page.route(`${idp.ssoUrl}**`, async (route) => {
    const url = route.request().url();
    const response = signedResponse({ idp, signWith: signer.privateKey, nameId, audience: spEntityId, acsUrl, inResponseTo: authnRequestId(url) });
    const relayState = new URL(url).searchParams.get("RelayState");
    const relay = relayState ? `<input type="hidden" name="RelayState" value="${relayState.replace(/"/g, "&quot;")}">` : "";
    await route.fulfill({
      contentType: "text/html",
      body: `<!doctype html><title>Test IdP</title><form method="post" action="${acsUrl}"><input type="hidden" name="SAMLResponse" value="${response}">${relay}<button>Continue to Gatehouse</button></form>`,
    });
  });
}

test("an administrator configures SAML with the IdP's metadata, and a new person signs in with the button", async ({ page, browser }) => {
  test.slow(); // two browsers, the settings saved twice
  await signInAs(page, "ssoAdmin", "/security/sso");
  const saml = page.getByRole("region", { name: "SAML 2.0" });
  await saml.getByLabel("Button label").fill("Contoso SAML");
  await saml.getByLabel("Identity provider metadata XML").fill(idp.metadataXml);
  await saml.getByLabel("Offer SAML sign-in").check();
  await saml.getByRole("button", { name: "Save SAML" }).click();
  await expect(page.getByText("Single sign-on saved.")).toBeVisible();
  await expect(saml).toContainText(spEntityId);
  await expect(saml).toContainText(acsUrl);
  await expect(saml.getByLabel("Gatehouse's SP metadata XML")).toHaveValue(new RegExp(`entityID="${spEntityId}"`));
  const jit = page.getByRole("region", { name: "Just-in-time accounts" });
  const jitSwitch = jit.getByLabel("Create an account at a first single sign-on that has no link");
  if (!(await jitSwitch.isChecked())) {
    await jitSwitch.check();
    await jit.getByRole("button", { name: "Save just-in-time accounts" }).click();
    await expect(jitSwitch).toBeChecked();
  }
  await saveScreenshot(page, "sso-saml-settings");

  const context = await browser.newContext();
  const visitor = await context.newPage();
  await playIdp(visitor, "casey.saml");
  await visitor.goto(`${publicUrl}/login/${SLUG}`);
  await visitor.getByRole("link", { name: "Sign in with Contoso SAML" }).click();
  await expect(visitor).toHaveTitle("Test IdP");
  await visitor.getByRole("button", { name: "Continue to Gatehouse" }).click();
  await expect(visitor).toHaveURL(`${publicUrl}/`);
  await expect(visitor.getByTestId("signed-in-user")).toHaveText("casey.saml@district.example"); // the username the email attribute gave
  await context.close();

  await page.reload();
  await expect(page.getByRole("region", { name: "Linked identities" })).toContainText("casey.saml");
});

test("a SAML response signed by another key is refused, and the sign-in page says why", async ({ browser }) => {
  const context = await browser.newContext();
  const visitor = await context.newPage();
  await playIdp(visitor, "casey.saml", makeSamlIdp());
  await visitor.goto(`${publicUrl}/login/${SLUG}`);
  await visitor.getByRole("link", { name: "Sign in with Contoso SAML" }).click();
  await visitor.getByRole("button", { name: "Continue to Gatehouse" }).click();
  await expect(visitor).toHaveURL(`${publicUrl}/login/${SLUG}?sso-error=bad-signature`);
  await expect(visitor.getByRole("alert")).toContainText("was not signed by it, or was changed on the way");
  await expect(visitor.getByTestId("signed-in-user")).toHaveCount(0);
  await context.close();
});
