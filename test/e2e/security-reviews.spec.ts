import { expect, test } from "@playwright/test";
import { callApi } from "./support/api.js";
import { saveScreenshot } from "./support/screenshots.js";
import { signInAs } from "./support/sign-in.js";

const tag = () => Math.random().toString(36).slice(2, 7);
type Group = { id: string; version: number };

// The server copies the code's tool catalog into the database the first time it compiles a
// district's rights, which a signed-in teacher triggers (an SIS-role admin alone does not yet).
test.beforeAll(async ({ browser }) => {
  const page = await (await browser.newContext()).newPage();
  await signInAs(page, "teacher");
  expect((await page.request.get("/api/me/tools")).status()).toBe(200);
  await page.context().close();
});

test("the reviews show who can see protected data, download as CSV, and draw the heat map", async ({ page }) => {
  await signInAs(page, "admin");
  const name = `Health Staff ${tag()}`;
  const group = await callApi<Group>(page, "POST", "/api/groups", { name, template: "Health Staff" });
  const users = await callApi<{ id: string; username: string }[]>(page, "GET", "/api/users?search=teacher");
  await callApi(page, "POST", `/api/groups/${group.id}/members`, { userId: users.find((u) => u.username === "teacher")!.id });

  await page.goto("/security/reviews");
  const table = page.getByRole("table", { name: "Who can see protected data" });
  await expect(table).toContainText("Student Information > Health > Conditions");
  await expect(table.getByRole("row").filter({ hasText: "Terry Teacher" }).first()).toContainText(name);
  await saveScreenshot(page, "security-review-protected");

  const download = page.waitForEvent("download");
  await page.getByRole("link", { name: "Download CSV" }).click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/^protected-data-\d{4}-\d{2}-\d{2}\.csv$/);

  // Printed, the report stands alone: no navigation, no buttons.
  await page.emulateMedia({ media: "print" });
  await expect(page.getByRole("navigation", { name: "Main navigation" })).toBeHidden();
  await expect(page.getByRole("button", { name: "Print" })).toBeHidden();
  await expect(table).toBeVisible();
  await saveScreenshot(page, "security-review-print");
  await page.emulateMedia({ media: "screen" });

  await page.getByRole("tab", { name: "Heat map" }).click();
  const heat = page.getByRole("table", { name: "Rights heat map: groups by modules" });
  await expect(heat.getByRole("rowheader", { name: new RegExp(name) })).toBeVisible();
  await expect(heat.getByRole("cell", { name: `${name} on Student Information: from none to RWAD (set differently inside)` })).toBeVisible();
  await saveScreenshot(page, "security-review-heat-map");

  await page.getByRole("tab", { name: "Delete and dangerous rights" }).click();
  await expect(page.getByRole("table", { name: "Groups with Delete and dangerous rights" })).toContainText(name);
  await saveScreenshot(page, "security-review-delete");
});

test("with automatic staff accounts on, a calendar-only group is refused tool rights with the reason", async ({ page }) => {
  await signInAs(page, "admin", "/security/preferences");
  const toggle = page.getByRole("switch", { name: "Enable Automatic Creation of Staff Accounts" });
  // Mantine draws the switch over a visually hidden input: click what a person clicks, its track
  const track = page.locator("label").filter({ has: toggle });
  await expect(toggle).not.toBeChecked();
  await track.click();
  await expect(toggle).toBeChecked();
  await saveScreenshot(page, "security-preferences");
  try {
    const group = await callApi<Group>(page, "POST", "/api/groups", { name: `Ballard calendars ${tag()}` });
    await callApi(page, "PUT", `/api/groups/${group.id}/calendar-rights`, {
      version: group.version,
      calendarGrants: [{ school: "Ballard High", year: "*", calendar: "*", modify: true }],
    });
    await page.goto(`/security/groups/${group.id}`);
    await page.getByRole("checkbox", { name: "Read (R) on Attendance" }).check();
    await page.getByRole("button", { name: "Review and save…" }).click();
    await page.getByRole("dialog").getByRole("button", { name: "Save rights" }).click();
    const refusal = page.getByRole("alert").filter({ hasText: "The rights were not saved" });
    await expect(refusal).toContainText("Automatic Creation of Staff Accounts");
    await expect(refusal).toContainText("separate group");
    await saveScreenshot(page, "security-calendar-only-refused");
  } finally {
    await page.goto("/security/preferences");
    await track.click();
    await expect(toggle).not.toBeChecked();
  }
});

test("the audit log lists group changes with before and after", async ({ page }) => {
  await signInAs(page, "admin");
  const name = `Audited ${tag()}`;
  const group = await callApi<Group>(page, "POST", "/api/groups", { name });
  await callApi(page, "PUT", `/api/groups/${group.id}/rights`, { version: group.version, entries: [{ toolPath: "Attendance", rights: "R" }] });

  await page.goto("/security/audit");
  await page.getByRole("textbox", { name: "Affected group or user" }).fill(name);
  await page.getByRole("textbox", { name: "What (action)" }).fill("group.rights");
  await page.getByRole("button", { name: "Apply filters" }).click();
  const rows = page.getByTestId("audit-row");
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText("admin");
  await rows.first().getByRole("button", { name: /Show before and after/ }).click();
  const diff = page.getByRole("table", { name: "Before and after" });
  await expect(diff).toContainText("entries[Attendance]");
  await expect(diff).toContainText("rights: R");
  await saveScreenshot(page, "security-audit");
});
