import { expect, test, type Page } from "@playwright/test";
import { saveScreenshot } from "./support/screenshots.js";
import { signInAs } from "./support/sign-in.js";

// The server copies the code's tool catalog into the database the first time it compiles a
// district's rights, which a signed-in teacher triggers (an SIS-role admin alone does not yet).
test.beforeAll(async ({ browser }) => {
  const page = await (await browser.newContext()).newPage();
  await signInAs(page, "teacher");
  expect((await page.request.get("/api/me/tools")).status()).toBe(200);
  await page.context().close();
});

const TRANSCRIPT = "Student Information > General > Transcript";
const tag = () => Math.random().toString(36).slice(2, 7);

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

async function openTool(page: Page, path: string) {
  const parts = path.split(" > ");
  for (let i = 1; i < parts.length; i++) {
    const ancestor = parts.slice(0, i).join(" > ");
    await page.getByRole("button", { name: `Expand ${ancestor}`, exact: true }).click();
  }
}

test("an administrator creates a group from the Counselors template, narrows a right, adds a user and sees their rights change", async ({ page }) => {
  const name = `Counselors ${tag()}`;
  await signInAs(page, "admin", "/security/groups");
  await expect(page.getByRole("heading", { name: "User groups" })).toBeVisible();
  await createFromTemplate(page, "Counselors", name);

  // The template's Transcript row is RWA: clearing A leaves RW, and the parent shows partial.
  await openTool(page, TRANSCRIPT);
  const add = page.getByRole("checkbox", { name: `Add (A) on ${TRANSCRIPT}` });
  await expect(add).toBeChecked();
  await expect(page.getByRole("checkbox", { name: `Delete (D) on ${TRANSCRIPT}` })).not.toBeChecked();
  await add.uncheck();
  await expect(page.getByRole("checkbox", { name: `Write (W) on ${TRANSCRIPT}` })).toBeChecked();
  await expect(page.getByText("1 unsaved change")).toBeVisible();
  await saveScreenshot(page, "security-rights-editor");

  await page.getByRole("button", { name: "Review and save…" }).click();
  const review = page.getByRole("dialog");
  await expect(review.getByTestId("rights-changes")).toContainText(`${TRANSCRIPT}: R W A → R W`);
  await expect(review.getByText(/Nobody's effective rights change/)).toBeVisible();
  await saveScreenshot(page, "security-save-dialog");
  await review.getByRole("button", { name: "Save rights" }).click();
  await expect(page.getByText("No unsaved changes")).toBeVisible();

  // Add Terry Teacher as a member.
  await page.getByRole("tab", { name: "Members" }).click();
  await page.getByRole("textbox", { name: "Add a person" }).fill("terry");
  await page.getByRole("option", { name: /Terry Teacher/ }).click();
  await page.getByRole("button", { name: "Add to group" }).click();
  await expect(page.getByTestId("member-row").filter({ hasText: "Terry Teacher" })).toBeVisible();
  await saveScreenshot(page, "security-group-members");

  // Terry's effective rights now include the narrowed Transcript right, with the reason.
  await page.getByTestId("member-row").getByRole("link", { name: "Terry Teacher" }).click();
  await page.getByRole("tab", { name: "Effective rights" }).click();
  await page.getByRole("textbox", { name: "Filter tools" }).fill("transcript");
  await expect(page.getByLabel(`Rights on ${TRANSCRIPT}: RW`)).toBeVisible();
  await page.getByRole("button", { name: `Why ${TRANSCRIPT}` }).click();
  await expect(page.getByTestId("explanation")).toContainText(name);
  await saveScreenshot(page, "security-effective-why");
});
