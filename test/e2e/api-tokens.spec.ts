import { expect, test } from "@playwright/test";
import { saveScreenshot } from "./support/screenshots.js";
import { signInAs } from "./support/sign-in.js";
import { tag } from "./security-e2e-helpers.js";

test("a district system administrator creates an API token (shown once), sees it used, and revokes it", async ({ page, playwright, baseURL }) => {
  const name = `e2e-bot-${tag()}`;
  await signInAs(page, "admin", "/security/api-tokens");
  const form = page.getByRole("region", { name: "New token" });
  await form.getByRole("textbox", { name: "Service account" }).fill(name);
  await form.getByRole("checkbox", { name: /^api:read/ }).check();
  await form.getByRole("button", { name: "Create token" }).click();
  const shown = page.getByTestId("new-token");
  await expect(shown).toHaveText(/^gh_[A-Za-z0-9_-]{43}$/);
  const token = (await shown.textContent())!;
  await expect(form.getByRole("button", { name: "Copy" })).toBeVisible();
  await saveScreenshot(page, "api-token-created");

  // a client with no cookie: the token alone authenticates, as its service account (no rights yet: 404, not 401)
  const client = await playwright.request.newContext({ baseURL: baseURL! });
  try {
    expect((await client.get("/api/users", { headers: { authorization: `Bearer ${token}` } })).status()).toBe(404);
    await form.getByRole("button", { name: "Done" }).click();
    await expect(shown).toHaveCount(0); // once: the secret is gone from the screen
    await page.reload();
    const row = page.getByTestId("token-row").filter({ hasText: name });
    await expect(row).toContainText("api:read");
    await expect(row).toContainText(`…${token.slice(-4)}`);
    await expect(row.getByRole("cell").nth(3)).not.toHaveText("never"); // last used
    await expect(page.getByTestId("service-account-row").filter({ hasText: name })).toContainText("1");
    expect(await page.content()).not.toContain(token);

    await row.getByRole("button", { name: "Revoke" }).click();
    await page.getByRole("dialog").getByRole("button", { name: "Revoke" }).click();
    await expect(row).toContainText("revoked");
    const refused = await client.get("/api/users", { headers: { authorization: `Bearer ${token}` } });
    expect(refused.status()).toBe(401);
    expect((await refused.json()).code).toBe("token-invalid");
  } finally {
    await client.dispose();
  }
  // its groups and rights are managed like a user's: it is on the Users screen, marked
  await page.getByTestId("service-account-row").filter({ hasText: name }).getByRole("link", { name }).click();
  await expect(page).toHaveURL(/\/security\/users\/[0-9a-f-]{36}$/);
  await page.goto("/security/users");
  await page.getByRole("textbox", { name: "Search users" }).fill(name);
  await expect(page.getByTestId("user-row").filter({ hasText: name })).toContainText("service account");
});

test("staff without a Product Security Role are not offered the screen", async ({ page }) => {
  await signInAs(page, "teacher", "/security/api-tokens");
  await expect(page.getByRole("alert")).toContainText("You cannot open this");
  await expect(page.getByRole("region", { name: "New token" })).toHaveCount(0);
});
