import { expect, test } from "@playwright/test";
import { callApi } from "./support/api.js";
import { saveScreenshot } from "./support/screenshots.js";
import { signInAs } from "./support/sign-in.js";
import { findUser, tag, warmCatalog } from "./security-e2e-helpers.js";

warmCatalog();

test("an empty group gets a description, a member limit, calendar rights and members, then is deleted after its preview", async ({ page }) => {
  const name = `Front Office ${tag()}`;
  await signInAs(page, "admin", "/security/groups");
  const [calendar] = await callApi<{ school: string }[]>(page, "GET", "/api/calendars");
  await saveScreenshot(page, "security-groups-list");
  await page.getByRole("button", { name: "Create group" }).click();
  const dialog = page.getByRole("dialog", { name: "Create a user group" });
  await dialog.getByText("Empty", { exact: true }).click();
  await dialog.getByRole("textbox", { name: "Name" }).fill(name);
  await dialog.getByRole("button", { name: "Create group" }).click();
  await expect(page.getByRole("heading", { level: 2, name })).toBeVisible();

  await page.getByRole("tab", { name: "Settings" }).click();
  await page.getByRole("textbox", { name: "Description" }).fill("Secretaries at the front desk");
  await page.getByRole("textbox", { name: "Member limit" }).fill("1");
  await page.getByRole("button", { name: "Save settings" }).click();
  await expect(page.getByText("Secretaries at the front desk").first()).toBeVisible();
  await expect(page.getByText("0 members of 1 allowed")).toBeVisible();

  // A school that no calendar has is flagged; the suggestions offer the district's own.
  await page.getByRole("tab", { name: "Calendar rights" }).click();
  await page.getByRole("button", { name: "Add calendar grant" }).click();
  await page.getByRole("checkbox", { name: "All schools (row 1)" }).uncheck();
  const school = page.getByRole("textbox", { name: "School (row 1)" });
  await school.fill("No Such School");
  await expect(page.getByText("No calendar of the district matches row 1")).toBeVisible();
  await school.fill(calendar!.school.slice(0, 5));
  await page.getByRole("option", { name: calendar!.school, exact: true }).click();
  await expect(page.getByText("No calendar of the district matches row 1")).toHaveCount(0);
  await page.locator("label").filter({ has: page.getByRole("switch", { name: "Modify (row 1)" }) }).click();
  await saveScreenshot(page, "security-calendar-rights");
  await page.getByRole("button", { name: "Save calendar rights" }).click();
  await expect(page.getByText(/Saved the calendar rights/)).toBeVisible();

  await page.getByRole("tab", { name: "Members" }).click();
  for (const [search, person] of [["robin", "Robin Reviewed"], ["avery", "Avery Auditor"]] as const) {
    await page.getByRole("textbox", { name: "Add a person" }).fill(search);
    await page.getByRole("option", { name: new RegExp(person) }).click();
    await page.getByRole("button", { name: "Add to group" }).click();
    if (person === "Avery Auditor") {
      const confirm = page.getByRole("dialog", { name: "Go past the member limit?" });
      await expect(confirm).toContainText("limited to 1 member and already has 1");
      await saveScreenshot(page, "security-over-limit");
      await confirm.getByRole("button", { name: "Add anyway" }).click();
    }
    await expect(page.getByTestId("member-row").filter({ hasText: person })).toBeVisible();
  }
  await expect(page.getByText("2 members of 1 allowed")).toBeVisible();

  await page.getByRole("tab", { name: "Settings" }).click();
  await page.getByRole("button", { name: "Delete group…" }).click();
  const preview = page.getByTestId("deletion-preview");
  await expect(preview).toContainText("1 calendar grant");
  await expect(preview).toContainText("e2e-reviewed");
  await expect(preview).toContainText("e2e-auditor");
  await saveScreenshot(page, "security-delete-preview");
  await page.getByRole("dialog").getByRole("button", { name: "Delete group" }).click();
  await expect(page.getByRole("heading", { level: 2, name: "User groups" })).toBeVisible();
  await expect(page.getByTestId("group-row").filter({ hasText: name })).toHaveCount(0);
});

test("individual rights come with the advice to use groups, and the review lists them", async ({ page }) => {
  await signInAs(page, "admin", "/security/users");
  await page.getByRole("textbox", { name: "Search users" }).fill("robin");
  await expect(page.getByTestId("user-row")).toHaveCount(1);
  await saveScreenshot(page, "security-users-list");
  await page.getByRole("link", { name: "Robin Reviewed" }).click();
  await saveScreenshot(page, "security-user-account");
  await page.getByRole("tab", { name: /Individual rights/ }).click();
  await expect(page.getByText("Individual users should NOT be assigned individual rights")).toBeVisible();
  await page.getByRole("checkbox", { name: "Read (R) on Surveys", exact: true }).check();
  await saveScreenshot(page, "security-individual-rights");
  await page.getByRole("button", { name: "Review and save…" }).click();
  await page.getByRole("dialog").getByRole("button", { name: "Save rights" }).click();
  await expect(page.getByText("Saved, with a warning")).toBeVisible();
  await expect(page.getByText("No unsaved changes")).toBeVisible();
  await expect(page.getByRole("tab", { name: /Individual rights/ })).toContainText("1");

  await page.goto("/security/reviews?review=individual-rights");
  const table = page.getByRole("table", { name: "Individual rights in use" });
  await expect(table.getByRole("row").filter({ hasText: "Robin Reviewed" })).toContainText("Surveys");
  await saveScreenshot(page, "security-review-individual");
  const robin = await findUser(page, "securityReviewed");
  await table.getByRole("link", { name: "Robin Reviewed" }).click();
  await expect(page).toHaveURL(new RegExp(`/security/users/${robin.id}`));
});
