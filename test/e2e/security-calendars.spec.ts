import { expect, test, type Page } from "@playwright/test";
import { callApi } from "./support/api.js";
import { saveScreenshot } from "./support/screenshots.js";
import { signInAs } from "./support/sign-in.js";
import { dayFromToday, findUser, tag, warmCatalog, type Group } from "./security-e2e-helpers.js";

warmCatalog();

type Calendar = { school: string; year: string; calendar: string };
const label = (c: Calendar) => `${c.calendar} (${c.school}, ${c.year})`;

/** Opens the Effective rights tab looking at Attendance, in a calendar or outside any, on a day or now. */
async function attendanceRights(page: Page, opts: { in?: Calendar; on?: string } = {}) {
  // leaving the tab and coming back starts it afresh: now, outside any calendar
  await page.getByRole("tab", { name: "Account" }).click();
  await page.getByRole("tab", { name: "Effective rights" }).click();
  if (opts.in) {
    await page.getByRole("textbox", { name: "In calendar" }).click();
    await page.getByRole("option", { name: label(opts.in), exact: true }).click();
  }
  if (opts.on) await page.getByLabel("On day").fill(opts.on);
  return page.locator('[data-testid="effective-row"][data-path="Attendance"]');
}

/** Cory's own grant for one school: added the first time, its Modify switch changed after. */
async function saveOwnGrant(page: Page, school: string, modify: boolean, first: boolean) {
  await page.getByRole("tab", { name: "Calendar rights" }).click();
  const rows = page.getByTestId("calendar-grant-row");
  // wait for the saved grants to load: counting rows before they arrive would add a second grant
  await expect(rows).toHaveCount(first ? 0 : 1);
  if (first) {
    await page.getByRole("button", { name: "Add calendar grant" }).click();
    await page.getByRole("checkbox", { name: "All schools (row 1)" }).uncheck();
    await page.getByRole("textbox", { name: "School (row 1)" }).fill(school);
    await page.getByRole("option", { name: school, exact: true }).click();
  }
  const toggle = page.getByRole("switch", { name: "Modify (row 1)" });
  if ((await toggle.isChecked()) !== modify) await page.locator("label").filter({ has: toggle }).click();
  await page.getByRole("button", { name: "Save calendar rights" }).click();
  await expect(page.getByText(/Saved the calendar rights of Cory Calendars/).last()).toBeVisible();
  await expect(page.getByRole("button", { name: "Save calendar rights" })).toBeDisabled();
}

test("calendar rights cap a user's tool rights in a calendar: nothing without a grant, read only without Modify, in full with it", async ({ page }) => {
  await signInAs(page, "admin");
  const calendars = await callApi<Calendar[]>(page, "GET", "/api/calendars");
  const here = calendars[0]!;
  const elsewhere = calendars.find((c) => c.school !== here.school)!;
  const name = `Attendance Takers ${tag()}`;
  const group = await callApi<Group>(page, "POST", "/api/groups", { name });
  await callApi(page, "PUT", `/api/groups/${group.id}/rights`, { version: group.version, entries: [{ toolPath: "Attendance", rights: "RWAD" }] });
  const cory = await findUser(page, "securityCalendars");

  // Cory joins the group from their own page, until a day ten days from now.
  const until = dayFromToday(10);
  await page.goto(`/security/users/${cory.id}`);
  await page.getByRole("tab", { name: "Groups" }).click();
  await page.getByRole("textbox", { name: "Add to group" }).fill(name);
  await page.getByRole("option", { name, exact: true }).click();
  await page.getByLabel("Until (optional)").fill(until);
  await page.getByRole("button", { name: "Add", exact: true }).click();
  await expect(page.getByTestId("user-group-row").filter({ hasText: name })).toContainText("until");

  // Outside any calendar the group's right is whole; in a calendar without a grant, nothing.
  let row = await attendanceRights(page);
  await expect(row.getByLabel("Rights on Attendance: RWAD", { exact: true })).toBeVisible();
  row = await attendanceRights(page, { in: here });
  await expect(row.getByLabel("Rights on Attendance: none", { exact: true })).toBeVisible();
  await row.getByRole("button", { name: "Why Attendance" }).click();
  await expect(page.getByTestId("explanation")).toContainText("No calendar rights match this calendar");
  await page.keyboard.press("Escape");

  // A grant for the school without Modify: read only there.
  await saveOwnGrant(page, here.school, false, true);
  row = await attendanceRights(page, { in: here });
  await expect(row.getByLabel("Rights on Attendance: R", { exact: true })).toBeVisible();
  await row.getByRole("button", { name: "Why Attendance" }).click();
  await expect(page.getByTestId("explanation")).toContainText("without Modify: capped at R");
  await saveScreenshot(page, "security-effective-calendar");
  await page.keyboard.press("Escape");

  // With Modify the group's RWAD applies in full there, and still nowhere else.
  await saveOwnGrant(page, here.school, true, false);
  row = await attendanceRights(page, { in: here });
  await expect(row.getByLabel("Rights on Attendance: RWAD", { exact: true })).toBeVisible();
  row = await attendanceRights(page, { in: elsewhere });
  await expect(row.getByLabel("Rights on Attendance: none", { exact: true })).toBeVisible();

  // After the membership's until date, the group gives Cory nothing.
  row = await attendanceRights(page, { on: dayFromToday(15) });
  await expect(row.getByLabel("Rights on Attendance: none", { exact: true })).toBeVisible();

  // Taken out of the group, Cory has nothing there today either.
  await page.getByRole("tab", { name: "Groups" }).click();
  await page.getByTestId("user-group-row").filter({ hasText: name }).getByRole("button", { name: "Remove" }).click();
  await page.getByRole("dialog", { name: `Remove from ${name}?` }).getByRole("button", { name: "Remove" }).click();
  await expect(page.getByText("In no groups")).toBeVisible();
  row = await attendanceRights(page);
  await expect(row.getByLabel("Rights on Attendance: none", { exact: true })).toBeVisible();
});
