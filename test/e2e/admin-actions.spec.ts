import { expect, test } from "@playwright/test";
import { findUser, tag } from "./security-e2e-helpers.js";
import { callApi } from "./support/api.js";
import { signInAs } from "./support/sign-in.js";

/** What a district administrator does with accounts and memberships, through the screens. */

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
  await expect(page.getByRole("button", { name: "Send Nova Newhire a set-password link" })).toBeVisible();

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
    await page.getByRole("option", { name: new RegExp(name) }).click();
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
