import { expect, test } from "@playwright/test";
import { saveScreenshot } from "./support/screenshots.js";
import { signInAs } from "./support/sign-in.js";
import { pickStudent, recordButton } from "./sis-e2e-helpers.js";

test("an SSN is masked without an SSN right and shown with one", async ({ page, browser }) => {
  await signInAs(page, "admin");
  const student = await pickStudent(page, 30, { withSsn: true });
  await page.goto(`/students/${student.id}/demographics`);
  const ssn = page.getByTestId("ssn");
  await expect(ssn).toHaveValue(/^\d{3}-\d{2}-\d{4}$/);
  await expect(ssn).toBeEditable();
  await expect(page.getByTestId("ssn-masked")).toHaveCount(0);
  const lastFour = (await ssn.inputValue()).slice(-4);

  // a wrong SSN is refused at the field, and nothing is saved
  await ssn.fill("12-34");
  await recordButton(page, "Save").click();
  await expect(page.getByText("An SSN has nine digits, written ###-##-#### or all nine together.")).toBeVisible();
  await expect(ssn).toHaveAttribute("aria-invalid", "true");
  await saveScreenshot(page, "sis-ssn-shown");

  // viewer: Demographics R, no SSN right — the same person's SSN arrives masked
  const viewer = await (await browser.newContext()).newPage();
  await signInAs(viewer, "viewer", `/students/${student.id}/demographics`);
  await expect(viewer.getByTestId("ssn")).toHaveValue(`***-**-${lastFour}`);
  await expect(viewer.getByTestId("ssn")).not.toBeEditable();
  await expect(viewer.getByTestId("ssn-masked")).toContainText("SSN Rights");
  await saveScreenshot(viewer, "sis-ssn-masked");
  await viewer.context().close();
});
