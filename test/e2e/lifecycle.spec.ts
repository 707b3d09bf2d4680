import { expect, test } from "@playwright/test";
import { callApi } from "./support/api.js";
import { LIFECYCLE_CONTACTS, LIFECYCLE_DISTRICT, PAT_LOGIN } from "./support/lifecycle-fixtures.js";
import { saveScreenshot } from "./support/screenshots.js";
import { signInAs, totpCode } from "./support/sign-in.js";

// The lifecycle district is this spec's own (support/lifecycle-fixtures.ts): Paula and Pat got
// their notice 20 days ago, Dora's notice is due in 20 days, Kai was active 5 days ago, Dex was
// deactivated 50 days ago. The tests run in order: the sweep and Pat's sign-in change them.
const { paula, dora, kai, dex } = LIFECYCLE_CONTACTS;

const longDay = (daysFromToday: number) =>
  new Date(Date.now() + daysFromToday * 86_400_000).toLocaleDateString("en-US", { weekday: "long", month: "long", day: "numeric", year: "numeric", timeZone: "UTC" });

test("vendor staff see contacts by inactivity stage with days left and the district's timeline", async ({ page }) => {
  await signInAs(page, "vendor", "/vendor/lifecycle");
  await expect(page.getByRole("heading", { name: "Contact inactivity" })).toBeVisible();
  const districtRow = page.getByRole("table", { name: "Contacts per district" }).getByRole("row", { name: new RegExp(LIFECYCLE_DISTRICT.name) });
  await expect(districtRow).toBeVisible();
  await districtRow.getByRole("button", { name: LIFECYCLE_DISTRICT.name }).click();

  const contacts = page.getByRole("table", { name: "Contacts by lifecycle stage" });
  await expect(contacts.getByRole("row", { name: new RegExp(paula.displayName) })).toContainText("Notice sent");
  await expect(contacts.getByRole("row", { name: new RegExp(paula.displayName) })).toContainText("10 days to deactivation");
  await expect(contacts.getByRole("row", { name: new RegExp(dora.displayName) })).toContainText("20 days to notice");
  await expect(contacts.getByRole("row", { name: new RegExp(kai.displayName) })).toContainText("175 days to notice");
  await expect(contacts.getByRole("row", { name: new RegExp(dex.displayName) })).toContainText("Deactivated");
  // Most urgent first: the pending contacts lead the list.
  await expect(contacts.getByRole("row").nth(1)).toContainText(/Paula Pending|Pat Portal/);
  const chart = page.getByRole("img", { name: new RegExp(`Inactivity timeline for ${LIFECYCLE_DISTRICT.name}`) });
  await expect(chart).toBeVisible();
  await expect(chart).toContainText(paula.displayName);
  await expect(chart).toContainText(dora.displayName);

  await page.getByRole("radiogroup", { name: "Which contacts" }).getByText("Notice within 30 days", { exact: true }).click();
  await expect(contacts.getByRole("row")).toHaveCount(2); // header + Dora
  await expect(contacts).toContainText(dora.displayName);
  await page.getByRole("radiogroup", { name: "Which contacts" }).getByText("Pending deactivation", { exact: true }).click();
  await expect(contacts.getByRole("row")).toHaveCount(3); // header + Paula + Pat
  await saveScreenshot(page, "lifecycle-vendor");

  // The notices went out 20 days ago: today the reminder is due for Paula and Pat. (Should the
  // server's daily sweep have run since the fixtures were made, it has sent them already.)
  await page.getByRole("button", { name: "Run today's sweep now" }).click();
  await expect(page.getByRole("status").filter({ hasText: /^Sweep for \d{4}-\d{2}-\d{2}/ })).toBeVisible();
  await expect(contacts.getByRole("row", { name: new RegExp(paula.displayName) })).toContainText("Reminder sent");
});

test("the outbox shows the notices that would have been sent while no mail server is configured", async ({ page }) => {
  await signInAs(page, "vendor", "/vendor/outbox");
  await expect(page.getByText("No mail server configured")).toBeVisible();
  await page.getByRole("textbox", { name: "Search messages" }).fill(`${paula.username}@`);
  const table = page.getByRole("table", { name: "Outbox messages" });
  const notice = table
    .getByRole("row", { name: /Action needed: your Lifecycle Test USD support portal access will be deactivated on/ })
    .filter({ hasText: `${paula.username}@lifecycle.example` });
  await expect(notice).toContainText("Not sent: no mail server");
  await notice.getByRole("button").first().click();
  const dialog = page.getByRole("dialog");
  await expect(dialog.getByText("No SMTP server is configured: this is what would have been sent.")).toBeVisible();
  await dialog.getByRole("tab", { name: "Plain text" }).click();
  const text = dialog.getByText(/unless you sign in before then/);
  await expect(text).toContainText(LIFECYCLE_DISTRICT.name);
  await expect(text).toContainText(longDay(10));
  await expect(text).toContainText(`/login/${LIFECYCLE_DISTRICT.slug}`);
  await saveScreenshot(page, "outbox-notice");
});

test("vendor staff read in the outbox what a case reply would have sent", async ({ page }) => {
  await signInAs(page, "vendor", "/");
  const { items: [grading] } = await callApi<{ items: { id: string; subject: string }[] }>(page, "GET", "/api/vendor/cases?search=report%20cards");
  const reply = `Outbox check ${Date.now()}: please send the print setup screenshot.`;
  await callApi(page, "POST", `/api/vendor/cases/${grading!.id}/comments`, { body: reply, internal: false });

  await page.goto("/vendor/outbox");
  await expect(page.getByRole("heading", { name: "Outbox" })).toBeVisible();
  const row = page.getByRole("table", { name: "Outbox messages" }).getByRole("row", { name: /kim@demo-usd\.example/ }).first();
  await expect(row).toContainText("Not sent: no mail server");
  await saveScreenshot(page, "outbox-list");
  await row.getByRole("button").first().click();
  const dialog = page.getByRole("dialog");
  await dialog.getByRole("tab", { name: "Plain text" }).click();
  await expect(dialog.getByText(reply, { exact: false })).toBeVisible();
  await saveScreenshot(page, "outbox-message");
});

test("a contact pending deactivation signs in and the portal home shows it cleared, with the next deadline", async ({ page }) => {
  const context = page.context();
  await context.clearCookies();
  const signIn = await context.request.post("/api/auth/sign-in", { data: { district: PAT_LOGIN.district, username: PAT_LOGIN.username, password: PAT_LOGIN.password } });
  expect(signIn.status(), await signIn.text()).toBe(200);
  const { csrfToken } = await (await context.request.get("/api/auth/me")).json();
  const mfa = await context.request.post("/api/auth/mfa", { data: { code: totpCode(PAT_LOGIN.mfaSecret) }, headers: { "x-csrf-token": csrfToken } });
  expect(mfa.status(), await mfa.text()).toBe(200);

  await page.goto("/support");
  await expect(page.getByRole("heading", { name: "Support Case Portal" })).toBeVisible();
  const status = page.getByRole("region", { name: "Your authorized contact status" });
  await expect(status).toContainText("Active");
  await expect(status).toContainText("Pending deactivation cleared");
  await expect(status).toContainText(`will not be deactivated on ${longDay(10)}`);
  // Opening the portal was today's activity: the next notice is 180 days away.
  await expect(status).toContainText(`a notice of pending deactivation is sent on ${longDay(180)} (180 days from now)`);
  await saveScreenshot(page, "lifecycle-portal-home");
});
