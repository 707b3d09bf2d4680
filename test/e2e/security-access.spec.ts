import { expect, test, type Page } from "@playwright/test";
import { callApi } from "./support/api.js";
import { saveScreenshot } from "./support/screenshots.js";
import { signInAs } from "./support/sign-in.js";
import { findUser, tag, US, warmCatalog, type Group } from "./security-e2e-helpers.js";

warmCatalog();

/** A group whose only right (R on Users) every membership administrator below holds. */
async function withinGroupadminRights(page: Page) {
  const group = await callApi<Group>(page, "POST", "/api/groups", { name: `Front Desk ${tag()}` });
  await callApi(page, "PUT", `/api/groups/${group.id}/rights`, { version: group.version, entries: [{ toolPath: `${US} > Users`, rights: "R" }] });
  return group;
}

async function addRobin(page: Page) {
  await page.getByRole("tab", { name: "Members" }).click();
  await page.getByRole("textbox", { name: "Add a person" }).fill("robin");
  await page.getByRole("option", { name: /Robin Reviewed/ }).click();
  await page.getByRole("button", { name: "Add to group" }).click();
}

test("a user without a Product Security Role is refused the user security screens", async ({ page }) => {
  await signInAs(page, "teacher", "/security/groups");
  const refusal = page.getByRole("alert").filter({ hasText: "You cannot open this" });
  await expect(refusal).toContainText("Product Security Role");
  await expect(page.getByRole("navigation", { name: "User Security" })).toHaveCount(0);
  await saveScreenshot(page, "security-refused");
});

test("the SIS Group Assignment role can change memberships only", async ({ page, browser }) => {
  // The administrator gives groupadmin's duties a group: read the groups, manage their members.
  await signInAs(page, "admin");
  const admins = await callApi<Group>(page, "POST", "/api/groups", { name: `Membership Admins ${tag()}` });
  await callApi(page, "PUT", `/api/groups/${admins.id}/rights`, {
    version: admins.version,
    entries: [
      { toolPath: `${US} > User Groups > Tool Rights`, rights: "R" },
      { toolPath: `${US} > User Groups > Members`, rights: "RWAD" },
      { toolPath: `${US} > Users`, rights: "R" },
    ],
  });
  const groupadmin = await findUser(page, "groupadmin");
  await callApi(page, "POST", `/api/groups/${admins.id}/members`, { userId: groupadmin.id });
  const target = await callApi<Group>(page, "POST", "/api/groups", { name: `Health Staff ${tag()}`, template: "Health Staff" });
  const frontDesk = await withinGroupadminRights(page);

  const other = await (await browser.newContext()).newPage();
  await signInAs(other, "groupadmin", `/security/groups/${target.id}`);
  await expect(other.getByText("Membership changes only")).toBeVisible();
  await expect(other.getByRole("button", { name: "Review and save…" })).toHaveCount(0);
  await other.getByRole("button", { name: "Expand Student Information", exact: true }).click();
  await expect(other.getByRole("checkbox", { name: "Read (R) on Student Information > Health" })).toBeDisabled();
  await saveScreenshot(other, "security-groupadmin-rights");

  // No escalation: Health Staff gives rights groupadmin does not hold, so it cannot hand them out.
  await addRobin(other);
  await expect(other.getByRole("alert").filter({ hasText: "Beyond your own rights" })).toContainText("where you hold");
  await expect(other.getByTestId("member-row").filter({ hasText: "Robin Reviewed" })).toHaveCount(0);

  await other.goto(`/security/groups/${frontDesk.id}`);
  await addRobin(other);
  await expect(other.getByTestId("member-row").filter({ hasText: "Robin Reviewed" })).toBeVisible();
  await other.context().close();
});

test("two administrators saving the same group: the second is shown the first's change and nothing is overwritten", async ({ page, browser }) => {
  await signInAs(page, "admin");
  const group = await callApi<Group>(page, "POST", "/api/groups", { name: `Conflict ${tag()}` });
  const second = await (await browser.newContext()).newPage();
  await signInAs(second, "admin", `/security/groups/${group.id}`);
  await page.goto(`/security/groups/${group.id}`);

  await page.getByRole("checkbox", { name: "Read (R) on Attendance" }).check();
  await page.getByRole("button", { name: "Review and save…" }).click();
  await page.getByRole("dialog").getByRole("button", { name: "Save rights" }).click();
  await expect(page.getByText("No unsaved changes")).toBeVisible();

  await second.getByRole("checkbox", { name: "Write (W) on Behavior" }).check();
  await second.getByRole("button", { name: "Review and save…" }).click();
  await second.getByRole("dialog").getByRole("button", { name: "Save rights" }).click();
  const conflict = second.getByTestId("rights-conflict");
  await expect(conflict).toContainText("Someone else saved these rights");
  await expect(conflict).toContainText("Attendance: inherits → R");
  await saveScreenshot(second, "security-conflict");

  await conflict.getByRole("button", { name: "Put my edits on top of theirs" }).click();
  await second.getByRole("button", { name: "Review and save…" }).click();
  await second.getByRole("dialog").getByRole("button", { name: "Save rights" }).click();
  await expect(second.getByText("No unsaved changes")).toBeVisible();
  const saved = await callApi<{ entries: { toolPath: string; rights: string }[] }>(page, "GET", `/api/groups/${group.id}`);
  expect(saved.entries.map((e) => `${e.toolPath}=${e.rights}`).sort()).toEqual(["Attendance=R", "Behavior=RW"]);
  await second.context().close();
});

test("staff with the tool rights but no Product Security Role only look; given the SIS Group Assignment role on their account, they manage members", async ({ page, browser }) => {
  await signInAs(page, "admin");
  const auditors = await callApi<Group>(page, "POST", "/api/groups", { name: `Rights Auditors ${tag()}` });
  await callApi(page, "PUT", `/api/groups/${auditors.id}/rights`, {
    version: auditors.version,
    entries: [
      { toolPath: `${US} > User Groups > Tool Rights`, rights: "RWAD" },
      { toolPath: `${US} > User Groups > Members`, rights: "RWAD" },
      { toolPath: `${US} > Users`, rights: "R" },
    ],
  });
  const avery = await findUser(page, "securityAuditor");
  await callApi(page, "POST", `/api/groups/${auditors.id}/members`, { userId: avery.id });
  const target = await callApi<Group>(page, "POST", "/api/groups", { name: `Nurses ${tag()}`, template: "Health Staff" });

  const other = await (await browser.newContext()).newPage();
  await signInAs(other, "securityAuditor", `/security/groups/${target.id}`);
  await expect(other.getByRole("alert").filter({ hasText: "View only" })).toContainText("Product Security Role");
  await expect(other.getByRole("button", { name: "Review and save…" })).toHaveCount(0);
  await expect(other.getByRole("checkbox", { name: "Read (R) on Attendance" })).toBeDisabled();
  await other.getByRole("tab", { name: "Members" }).click();
  await expect(other.getByRole("textbox", { name: "Add a person" })).toHaveCount(0);
  await saveScreenshot(other, "security-view-only");
  // The API refuses the change too, saying which role it needs.
  const refused = await callApi<{ code: string; detail: string }>(other, "PUT", `/api/groups/${target.id}/rights`, { version: target.version, entries: [] }, 403);
  expect(refused.code).toBe("product-security-role-required");
  expect(refused.detail).toContain("Student Information System product security role");

  // The administrator sets the role on Avery's account.
  await page.goto(`/security/users/${avery.id}`);
  await page.getByRole("radio", { name: "SIS Group Assignment" }).check();
  await page.getByRole("button", { name: "Save role" }).click();
  await expect(page.getByText("Avery Auditor now has the role: SIS Group Assignment.")).toBeVisible();

  const frontDesk = await withinGroupadminRights(page);
  await other.goto(`/security/groups/${frontDesk.id}`);
  await expect(other.getByText("Membership changes only")).toBeVisible();
  await addRobin(other);
  await expect(other.getByTestId("member-row").filter({ hasText: "Robin Reviewed" })).toBeVisible();
  await other.context().close();
});
