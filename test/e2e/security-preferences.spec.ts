import { expect, test, type Page } from "@playwright/test";
import { callApi } from "./support/api.js";
import { saveScreenshot } from "./support/screenshots.js";
import { signInAs } from "./support/sign-in.js";
import { dayFromToday, getGroup, openTool, tag, warmCatalog, type Group } from "./security-e2e-helpers.js";

warmCatalog();

const WIZARD = "Scheduling > Schedule Wizard";

type Preferences = { automaticStaffAccounts: boolean; masterSchedulingEnds: string | null; version: number };

/** Mantine draws the switch over a visually hidden input: click what a person clicks, its track. */
const track = (page: Page) => page.locator("label").filter({ has: page.getByRole("switch", { name: "Enable Automatic Creation of Staff Accounts" }) });

test("with automatic staff accounts on, a calendar-only group says up front it takes no tool rights, and a save is refused with the reason", async ({ page }) => {
  await signInAs(page, "admin", "/security/preferences");
  const toggle = page.getByRole("switch", { name: "Enable Automatic Creation of Staff Accounts" });
  await expect(toggle).not.toBeChecked();
  await track(page).click();
  // a district-wide switch asks first, saying what it changes
  const confirm = page.getByRole("dialog", { name: "Turn on automatic creation of staff accounts?" });
  await expect(confirm).toContainText("can no longer be given tool rights");
  await expect(toggle).not.toBeChecked();
  await confirm.getByRole("button", { name: "Turn on for the district" }).click();
  await expect(toggle).toBeChecked();
  await saveScreenshot(page, "security-preferences");
  try {
    const group = await callApi<Group>(page, "POST", "/api/groups", { name: `Ballard calendars ${tag()}` });
    await callApi(page, "PUT", `/api/groups/${group.id}/calendar-rights`, {
      version: group.version,
      calendarGrants: [{ school: "Ballard High", year: "*", calendar: "*", modify: true }],
    });
    await page.goto(`/security/groups/${group.id}`);
    await expect(page.getByTestId("calendar-group-notice")).toContainText("cannot also be given tool rights");
    await page.getByRole("checkbox", { name: "Read (R) on Attendance" }).check();
    await page.getByRole("button", { name: "Review and save…" }).click();
    await page.getByRole("dialog").getByRole("button", { name: "Save rights" }).click();
    const refusal = page.getByRole("alert").filter({ hasText: "The rights were not saved" });
    await expect(refusal).toContainText("Automatic Creation of Staff Accounts");
    await expect(refusal).toContainText("separate group");
    await saveScreenshot(page, "security-calendar-only-refused");
    expect((await getGroup(page, group.id)).entries).toEqual([]);
  } finally {
    await page.goto("/security/preferences");
    await track(page).click();
    await page.getByRole("dialog", { name: "Turn off automatic creation of staff accounts?" }).getByRole("button", { name: "Turn off for the district" }).click();
    await expect(toggle).not.toBeChecked();
  }
});

test("the district's end of the master scheduling period dates the ** rows of a group made from the Schedulers template", async ({ page }) => {
  await signInAs(page, "admin", "/security/preferences");
  const before = await callApi<Preferences>(page, "GET", "/api/preferences");
  const ends = dayFromToday(45);
  try {
    await page.getByLabel("Ends on").fill(ends);
    await page.getByRole("button", { name: "Save date" }).click();
    await expect(page.getByText(/The master scheduling period now ends on/)).toBeVisible();

    const name = `Schedulers ${tag()}`;
    await page.goto("/security/groups");
    await page.getByRole("button", { name: "Create group" }).click();
    const dialog = page.getByRole("dialog", { name: "Create a user group" });
    await dialog.getByRole("textbox", { name: "Example group" }).click();
    await page.getByRole("option", { name: /^Schedulers \(/ }).click();
    await expect(dialog).toContainText(`Empty: the district's date, ${ends}`);
    await dialog.getByRole("textbox", { name: "Name" }).fill(name);
    await saveScreenshot(page, "security-create-schedulers");
    await dialog.getByRole("button", { name: "Create group" }).click();
    await expect(page.getByRole("heading", { level: 2, name })).toBeVisible();

    // The ** row is a pair: RWAD until the day, then none from it. The editor shows both and keeps both.
    const id = page.url().match(/groups\/([^/?]+)/)![1]!;
    const wizard = () => getGroup(page, id).then((g) => g.entries.filter((e) => e.toolPath === WIZARD).map((e) => `${e.rights || "none"} ${e.until?.slice(0, 10) ?? ""}`).sort());
    expect(await wizard()).toEqual([`RWAD ${ends}`, "none "]);
    await openTool(page, WIZARD);
    await expect(page.locator(`[data-path="${WIZARD}"]`)).toContainText(`then none from ${ends}`);
    await expect(page.getByLabel(`Until date on ${WIZARD}`)).toHaveValue(ends);
    await page.locator(`[data-path="${WIZARD}"]`).scrollIntoViewIfNeeded();
    await saveScreenshot(page, "security-schedulers-editor");
    await page.getByRole("checkbox", { name: "Read (R) on Surveys", exact: true }).check();
    await page.getByRole("button", { name: "Review and save…" }).click();
    await page.getByRole("dialog").getByRole("button", { name: "Save rights" }).click();
    await expect(page.getByText("No unsaved changes")).toBeVisible();
    expect(await wizard()).toEqual([`RWAD ${ends}`, "none "]);
  } finally {
    const now = await callApi<Preferences>(page, "GET", "/api/preferences");
    await callApi(page, "PUT", "/api/preferences", { masterSchedulingEnds: before.masterSchedulingEnds, version: now.version });
  }
});
