import fs from "node:fs/promises";
import { expect, test, type Page } from "@playwright/test";
import { findUser, tag, warmCatalog, type Group } from "./security-e2e-helpers.js";
import { callApi } from "./support/api.js";
import { signInAs } from "./support/sign-in.js";

/** What a district administrator does with accounts, memberships, reports and settings, through the screens. */

warmCatalog();

async function download(page: Page, name: string): Promise<{ filename: string; text: string }> {
  const event = page.waitForEvent("download");
  await page.getByRole("link", { name }).click();
  const file = await event;
  return { filename: file.suggestedFilename(), text: await fs.readFile((await file.path())!, "utf8") };
}

test("an administrator creates a staff account, disables it and enables it again", async ({ page }) => {
  await signInAs(page, "actionsAdmin", "/security/users");
  const username = `new.${tag()}`;
  await page.getByRole("button", { name: "Create account" }).click();
  const dialog = page.getByRole("dialog", { name: "Create a staff account" });
  await dialog.getByRole("textbox", { name: /^Username/ }).fill(username);
  await dialog.getByRole("textbox", { name: /^Name/ }).fill("Nova Newhire");
  await dialog.getByLabel("Email").fill(`${username}@example.org`);
  await dialog.getByRole("button", { name: "Create account" }).click();
  await expect(page).toHaveURL(/\/security\/users\/[0-9a-f-]{36}/);
  await expect(page.getByRole("heading", { name: "Nova Newhire" })).toBeVisible();
  await expect(page.getByRole("button", { name: "Send a set-password link to Nova Newhire" })).toBeVisible();

  await page.getByRole("button", { name: "Disable account" }).click();
  const confirm = page.getByRole("dialog", { name: "Disable Nova Newhire?" });
  await expect(confirm).toContainText("every session they have open ends now");
  await confirm.getByRole("button", { name: "Disable account" }).click();
  await expect(page.getByText("disabled", { exact: true })).toBeVisible();
  await page.getByRole("button", { name: "Enable account" }).click();
  await page.getByRole("dialog", { name: "Enable Nova Newhire?" }).getByRole("button", { name: "Enable account" }).click();
  await expect(page.getByRole("button", { name: "Disable account" })).toBeVisible();

  // a username already taken is refused at the field
  await page.goto("/security/users");
  await page.getByRole("button", { name: "Create account" }).click();
  await dialog.getByRole("textbox", { name: /^Username/ }).fill(username);
  await dialog.getByRole("textbox", { name: /^Name/ }).fill("Someone Else");
  await dialog.getByRole("button", { name: "Create account" }).click();
  await expect(dialog.getByText(`There is already a user "${username}" here.`)).toBeVisible();
});

test("an administrator adds several people to a group at once and removes the selected ones", async ({ page }) => {
  await signInAs(page, "actionsAdmin");
  const group = await callApi<{ id: string }>(page, "POST", "/api/groups", { name: `Bulk ${tag()}` });
  await page.goto(`/security/groups/${group.id}?tab=members`);
  await page.getByRole("button", { name: "Add several people" }).click();
  const dialog = page.getByRole("dialog", { name: /Add people to Bulk/ });
  for (const name of ["Una Bulk", "Dos Bulk"]) {
    await dialog.getByRole("textbox", { name: "People" }).fill(name.split(" ")[0]!);
    // the search answers after a pause: a click on an option of the list being replaced can be lost
    await expect(async () => {
      await page.getByRole("option", { name: new RegExp(name) }).click({ timeout: 5_000 });
      await expect(dialog.getByText(new RegExp(`^${name} \\(`))).toBeVisible({ timeout: 2_000 });
    }).toPass({ timeout: 30_000 });
  }
  await dialog.getByRole("heading", { name: /Add people to Bulk/ }).click(); // closes the list of people
  await dialog.getByRole("button", { name: "Add 2 to group" }).click();
  await expect(page.getByTestId("member-row")).toHaveCount(2);
  await expect(page.getByTestId("list-total")).toHaveText("2 members");

  await page.getByRole("checkbox", { name: "Select every member shown" }).check();
  await page.getByRole("button", { name: "Remove selected (2)" }).click();
  await page.getByRole("dialog", { name: /Remove 2 people/ }).getByRole("button", { name: "Remove selected" }).click();
  await expect(page.getByText("No members yet")).toBeVisible();
});

test("an administrator imports memberships from CSV: row errors first, nothing written, then the clean file", async ({ page }) => {
  await signInAs(page, "actionsAdmin", "/security/groups");
  const name = `Imported ${tag()}`;
  const group = await callApi<{ id: string }>(page, "POST", "/api/groups", { name });
  const una = await findUser(page, "actionsStaffA");
  await page.getByRole("button", { name: "Import memberships (CSV)" }).click();
  const dialog = page.getByRole("dialog", { name: "Import memberships from CSV" });
  await dialog.getByRole("textbox", { name: "Rows" }).fill(`username,group\n${una.username},${name}\nnobody-here,${name}\n${una.username},No such group`);
  await dialog.getByRole("button", { name: "Import" }).click();
  const errors = dialog.getByTestId("import-errors");
  await expect(errors).toContainText('Row 3: there is no user "nobody-here"');
  await expect(errors).toContainText('Row 4: there is no group "No such group"');
  expect((await callApi<{ total: number }>(page, "GET", `/api/groups/${group.id}/members`)).total).toBe(0);

  await dialog.getByRole("textbox", { name: "Rows" }).fill(`username,group\n${una.username},${name}\ne2e-actions-dos,${name}\n`);
  await dialog.getByRole("button", { name: "Import" }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByText("Imported 2 rows: 2 added, 0 already members.")).toBeVisible();
  await page.goto(`/security/groups/${group.id}?tab=members`);
  await expect(page.getByTestId("list-total")).toHaveText("2 members");
});

test("one group's rights and one user's effective rights export as CSV and print on their own", async ({ page }) => {
  await signInAs(page, "actionsAdmin");
  const name = `Report ${tag()}`;
  const group = await callApi<Group>(page, "POST", "/api/groups", { name });
  await callApi(page, "PUT", `/api/groups/${group.id}/rights`, { version: group.version, entries: [{ toolPath: "Attendance", rights: "RW" }, { toolPath: "Student Information > Health", deny: true }] });
  const una = await findUser(page, "actionsStaffA");
  await callApi(page, "POST", `/api/groups/${group.id}/members`, { userId: una.id });

  await page.goto(`/security/groups/${group.id}`);
  const groupCsv = await download(page, "Export rights (CSV)");
  expect(groupCsv.filename).toBe(`rights-${name.replace(" ", "-")}.csv`);
  expect(groupCsv.text.split("\r\n")[0]).toBe("Group,Kind,Tool or calendar,Rights,From,Until");
  expect(groupCsv.text).toContain(`${name},tool right,Attendance,RW,,`);
  expect(groupCsv.text).toContain(`${name},tool right,Student Information > Health,deny,,`);
  await page.getByRole("link", { name: "Print view" }).click();
  await expect(page.getByRole("heading", { name: `Rights of the group ${name}` })).toBeVisible();
  await expect(page.getByTestId("report-row")).toHaveCount(2);
  await page.emulateMedia({ media: "print" });
  await expect(page.getByRole("button", { name: "Print" })).toBeHidden();
  await expect(page.getByRole("navigation", { name: "Main navigation" })).toBeHidden();
  await expect(page.getByRole("table", { name: "Tool rights" })).toBeVisible();
  await page.emulateMedia({ media: "screen" });

  await page.goto(`/security/users/${una.id}`);
  const userCsv = await download(page, "Export rights (CSV)");
  expect(userCsv.filename).toBe(`effective-rights-${una.username}.csv`);
  expect(userCsv.text).toMatch(new RegExp(`^${una.username},Attendance,RW,`, "m"));
  expect(userCsv.text).not.toContain("Student Information > Health,");
  await page.getByRole("link", { name: "Print view" }).click();
  await expect(page.getByRole("heading", { name: `Effective rights of ${una.displayName} (${una.username})` })).toBeVisible();
  await expect(page.getByRole("row", { name: "Attendance RW", exact: true })).toBeVisible();
});

test("a collapsed parent in Effective rights sums up its children, and the heat map shows a deny group", async ({ page }) => {
  await signInAs(page, "actionsAdmin");
  const name = `Partial ${tag()}`;
  const group = await callApi<Group>(page, "POST", "/api/groups", { name });
  await callApi(page, "PUT", `/api/groups/${group.id}/rights`, { version: group.version, entries: [{ toolPath: "Attendance > Attendance Letters", rights: "R" }, { toolPath: "Scheduling", deny: true }] });
  const dos = await findUser(page, "actionsStaffB");
  await callApi(page, "POST", `/api/groups/${group.id}/members`, { userId: dos.id });

  await page.goto(`/security/users/${dos.id}?tab=effective`);
  await expect(page.getByLabel("Rights on Attendance: partial R (differs inside; expand to see each tool)")).toBeVisible();
  await page.getByRole("button", { name: "Expand Attendance", exact: true }).click();
  await expect(page.getByLabel("Rights on Attendance: none", { exact: true })).toBeVisible();
  await expect(page.getByLabel("Rights on Attendance > Attendance Letters: R", { exact: true })).toBeVisible();

  await page.goto("/security/reviews");
  await page.getByRole("tab", { name: "Heat map" }).click();
  const heat = page.getByRole("table", { name: "Rights heat map: groups by modules" });
  await expect(heat.getByRole("cell", { name: `${name} on Scheduling: No rights Denied in part or all of it by a deny entry.` }).locator('[aria-hidden="true"]')).toHaveText("deny");
});

test("reviews honour calendar scope: a read-only one-school grant is R in that school, not RWAD everywhere", async ({ page }) => {
  await signInAs(page, "actionsAdmin");
  const [first] = await callApi<{ school: string }[]>(page, "GET", "/api/calendars");
  const name = `One school ${tag()}`;
  const group = await callApi<Group>(page, "POST", "/api/groups", { name });
  const v = await callApi<{ version: number }>(page, "PUT", `/api/groups/${group.id}/rights`, { version: group.version, entries: [{ toolPath: "Student Information", rights: "RWAD" }] });
  await callApi(page, "PUT", `/api/groups/${group.id}/calendar-rights`, { version: v.version, calendarGrants: [{ school: first!.school, year: "*", calendar: "*", modify: false }] });
  const una = await findUser(page, "actionsStaffA");
  await callApi(page, "POST", `/api/groups/${group.id}/members`, { userId: una.id });

  await page.goto("/security/reviews");
  const table = page.getByRole("table", { name: "Who can see protected data" });
  const row = table.getByRole("row").filter({ hasText: "Una Bulk" }).filter({ hasText: name }).first();
  await expect(row).toContainText(`${first!.school}, every year (read-only)`);
  await expect(row.getByRole("cell", { name: "R", exact: true })).toBeVisible();
  // the group's entry says RWAD (under "Through"), but what Una can do is capped at R
  await expect(row.getByRole("cell", { name: "RWAD", exact: true })).toHaveCount(0);
});

test("a district-wide preference asks first, and the sign-in page's Help contacts are edited on the Preferences screen", async ({ page }) => {
  await signInAs(page, "pagingAdmin", "/security/preferences");
  await page.locator("label").filter({ has: page.getByRole("switch", { name: "Enable Automatic Creation of Staff Accounts" }) }).click();
  const confirm = page.getByRole("dialog", { name: "Turn on automatic creation of staff accounts?" });
  await expect(confirm).toContainText("This applies to the whole district");
  await confirm.getByRole("button", { name: "Cancel" }).click();
  await expect(page.getByRole("switch", { name: "Enable Automatic Creation of Staff Accounts" })).not.toBeChecked();

  const help = page.getByRole("region", { name: "Help contacts on the sign-in page" });
  await help.getByRole("button", { name: "Add a contact" }).click();
  const row = help.getByTestId("help-contact-row").last();
  await row.getByLabel("Name").fill("Paging Help Desk");
  await row.getByLabel("Helps with").fill("Passwords and sign-in");
  await help.getByRole("button", { name: "Save Help contacts" }).click();
  await expect(row.getByText("Give an email or a phone number, so people can reach this contact")).toBeVisible();
  await row.getByLabel("Email").fill("help@paging.example");
  await help.getByRole("button", { name: "Save Help contacts" }).click();
  await expect(page.getByText("The sign-in page shows the new Help contacts.")).toBeVisible();

  await page.context().clearCookies();
  await page.goto("/login/e2e-paging");
  const signInHelp = page.getByRole("region", { name: "Help" });
  await expect(signInHelp).toContainText("Paging Help Desk");
  await expect(signInHelp.getByRole("link", { name: "help@paging.example" })).toHaveAttribute("href", "mailto:help@paging.example");
});

test("the home page does not offer the Case Portal to staff who are not authorized contacts", async ({ page }) => {
  await signInAs(page, "teacher");
  await expect(page.getByTestId("not-a-contact")).toContainText("opened by your district's authorized contacts");
  await expect(page.getByRole("main").getByRole("link", { name: "Case Portal" })).toHaveCount(0);
  await expect(page.getByRole("main").getByRole("link", { name: "See who they are" })).toHaveAttribute("href", "/support");
});
