import { expect, test } from "@playwright/test";
import { saveScreenshot } from "./support/screenshots.js";
import { signInAs } from "./support/sign-in.js";
import { expectRecordButtons, pickStudent, recordButton, studentTool } from "./sis-e2e-helpers.js";

// "admin" holds the Student Information System role: RWAD on every tool (the seed's Image 9).

test("with full rights, Save changes an enrollment, and a refused value is shown at its field", async ({ page }) => {
  await signInAs(page, "admin");
  const student = await pickStudent(page, 10);
  await page.goto(`/students/${student.id}/enrollments`);
  await expect(page.getByRole("tab", { name: "General Enrollment Information" })).toHaveAttribute("aria-selected", "true");
  await expectRecordButtons(page, { Save: "enabled" });
  await expect(page.getByTestId("read-only-notice")).toHaveCount(0);
  await saveScreenshot(page, "sis-full-enrollment");

  await page.getByLabel("End date").fill("2025-01-01");
  await recordButton(page, "Save").click();
  await expect(page.getByText(/The end date \(2025-01-01\) is before the start date/)).toBeVisible();
  await expect(page.getByLabel("End date")).toHaveAttribute("aria-invalid", "true");
  await saveScreenshot(page, "sis-full-enrollment-error");

  await page.getByLabel("End date").fill("2026-06-12");
  await recordButton(page, "Save").click();
  await expect(page.getByText("General Enrollment Information saved.")).toBeVisible();
  await page.getByRole("tab", { name: "Enrollment History" }).click();
  const history = page.getByRole("table", { name: "Enrollment history" });
  await expect(history.getByRole("row").filter({ hasText: "End date" })).toContainText("2026-06-12");
  await expect(history.getByRole("row").filter({ hasText: "End date" })).toContainText("admin");
});

test("with full rights, New, Save and Delete work on health conditions", async ({ page }) => {
  await signInAs(page, "admin");
  const student = await pickStudent(page, 11);
  await page.goto(`/students/${student.id}/health`);
  await expectRecordButtons(page, { New: "enabled" });

  await recordButton(page, "New").click();
  await page.getByLabel("Start date").fill("2025-09-01");
  await recordButton(page, "Save").click();
  await expect(page.getByText("Name the condition.")).toBeVisible();
  await expect(page.getByRole("textbox", { name: "Condition", exact: true })).toHaveAttribute("aria-invalid", "true");

  await page.getByRole("textbox", { name: "Condition", exact: true }).fill("Migraine");
  await recordButton(page, "Save").click();
  await expect(page.getByText("Migraine added.")).toBeVisible();
  const row = page.getByTestId("condition-row").filter({ hasText: "Migraine" });
  await expect(row).toHaveAttribute("aria-selected", "true");
  await expectRecordButtons(page, { Save: "enabled", New: "enabled", Delete: "enabled" });

  await page.getByLabel("Instructions for staff").fill("Quiet room; call home if it lasts an hour");
  await recordButton(page, "Save").click();
  await expect(page.getByText("Migraine saved.")).toBeVisible();
  await saveScreenshot(page, "sis-full-health");

  await recordButton(page, "Delete").click();
  await page.getByRole("dialog").getByRole("button", { name: "Delete", exact: true }).click();
  await expect(page.getByText("Migraine deleted.")).toBeVisible();
  await expect(row).toHaveCount(0);
});

test("with full rights, a behavior event is filed, changed and deleted", async ({ page }) => {
  await signInAs(page, "admin");
  const student = await pickStudent(page, 12);
  await page.goto(`/students/${student.id}`);
  await studentTool(page, "Behavior").click();

  await recordButton(page, "New").click();
  await page.getByRole("textbox", { name: "Event", exact: true }).fill("Disruption");
  await recordButton(page, "Save").click();
  await expect(page.getByText("Behavior event filed.")).toBeVisible();
  const row = page.getByTestId("behavior-row").filter({ hasText: "Disruption" });
  await expect(row).toHaveAttribute("aria-selected", "true");

  await page.getByLabel("Details").fill("Talked over the lesson twice");
  await recordButton(page, "Save").click();
  await expect(page.getByText("Behavior event saved.")).toBeVisible();
  await saveScreenshot(page, "sis-full-behavior");

  await recordButton(page, "Delete").click();
  await page.getByRole("dialog").getByRole("button", { name: "Delete", exact: true }).click();
  await expect(row).toHaveCount(0);
});
