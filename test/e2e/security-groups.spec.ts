import { expect, test, type Page } from "@playwright/test";
import { callApi } from "./support/api.js";
import { saveScreenshot } from "./support/screenshots.js";
import { signInAs } from "./support/sign-in.js";
import { findUser, getGroup, openTool, tag, warmCatalog, type Group } from "./security-e2e-helpers.js";

warmCatalog();

const TRANSCRIPT = "Student Information > General > Transcript";

async function createFromTemplate(page: Page, template: string, name: string) {
  await page.goto("/security/groups");
  await page.getByRole("button", { name: "Create group" }).click();
  const dialog = page.getByRole("dialog", { name: "Create a user group" });
  await dialog.getByRole("textbox", { name: "Example group" }).click();
  await page.getByRole("option", { name: new RegExp(`^${template} \\(`) }).click();
  await dialog.getByRole("textbox", { name: "Name" }).fill(name);
  await saveScreenshot(page, "security-create-group");
  await dialog.getByRole("button", { name: "Create group" }).click();
  await expect(page.getByRole("heading", { level: 2, name })).toBeVisible();
}

async function effectiveTranscript(page: Page) {
  await page.getByRole("tab", { name: "Effective rights" }).click();
  await page.getByRole("textbox", { name: "Filter tools" }).fill("transcript");
}

test("an administrator creates a group from the Counselors template, narrows a right, adds a user and sees their rights change", async ({ page }) => {
  const name = `Counselors ${tag()}`;
  await signInAs(page, "admin", "/security/groups");
  await expect(page.getByRole("heading", { name: "User groups" })).toBeVisible();

  // Casey is in no group yet: no rights on Transcript.
  const casey = await findUser(page, "securityCounselor");
  await page.goto(`/security/users/${casey.id}`);
  await effectiveTranscript(page);
  await expect(page.getByLabel(`Rights on ${TRANSCRIPT}: none`, { exact: true })).toBeVisible();

  await createFromTemplate(page, "Counselors", name);

  // The template's Transcript row is RWA: clearing A leaves RW, and the parent shows partial.
  await openTool(page, TRANSCRIPT);
  const add = page.getByRole("checkbox", { name: `Add (A) on ${TRANSCRIPT}` });
  await expect(add).toBeChecked();
  await expect(page.getByRole("checkbox", { name: `Delete (D) on ${TRANSCRIPT}` })).not.toBeChecked();
  await add.uncheck();
  await expect(page.getByRole("checkbox", { name: `Write (W) on ${TRANSCRIPT}` })).toBeChecked();
  await expect(page.getByRole("checkbox", { name: "Add (A) on Student Information > General", exact: true })).toBeChecked({ indeterminate: true });
  await expect(page.getByText("1 unsaved change")).toBeVisible();
  await expect(page.locator(`[data-path="${TRANSCRIPT}"]`)).toHaveAttribute("data-changed", "true");
  await saveScreenshot(page, "security-rights-editor");

  await page.getByRole("button", { name: "Review and save…" }).click();
  const review = page.getByRole("dialog");
  await expect(review.getByTestId("rights-changes")).toContainText(`${TRANSCRIPT}: R W A → R W`);
  await expect(review.getByText(/Nobody's effective rights change/)).toBeVisible();
  await saveScreenshot(page, "security-save-dialog");
  await review.getByRole("button", { name: "Save rights" }).click();
  await expect(page.getByText("No unsaved changes")).toBeVisible();

  // Add Casey Counselor as a member.
  await page.getByRole("tab", { name: "Members" }).click();
  await page.getByRole("textbox", { name: "Add a person" }).fill("casey");
  await page.getByRole("option", { name: /Casey Counselor/ }).click();
  await page.getByRole("button", { name: "Add to group" }).click();
  await expect(page.getByTestId("member-row").filter({ hasText: "Casey Counselor" })).toBeVisible();
  await saveScreenshot(page, "security-group-members");

  // Casey's effective rights now include the narrowed Transcript right, with the reason.
  await page.getByTestId("member-row").getByRole("link", { name: "Casey Counselor" }).click();
  await effectiveTranscript(page);
  await expect(page.getByLabel(`Rights on ${TRANSCRIPT}: RW`, { exact: true })).toBeVisible();
  await page.getByRole("button", { name: `Why ${TRANSCRIPT}` }).click();
  const why = page.getByTestId("explanation");
  await expect(why).toContainText("Result: RW");
  await expect(why.getByRole("row").filter({ hasText: name })).toContainText(TRANSCRIPT);
  await saveScreenshot(page, "security-effective-why");
});

test("a group is copied from another, renamed and found by search", async ({ page }) => {
  await signInAs(page, "admin");
  const sourceName = `Attendance Clerks ${tag()}`;
  const source = await callApi<Group>(page, "POST", "/api/groups", { name: sourceName, template: "Attendance Clerks" });
  await callApi(page, "PUT", `/api/groups/${source.id}/calendar-rights`, {
    version: source.version,
    calendarGrants: [{ school: "*", year: "*", calendar: "*", modify: true }],
  });
  const copyName = `Copy ${tag()}`;

  await page.goto("/security/groups");
  await page.getByRole("button", { name: "Create group" }).click();
  const dialog = page.getByRole("dialog", { name: "Create a user group" });
  await dialog.getByText("Copy of a group", { exact: true }).click();
  await dialog.getByRole("textbox", { name: "Copy rights and calendar rights of" }).fill(sourceName);
  await page.getByRole("option", { name: sourceName, exact: true }).click();
  await expect(dialog.getByRole("textbox", { name: "Name" })).toHaveValue(/\(copy\)$/);
  await dialog.getByRole("textbox", { name: "Name" }).fill(copyName);
  await saveScreenshot(page, "security-copy-group");
  await dialog.getByRole("button", { name: "Create group" }).click();
  await expect(page.getByRole("heading", { level: 2, name: copyName })).toBeVisible();

  const copyId = page.url().match(/groups\/([^/?]+)/)![1]!;
  const [original, copy] = [await getGroup(page, source.id), await getGroup(page, copyId)];
  const rows = (g: Group) => g.entries.map((e) => `${e.toolPath}=${e.deny ? "deny" : e.rights}`).sort();
  expect(rows(copy)).toEqual(rows(original));
  expect(rows(copy).length).toBeGreaterThan(0);
  await page.getByRole("tab", { name: "Calendar rights" }).click();
  await expect(page.getByTestId("calendar-grant-row")).toHaveCount(1);

  // Rename it in Settings, then find it in the list by its new name.
  const renamed = `Front Desk Attendance ${tag()}`;
  await page.getByRole("tab", { name: "Settings" }).click();
  await page.getByRole("textbox", { name: "Name" }).fill(renamed);
  await page.getByRole("button", { name: "Save settings" }).click();
  await expect(page.getByRole("heading", { level: 2, name: renamed })).toBeVisible();
  await page.getByRole("link", { name: "User groups" }).first().click();
  await page.getByRole("textbox", { name: "Search groups" }).fill(renamed);
  await expect(page.getByTestId("group-row")).toHaveCount(1);
  await expect(page.getByTestId("group-row")).toContainText(renamed);
  await saveScreenshot(page, "security-groups-search");
});

