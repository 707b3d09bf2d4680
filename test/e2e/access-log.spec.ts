import { expect, test } from "@playwright/test";
import { saveScreenshot } from "./support/screenshots.js";
import { signInAs } from "./support/sign-in.js";
import { pickStudent, today } from "./sis-e2e-helpers.js";

test("the access log lists who read a protected field of whose record, and when", async ({ page, browser }) => {
  await signInAs(page, "admin");
  const student = await pickStudent(page, 20);
  const name = `${student.lastName}, ${student.firstName}`;

  // the viewer opens the student's health conditions (HIPAA): that reading is recorded
  const viewer = await (await browser.newContext()).newPage();
  await signInAs(viewer, "viewer", `/students/${student.id}/health`);
  await expect(viewer.getByTestId("protected-notice")).toBeVisible();
  await viewer.context().close();

  // from the student's page, the administrator asks who has read this record
  await page.goto(`/students/${student.id}/summary`);
  await page.getByRole("link", { name: "Who has read this record" }).click();
  const rows = page.getByTestId("access-row");
  await expect(rows.filter({ hasText: "viewer" }).filter({ hasText: "Health conditions" })).toHaveCount(1);
  await expect(rows.filter({ hasText: "viewer" }).first()).toContainText(name);
  await saveScreenshot(page, "access-log-record");

  // the same reading found by who, whose record, field and date range
  await page.getByRole("button", { name: "Clear" }).click();
  await page.getByLabel("Who (username)").fill("viewer");
  await page.getByRole("textbox", { name: "Whose record" }).fill(student.localId);
  await page.getByRole("option", { name: `${name} (${student.localId})` }).click();
  await page.getByRole("textbox", { name: "Field", exact: true }).fill("Health");
  await page.getByRole("option", { name: "Health conditions" }).click();
  await page.getByLabel("From", { exact: true }).fill(today());
  await page.getByLabel("To (inclusive)").fill(today());
  await page.getByRole("button", { name: "Search", exact: true }).click();
  await expect(page).toHaveURL(/actor=viewer/);
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText("Student Information > Health > Conditions");
  await saveScreenshot(page, "access-log-search");

  // a day before the reading finds nothing
  await page.getByLabel("From", { exact: true }).fill("2020-01-01");
  await page.getByLabel("To (inclusive)").fill("2020-01-02");
  await page.getByRole("button", { name: "Search", exact: true }).click();
  await expect(page.getByText("No readings match")).toBeVisible();
});
