import { expect, test, type Page } from "@playwright/test";
import { callApi } from "./support/api.js";
import { saveScreenshot } from "./support/screenshots.js";
import { signInAs } from "./support/sign-in.js";
import { dayFromToday, findUser, getGroup, openTool, tag, warmCatalog, type Group } from "./security-e2e-helpers.js";

warmCatalog();

const LETTERS = "Attendance > Attendance Letters";
const GRADE_BOOK = "Campus Instruction > Grade Book";
const HEALTH = "Student Information > Health";
const SCHEDULE = "Student Information > General > Schedule";
const WIZARD = "Scheduling > Schedule Wizard";
const EL = "Student Information > Program Participation > English Learners (EL)";

const box = (page: Page, letter: "Read (R)" | "Write (W)" | "Add (A)" | "Delete (D)", path: string) =>
  page.getByRole("checkbox", { name: `${letter} on ${path}`, exact: true });

/** Mantine draws a switch over a visually hidden input: click what a person clicks, its track. */
const clickSwitch = (page: Page, name: string) => page.locator("label").filter({ has: page.getByRole("switch", { name, exact: true }) }).click();

test("the rights editor: implied rights, module checks, Campus Instruction, deny, until dates, filter, confirmations and who gains what", async ({ page }) => {
  await signInAs(page, "admin");
  const group = await callApi<Group>(page, "POST", "/api/groups", { name: `Editor ${tag()}` });
  const eddie = await findUser(page, "securityEditor");
  await callApi(page, "POST", `/api/groups/${group.id}/members`, { userId: eddie.id });
  await page.goto(`/security/groups/${group.id}`);

  // Implied rights: D ticks R, W and A; clearing R clears the rest (and leaves nothing to save).
  await box(page, "Delete (D)", "Attendance").check();
  for (const l of ["Read (R)", "Write (W)", "Add (A)"] as const) await expect(box(page, l, "Attendance")).toBeChecked();
  await box(page, "Read (R)", "Attendance").uncheck();
  for (const l of ["Write (W)", "Add (A)", "Delete (D)"] as const) await expect(box(page, l, "Attendance")).not.toBeChecked();
  await expect(page.getByText("No unsaved changes")).toBeVisible();

  // Checking a module applies inside it; a tool set differently shows the module partially checked.
  await box(page, "Write (W)", "Attendance").check();
  await openTool(page, LETTERS);
  await expect(box(page, "Write (W)", LETTERS)).toBeChecked();
  await box(page, "Read (R)", LETTERS).uncheck();
  await expect(box(page, "Write (W)", LETTERS)).not.toBeChecked();
  await expect(box(page, "Read (R)", "Attendance")).toBeChecked({ indeterminate: true });

  // Campus Instruction tools take all or nothing: one checkbox.
  await openTool(page, GRADE_BOOK);
  await expect(box(page, "Read (R)", GRADE_BOOK)).toHaveCount(0);
  await page.getByRole("checkbox", { name: `Full access on ${GRADE_BOOK}` }).check();

  // An explicit deny covers the subtree: nothing inside can be ticked.
  await openTool(page, `${HEALTH} > Conditions`);
  await clickSwitch(page, `Deny ${HEALTH}`);
  await expect(box(page, "Read (R)", HEALTH)).toBeDisabled();
  await expect(box(page, "Read (R)", `${HEALTH} > Conditions`)).toBeDisabled();
  await expect(page.locator(`[data-path="${HEALTH} > Conditions"]`)).toContainText("denied above");

  // A master-scheduling right with an until date; a dangerous Delete; a federally protected area.
  await openTool(page, WIZARD);
  await box(page, "Read (R)", WIZARD).check();
  await page.getByRole("button", { name: `Set an until date on ${WIZARD}` }).click();
  const until = dayFromToday(20);
  await page.getByLabel(`Until date on ${WIZARD}`).fill(until);
  await openTool(page, SCHEDULE);
  await box(page, "Delete (D)", SCHEDULE).check();
  await openTool(page, EL);
  await box(page, "Read (R)", EL).check();
  await saveScreenshot(page, "security-editor-marked");

  // The filter narrows the tree to matches and the way to them.
  const filter = page.getByRole("textbox", { name: "Filter tools" });
  await filter.fill("english learners");
  await expect(box(page, "Read (R)", EL)).toBeVisible();
  await expect(box(page, "Read (R)", "Attendance")).toHaveCount(0);
  await saveScreenshot(page, "security-editor-filter");
  await filter.fill("no such tool anywhere");
  await expect(page.getByText('No tool matches "no such tool anywhere".')).toBeVisible();
  await filter.fill("");

  // Before saving: every change, the grants needing care (confirmed first), and who gains what.
  await expect(page.getByText("7 unsaved changes")).toBeVisible();
  await page.getByRole("button", { name: "Review and save…" }).click();
  const dialog = page.getByRole("dialog");
  await expect(dialog.getByTestId("rights-changes")).toContainText(`${WIZARD}: inherits → R until ${until}`);
  await expect(dialog.getByTestId("rights-changes")).toContainText(`${HEALTH}: inherits → deny`);
  const care = dialog.getByRole("alert").filter({ hasText: "These grants need care" });
  await expect(care).toContainText(`${SCHEDULE} gets R W A D: Delete removes the schedule`);
  await expect(care).toContainText(`${WIZARD} gets R: grant only during the master scheduling period`);
  await expect(care).toContainText(`${EL} gets R: federally protected student data`);
  const save = dialog.getByRole("button", { name: "Save rights" });
  await expect(save).toBeDisabled();
  const gains = dialog.getByRole("table", { name: "Who gains rights" });
  await expect(gains.getByRole("cell", { name: eddie.username })).toBeVisible();
  await expect(gains.getByRole("row").filter({ has: page.getByRole("cell", { name: "Attendance", exact: true }) })).toContainText("R W");
  await saveScreenshot(page, "security-editor-review");
  await care.getByRole("checkbox", { name: "I have checked that this group or user needs these rights" }).check();
  await save.click();
  await expect(page.getByText("No unsaved changes")).toBeVisible();

  const saved = await getGroup(page, group.id);
  const rows = saved.entries.map((e) => `${e.toolPath}=${e.deny ? "deny" : e.rights}${e.until ? ` until ${e.until.slice(0, 10)}` : ""}`).sort();
  expect(rows).toEqual(
    [`Attendance=RW`, `${LETTERS}=`, `${GRADE_BOOK}=RWAD`, `${HEALTH}=deny`, `${SCHEDULE}=RWAD`, `${WIZARD}=R until ${until}`, `${EL}=R`].sort(),
  );
});
