import { expect, test } from "@playwright/test";
import { callApi } from "./support/api.js";
import { saveScreenshot } from "./support/screenshots.js";
import { signInAs } from "./support/sign-in.js";

const tag = () => Math.random().toString(36).slice(2, 7);

// The server copies the code's tool catalog into the database the first time it compiles a
// district's rights, which a signed-in teacher triggers (an SIS-role admin alone does not yet).
test.beforeAll(async ({ browser }) => {
  const page = await (await browser.newContext()).newPage();
  await signInAs(page, "teacher");
  expect((await page.request.get("/api/me/tools")).status()).toBe(200);
  await page.context().close();
});

test("an empty group gets a description, a member limit, calendar rights and members, then is deleted after its preview", async ({ page }) => {
  const name = `Front Office ${tag()}`;
  await signInAs(page, "admin", "/security/groups");
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

  await page.getByRole("tab", { name: "Calendar rights" }).click();
  await page.getByRole("button", { name: "Add calendar grant" }).click();
  await page.getByRole("checkbox", { name: "All schools (row 1)" }).uncheck();
  await page.getByRole("textbox", { name: "School (row 1)" }).fill("Ballard High");
  await page.locator("label").filter({ has: page.getByRole("switch", { name: "Modify (row 1)" }) }).click();
  await saveScreenshot(page, "security-calendar-rights");
  await page.getByRole("button", { name: "Save calendar rights" }).click();
  await expect(page.getByText(/Saved the calendar rights/)).toBeVisible();

  await page.getByRole("tab", { name: "Members" }).click();
  for (const [search, person] of [["terry", "Terry Teacher"], ["gale", "Gale Groups"]] as const) {
    await page.getByRole("textbox", { name: "Add a person" }).fill(search);
    await page.getByRole("option", { name: new RegExp(person) }).click();
    await page.getByRole("button", { name: "Add to group" }).click();
    if (person === "Gale Groups") {
      const confirm = page.getByRole("dialog", { name: "Go past the member limit?" });
      await expect(confirm).toContainText("limited to 1 members");
      await saveScreenshot(page, "security-over-limit");
      await confirm.getByRole("button", { name: "Add anyway" }).click();
    }
    await expect(page.getByTestId("member-row").filter({ hasText: person })).toBeVisible();
  }

  await page.getByRole("tab", { name: "Settings" }).click();
  await page.getByRole("button", { name: "Delete group…" }).click();
  const preview = page.getByTestId("deletion-preview");
  await expect(preview).toContainText("1 calendar grant");
  await expect(preview).toContainText("teacher");
  await saveScreenshot(page, "security-delete-preview");
  await page.getByRole("dialog").getByRole("button", { name: "Delete group" }).click();
  await expect(page.getByRole("heading", { level: 2, name: "User groups" })).toBeVisible();
  await expect(page.getByTestId("group-row").filter({ hasText: name })).toHaveCount(0);
});

test("individual rights come with the advice to use groups, and the review lists them", async ({ page }) => {
  await signInAs(page, "admin", "/security/users");
  await page.getByRole("textbox", { name: "Search users" }).fill("gale");
  await expect(page.getByTestId("user-row")).toHaveCount(1);
  await saveScreenshot(page, "security-users-list");
  await page.getByRole("link", { name: "Gale Groups" }).click();
  await saveScreenshot(page, "security-user-account");
  await page.getByRole("tab", { name: /Individual rights/ }).click();
  await expect(page.getByText("Individual users should NOT be assigned individual rights")).toBeVisible();
  const current = await callApi<{ entries: { toolPath: string }[] }>(page, "GET", page.url().replace(/.*\/security\/users\//, "/api/users/").replace(/\?.*/, ""));
  const surveys = page.getByRole("checkbox", { name: "Read (R) on Surveys" });
  if (current.entries.some((e) => e.toolPath === "Surveys")) await surveys.uncheck();
  else await surveys.check();
  await saveScreenshot(page, "security-individual-rights");
  await page.getByRole("button", { name: "Review and save…" }).click();
  await page.getByRole("dialog").getByRole("button", { name: "Save rights" }).click();
  await expect(page.getByText("No unsaved changes")).toBeVisible();

  await page.goto("/security/reviews?review=individual-rights");
  const table = page.getByRole("table", { name: "Individual rights in use" });
  if (current.entries.some((e) => e.toolPath === "Surveys")) await expect(page.getByText("No individual rights").or(table)).toBeVisible();
  else await expect(table.getByRole("row").filter({ hasText: "Gale Groups" })).toContainText("Surveys");
  await saveScreenshot(page, "security-review-individual");
});
