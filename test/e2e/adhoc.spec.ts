import fs from "node:fs";
import { expect, test, type Download, type Page } from "@playwright/test";
import { callApi } from "./support/api.js";
import { saveScreenshot } from "./support/screenshots.js";
import { signInAs } from "./support/sign-in.js";

/**
 * Ad hoc reports in the browser: the administrator designs a filter with a federally protected
 * field (Special Ed service minutes), previews and exports it, and shares it; a teacher, who has
 * no right on Special Ed, is not offered the field and gets it withheld in the shared filter's
 * preview and export.
 */

const SERVICE_MINUTES = "Special Ed service minutes/week";
const SPECIAL_ED_TOOL = "Student Information > General > Enrollments > Special Ed > Service Hours";
const tag = () => Math.random().toString(36).slice(2, 7);

type Group = { id: string; version: number };
type Filter = { id: string; name: string };

let readersGroup: Group;
const readersGroupName = `Ad hoc readers ${tag()}`;

/** CSV text as rows of cells (the exports here hold no quoted commas or line breaks). */
async function csvOf(download: Download): Promise<string[][]> {
  const text = fs.readFileSync((await download.path())!, "utf8").replace(/^\uFEFF/, "");
  return text.trim().split("\r\n").map((line) => line.split(","));
}

async function pickOption(page: Page, input: string, option: string) {
  await page.getByRole("textbox", { name: input, exact: true }).click();
  await page.getByRole("option", { name: option, exact: true }).click();
}

// The teacher signing in makes the server copy the tool catalog into the database (as in the
// security specs). Then the administrator makes a group that may run Ad hoc reports - Read on
// Ad Hoc Reporting and nothing else - and puts the teacher in it; the teacher's rights on
// student data stay those of the demo (Summary, Attendance, Grades: no Special Ed).
test.beforeAll(async ({ browser }) => {
  const page = await (await browser.newContext()).newPage();
  await signInAs(page, "teacher");
  expect((await page.request.get("/api/me/tools")).status()).toBe(200);
  await page.context().close();

  const admin = await (await browser.newContext()).newPage();
  await signInAs(admin, "admin");
  const created = await callApi<Group>(admin, "POST", "/api/groups", { name: readersGroupName });
  await callApi(admin, "PUT", `/api/groups/${created.id}/rights`, { version: created.version, entries: [{ toolPath: "Ad Hoc Reporting", rights: "R" }] });
  const users = (await callApi<{ items: { id: string; username: string }[] }>(admin, "GET", "/api/users?search=teacher")).items;
  await callApi(admin, "POST", `/api/groups/${created.id}/members`, { userId: users.find((u) => u.username === "teacher")!.id });
  readersGroup = created;
  await admin.context().close();
});

test("an administrator designs a filter with a protected field, previews it, exports it, saves and shares it", async ({ page }) => {
  await signInAs(page, "admin", "/");
  await page.getByRole("navigation", { name: "Student Information" }).getByRole("link", { name: "Ad hoc reports" }).click();
  await expect(page.getByRole("heading", { level: 2, name: "Ad hoc reports" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Shared with you" })).toBeVisible();
  await saveScreenshot(page, "adhoc-filters-start");
  await page.getByRole("link", { name: "New filter" }).click();
  await expect(page.getByRole("heading", { level: 2, name: "New filter" })).toBeVisible();

  // The field list is grouped by tool; the protected tool is marked.
  const fields = page.getByRole("region", { name: "Fields" });
  for (const name of ["Student number", "Last name", "School"]) await fields.getByRole("checkbox", { name, exact: true }).check();
  await fields.getByRole("textbox", { name: "Search fields" }).fill("special ed");
  const specialEd = fields.getByRole("group", { name: SPECIAL_ED_TOOL });
  await expect(specialEd.getByText("Protected")).toBeVisible();
  await specialEd.getByRole("checkbox", { name: SERVICE_MINUTES }).check();
  await saveScreenshot(page, "adhoc-designer-search");
  await fields.getByRole("textbox", { name: "Search fields" }).fill("");
  await expect(page.getByRole("list", { name: "Columns" }).getByRole("listitem")).toHaveCount(4);

  // Only students with service minutes, sorted by them, largest first.
  await page.getByRole("button", { name: "Add condition" }).click();
  await pickOption(page, "Condition 1 field", SERVICE_MINUTES);
  await pickOption(page, "Condition 1 operator", "greater than");
  // Without a value the server refuses the condition, and says so at the value.
  await page.getByRole("button", { name: "Preview", exact: true }).click();
  const value = page.getByRole("textbox", { name: "Condition 1 value" });
  await expect(value).toHaveAccessibleDescription(`"${SERVICE_MINUTES}" compares with a value: give one, or use empty / not empty.`);
  await saveScreenshot(page, "adhoc-designer-field-error");
  await value.fill("0");
  await page.getByRole("button", { name: "Add sort" }).click();
  await pickOption(page, "Sort 1 field", SERVICE_MINUTES);
  await page.getByRole("group", { name: "Sort 1" }).getByText("Descending").click();
  await expect(page.getByRole("radio", { name: "Descending" })).toBeChecked();

  await page.getByRole("button", { name: "Preview", exact: true }).click();
  const preview = page.getByRole("table", { name: "Preview" });
  await expect(preview.getByRole("columnheader", { name: `${SERVICE_MINUTES} protected` })).toBeVisible();
  const minutes = await preview.locator("tbody tr td:nth-child(4)").allInnerTexts();
  expect(minutes.length).toBeGreaterThan(0);
  const numbers = minutes.map(Number);
  expect(numbers.every((n) => n > 0)).toBe(true);
  expect([...numbers].sort((a, b) => b - a)).toEqual(numbers);
  await page.getByRole("region", { name: "Preview" }).evaluate((el) => window.scrollTo(0, el.getBoundingClientRect().top + window.scrollY - 80));
  await saveScreenshot(page, "adhoc-designer-preview");

  // An unsaved design exports as it stands.
  const unsaved = page.waitForEvent("download");
  await page.getByRole("button", { name: "Export CSV" }).click();
  const unsavedCsv = await csvOf(await unsaved);
  expect(unsavedCsv[0]).toEqual(["Student number", "Last name", "School", SERVICE_MINUTES]);
  expect(unsavedCsv.length - 1).toBeGreaterThanOrEqual(minutes.length);
  expect(unsavedCsv.slice(1).every((row) => Number(row[3]) > 0)).toBe(true);

  // Saving needs a name: the server's message shows at the name field.
  await page.getByRole("button", { name: "Save filter" }).click();
  await expect(page.getByRole("textbox", { name: "Filter name" })).toHaveAccessibleDescription("Give the filter a name.");
  const name = `Service minutes ${tag()}`;
  await page.getByRole("textbox", { name: "Filter name" }).fill(name);
  await page.getByRole("button", { name: "Save filter" }).click();
  await expect(page.getByRole("heading", { level: 2, name })).toBeVisible();
  await expect(page).toHaveURL(/\/adhoc\/filters\/[0-9a-f-]{36}$/);
  await expect(page.getByRole("table", { name: "Preview" })).toBeVisible(); // the preview stays after the first save

  // Share with the readers' group.
  await page.getByRole("button", { name: "Share…" }).click();
  const dialog = page.getByRole("dialog", { name: `Share "${name}"` });
  await dialog.getByRole("checkbox", { name: readersGroupName }).check();
  await saveScreenshot(page, "adhoc-share-dialog");
  await dialog.getByRole("button", { name: "Save sharing" }).click();
  await expect(page.getByText("Shared with 1 group")).toBeVisible();
  await page.evaluate(() => window.scrollTo(0, 0));
  await saveScreenshot(page, "adhoc-designer-saved");

  // A saved, unchanged filter downloads straight from the server's stream.
  const saved = page.waitForEvent("download");
  await page.getByRole("link", { name: "Export CSV" }).click();
  const savedDownload = await saved;
  expect(savedDownload.suggestedFilename()).toBe(`${name.replace(/ /g, "-")}.csv`);
  expect(await csvOf(savedDownload)).toHaveLength(unsavedCsv.length);
  expect((await csvOf(savedDownload))[0]).toEqual(unsavedCsv[0]);

  await page.getByRole("link", { name: "Ad hoc reports" }).first().click();
  await expect(page.getByRole("table", { name: "Your filters" }).getByRole("row", { name: new RegExp(name) })).toBeVisible();
  await saveScreenshot(page, "adhoc-filters");
});

test("a teacher without Special Ed rights is not offered the field, and a shared filter withholds it in preview and export", async ({ page, browser }) => {
  const admin = await (await browser.newContext()).newPage();
  await signInAs(admin, "admin");
  const name = `Roster with service minutes ${tag()}`;
  const filter = await callApi<Filter>(admin, "POST", "/api/adhoc/filters", {
    name,
    definition: { fields: ["student.localId", "student.lastName", "enrollment.serviceHours"], conditions: [], sort: [] },
  });
  await callApi(admin, "PUT", `/api/adhoc/filters/${filter.id}/shares`, { groupIds: [readersGroup.id] });
  // The administrator's own export of it has service minutes: there is something to withhold.
  const adminCsv = (await (await admin.request.get(`/api/adhoc/filters/${filter.id}/export.csv`)).text()).trim().split("\r\n").map((l) => l.split(","));
  expect(adminCsv.slice(1).some((row) => Number(row[2]) > 0)).toBe(true);
  await admin.context().close();

  // The designer offers the teacher only what the teacher can read.
  await signInAs(page, "teacher", "/adhoc/new");
  const fields = page.getByRole("region", { name: "Fields" });
  await expect(fields.getByRole("checkbox", { name: "Last name", exact: true })).toBeVisible();
  await expect(fields.getByRole("checkbox", { name: SERVICE_MINUTES })).toHaveCount(0);
  await fields.getByRole("textbox", { name: "Search fields" }).fill("special ed");
  await expect(fields.getByText('No field matches "special ed".')).toBeVisible();
  await saveScreenshot(page, "adhoc-teacher-fields");
  // Nor does the API let the designer use it.
  const refused = await callApi<{ code: string; path: string }>(page, "POST", "/api/adhoc/preview", { definition: { fields: ["student.localId", "enrollment.serviceHours"] } }, 400);
  expect(refused).toMatchObject({ code: "field-not-readable", path: "definition.fields[1]" });

  // The shared filter runs with the column withheld.
  await page.goto("/adhoc");
  const sharedList = page.getByRole("table", { name: "Shared with you" });
  await expect(sharedList.getByRole("row", { name: new RegExp(name) })).toContainText("Alex Admin");
  await saveScreenshot(page, "adhoc-teacher-list");
  await sharedList.getByRole("link", { name }).click();
  await expect(page.getByRole("heading", { level: 2, name })).toBeVisible();
  await expect(page.getByText("Shared with you by Alex Admin", { exact: false })).toBeVisible();
  const results = page.getByRole("table", { name: "Preview" });
  await expect(results.getByRole("columnheader", { name: `${SERVICE_MINUTES} withheld` })).toBeVisible();
  const cells = await results.locator("tbody tr td:nth-child(3)").allInnerTexts();
  expect(cells.length).toBeGreaterThan(0);
  expect(cells.every((c) => c === "—")).toBe(true);
  await expect(page.getByText("One column is withheld from you")).toBeVisible();
  await saveScreenshot(page, "adhoc-teacher-shared-run");

  const download = page.waitForEvent("download");
  await page.getByRole("link", { name: "Export CSV" }).click();
  const csv = await csvOf(await download);
  expect(csv[0]).toEqual(["Student number", "Last name", `${SERVICE_MINUTES} (withheld)`]);
  expect(csv.length).toBe(adminCsv.length);
  expect(csv.slice(1).every((row) => row[2] === "withheld")).toBe(true);

  // A copy in the teacher's own designer names the field as unreadable, and the server refuses it.
  await page.getByRole("button", { name: "Copy into designer" }).click();
  await expect(page.getByRole("heading", { level: 2, name: "New filter" })).toBeVisible();
  const unreadable = page.getByRole("listitem", { name: "A field you cannot read (enrollment.serviceHours)" });
  await expect(unreadable).toContainText("take it out to run the filter");
  await page.getByRole("button", { name: "Preview", exact: true }).click();
  await expect(unreadable).toContainText(`You have no read right on ${SPECIAL_ED_TOOL}`);
  await expect(page.getByRole("table", { name: "Preview" })).toHaveCount(0);
  await saveScreenshot(page, "adhoc-teacher-copy");
  await page.getByRole("button", { name: "Remove A field you cannot read (enrollment.serviceHours)" }).click();
  await page.getByRole("button", { name: "Preview", exact: true }).click();
  await expect(page.getByRole("table", { name: "Preview" }).getByRole("columnheader")).toHaveText(["Student number", "Last name"]);
});
