import { expect, test } from "@playwright/test";
import { GAPS_CONTACT } from "./support/support-fixtures.js";
import { choose, signInContact, type ContactLogin } from "./support-e2e-helpers.js";

const casey: ContactLogin = { username: GAPS_CONTACT.username, password: GAPS_CONTACT.password, displayName: GAPS_CONTACT.displayName, secret: GAPS_CONTACT.secret };

test("Update Requests is the one highlighted nav item, names the page, and refuses a preferred date that has passed", async ({ page }) => {
  await signInContact(page, casey, "/support/update-requests");
  await expect(page.getByRole("heading", { name: "Update Requests" }).first()).toBeVisible();
  await expect(page).toHaveTitle("Update Requests · Gatehouse");
  const support = page.getByRole("navigation", { name: "Support" });
  await expect(support.getByRole("link", { name: "Update Requests" })).toHaveAttribute("aria-current", "page");
  await expect(support.getByRole("link", { name: "Case Portal" })).not.toHaveAttribute("aria-current", "page");

  await page.getByLabel("Preferred date").fill("2020-01-15");
  await page.getByRole("button", { name: "File request" }).click();
  await expect(page.getByText(/Support cannot schedule work on a day that has passed/)).toBeVisible();
});

test("a file over 10 MB stops the case at the file field before anything is sent", async ({ page }) => {
  const subject = `Big export ${Date.now()}`;
  await signInContact(page, casey, "/support/cases/new");
  await page.getByRole("textbox", { name: /^Subject/ }).fill(subject);
  await choose(page, /^Product area/, "Grading");
  await page.getByRole("textbox", { name: /^Description/ }).fill("See the attached export.");
  let uploads = 0;
  page.on("request", (r) => {
    if (r.url().includes("/api/support/cases") && r.method() === "POST") uploads += 1;
  });
  await page.locator('input[type="file"]').setInputFiles({ name: "export.csv", mimeType: "text/csv", buffer: Buffer.alloc(11 * 1024 * 1024, 0x41) });
  await expect(page.getByText(/"export.csv" is 11.0 MB; attachments can be at most 10 MB/)).toBeVisible();
  await page.getByRole("button", { name: "Open case" }).click();
  await expect(page.getByText(/attachments can be at most 10 MB/)).toBeVisible();
  await expect(page).toHaveURL(/\/support\/cases\/new$/);
  expect(uploads).toBe(0);
});

test("links in case text are safe links; other text stays text", async ({ page }) => {
  const subject = `Link case ${Date.now()}`;
  await signInContact(page, casey, "/support/cases/new");
  await page.getByRole("textbox", { name: /^Subject/ }).fill(subject);
  await choose(page, /^Product area/, "Grading");
  await page.getByRole("textbox", { name: /^Description/ }).fill("Steps at https://docs.example.org/steps?id=4. Not a link: javascript:alert(1) <b>bold</b>");
  await page.getByRole("button", { name: "Open case" }).click();
  await expect(page.getByRole("heading", { name: new RegExp(subject) })).toBeVisible();
  const link = page.getByRole("link", { name: "https://docs.example.org/steps?id=4" });
  await expect(link).toHaveAttribute("href", "https://docs.example.org/steps?id=4");
  await expect(link).toHaveAttribute("rel", "noopener noreferrer");
  await expect(page.getByText("javascript:alert(1) <b>bold</b>")).toBeVisible();
  await expect(page.locator('a[href^="javascript:"]')).toHaveCount(0);
});

test("an authorized contact is told MFA must stay on and is not offered to turn it off", async ({ page }) => {
  await signInContact(page, casey, "/account");
  const card = page.getByRole("region", { name: "Authenticator (MFA)" });
  await expect(card.getByText("Authorized contacts must keep MFA on")).toBeVisible();
  await expect(card.getByRole("button", { name: "Move to a new authenticator" })).toBeVisible();
  await expect(page.getByRole("button", { name: "Turn off MFA" })).toHaveCount(0);
});
