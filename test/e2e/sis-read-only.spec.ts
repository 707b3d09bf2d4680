import { expect, test } from "@playwright/test";
import { callApi } from "./support/api.js";
import { saveScreenshot } from "./support/screenshots.js";
import { signInAs } from "./support/sign-in.js";
import { expectRecordButtons, pickStudent, studentTool, type Student } from "./sis-e2e-helpers.js";

// "viewer" is in the demo's Student Information Read-Only group: R on Student Information and on
// Census > People > Demographics, calendar rights everywhere, no SSN right (the seed's Image 8).
let student: Student;

test.beforeAll(async ({ browser }) => {
  const page = await (await browser.newContext()).newPage();
  await signInAs(page, "admin");
  student = await pickStudent(page, 0, { withSsn: true });
  // records the viewer will see but may not change
  const summary = await callApi<{ enrollments: { calendar: { id: string } }[] }>(page, "GET", `/api/sis/students/${student.id}/summary`);
  await callApi(page, "POST", `/api/sis/students/${student.id}/health-conditions`, { condition: "Asthma (read-only check)", startDate: "2024-09-01" });
  await callApi(page, "POST", `/api/sis/students/${student.id}/behavior`, { calendarId: summary.enrollments[0]!.calendar.id, eventDate: "2025-09-15", eventType: "Tardiness" });
  await page.context().close();
});

test("with Read only, every field is read-only and Save, New and Delete are disabled (seed Image 8)", async ({ page }) => {
  await signInAs(page, "viewer", "/students");
  await expect(page.getByTestId("student-row").first()).toBeVisible(); // Allow Unfiltered Search lists students at once
  await page.getByLabel("Name or student number").fill(student.localId);
  await page.getByRole("button", { name: "Search", exact: true }).click();
  await page.getByRole("link", { name: `${student.lastName}, ${student.firstName}` }).click();
  await expect(page.getByRole("heading", { level: 2, name: `${student.lastName}, ${student.firstName}` })).toBeVisible();

  await studentTool(page, "Enrollments").click();
  await expect(page.getByRole("tab", { name: "General Enrollment Information" })).toHaveAttribute("aria-selected", "true");
  await expect(page.getByTestId("read-only-notice")).toContainText("Read only");
  await expectRecordButtons(page, { Save: "disabled" });
  await expect(page.getByLabel("Start date")).toHaveValue(/2025/);
  await expect(page.getByLabel("Start date")).not.toBeEditable();
  await saveScreenshot(page, "sis-readonly-enrollment");
  await page.getByRole("tab", { name: "State Reporting" }).click();
  await expect(page.getByTestId("protected-notice")).toBeVisible();
  await expectRecordButtons(page, { Save: "disabled" });

  await studentTool(page, "Health conditions").click();
  await expectRecordButtons(page, { Save: "disabled", New: "disabled", Delete: "disabled" });
  await page.getByTestId("condition-row").filter({ hasText: "Asthma (read-only check)" }).click();
  await expect(page.getByRole("textbox", { name: "Condition", exact: true })).toHaveValue("Asthma (read-only check)");
  await expect(page.getByRole("textbox", { name: "Condition", exact: true })).not.toBeEditable();
  await expect(page.getByLabel("Instructions for staff")).not.toBeEditable();
  await saveScreenshot(page, "sis-readonly-health");

  await studentTool(page, "Behavior").click();
  await expectRecordButtons(page, { Save: "disabled", New: "disabled", Delete: "disabled" });
  await page.getByTestId("behavior-row").filter({ hasText: "Tardiness" }).first().click();
  await expect(page.getByRole("textbox", { name: "Event", exact: true })).not.toBeEditable();
  await saveScreenshot(page, "sis-readonly-behavior");

  await studentTool(page, "Demographics").click();
  await expectRecordButtons(page, { Save: "disabled" });
  await expect(page.getByLabel("Last name")).toHaveValue(student.lastName);
  await expect(page.getByLabel("Last name")).not.toBeEditable();
  await saveScreenshot(page, "sis-readonly-demographics");
});

test("a tool without R is not in the menu, and its API answers 404", async ({ page }) => {
  await signInAs(page, "viewer", `/students/${student.id}`);
  await expect(page).toHaveURL(new RegExp(`/students/${student.id}/summary$`));
  await expect(studentTool(page, "Summary")).toBeVisible();
  await expect(studentTool(page, "FRAM")).toHaveCount(0); // FRAM > Eligibility is not under Student Information
  await expect(page.getByRole("navigation", { name: "Main navigation" }).getByRole("link", { name: "Access log (FERPA)" })).toHaveCount(0);
  expect((await page.request.get(`/api/sis/students/${student.id}/fram`)).status()).toBe(404);
  expect((await page.request.get("/api/access-log")).status()).toBe(404);
  // an address of a tool the user lacks opens the first tool they have instead
  await page.goto(`/students/${student.id}/fram`);
  await expect(page).toHaveURL(new RegExp(`/students/${student.id}/summary$`));
});

test("without Allow Unfiltered Search, a search needs a name", async ({ page }) => {
  await signInAs(page, "teacher", "/students");
  await expect(page.getByTestId("unfiltered-hint")).toContainText("Allow Unfiltered Search");
  await expect(page.getByTestId("student-row")).toHaveCount(0);
  await page.getByRole("button", { name: "Search", exact: true }).click();
  await expect(page.getByText("Type a name or student number: you do not have Allow Unfiltered Search.")).toBeVisible();
  await expect(page.getByLabel("Name or student number")).toHaveAttribute("aria-invalid", "true");
  await saveScreenshot(page, "sis-search-needs-name");

  await page.getByLabel("Name or student number").fill(student.localId);
  await page.getByRole("button", { name: "Search", exact: true }).click();
  await expect(page.getByTestId("student-row")).toHaveCount(1);
  await page.getByRole("link", { name: `${student.lastName}, ${student.firstName}` }).click();
  // the Teachers template reads Summary, Attendance and Grades; nothing else is on the menu
  const tools = page.getByRole("navigation", { name: "Student tools" }).getByRole("link");
  await expect(tools).toHaveText(["Summary", "Attendance", "Grades"]);
  await studentTool(page, "Attendance").click();
  await expect(page.getByTestId("read-only-notice")).toHaveCount(0); // a list with nothing to change needs no notice
  await saveScreenshot(page, "sis-teacher-attendance");
});
