import { expect, test } from "@playwright/test";
import { signInAs } from "./support/sign-in.js";
import { openCaseForKim } from "./support-e2e-helpers.js";

test("a district user opening the vendor queue is told it is for vendor staff", async ({ page }) => {
  await signInAs(page, "teacher", "/vendor/cases");
  await expect(page.getByRole("heading", { name: "This page is for vendor staff" })).toBeVisible();
  await expect(page.getByText(/not found/i)).toHaveCount(0);
  await expect(page.getByRole("link", { name: "Go to the Support Case Portal" })).toBeVisible();
});

test("vendor staff reply without taking the case, assign and unassign explicitly, and attach a file", async ({ browser }) => {
  const subject = `Agent flow ${Date.now()}`;
  const vendorContext = await browser.newContext();
  const vendor = await vendorContext.newPage();
  await signInAs(vendor, "vendor", "/vendor/cases");
  // The case: an emergency case on behalf of the demo's Kim (no contact signs in, so no authenticator code is spent).
  await openCaseForKim(vendor, subject);
  await vendor.goto("/vendor/cases");
  await vendor.getByRole("textbox", { name: "Search" }).fill(subject);
  await expect(vendor.getByRole("row", { name: new RegExp(subject) })).toContainText("Emergency");
  await vendor.getByRole("link", { name: subject }).click();
  await expect(vendor.getByRole("heading", { name: new RegExp(subject) })).toBeVisible();
  await expect(vendor.getByText(/None yet: due within|past the .* target/)).toBeVisible();

  // The emergency case starts with its opener as assignee: unassigning is an explicit button.
  const assignee = vendor.getByRole("textbox", { name: "Assignee" });
  await expect(assignee).toHaveValue("Vic Vendor-Tester");
  // Picking the current assignee again keeps them.
  await assignee.click();
  await vendor.getByRole("option", { name: "Vic Vendor-Tester" }).click();
  await expect(assignee).toHaveValue("Vic Vendor-Tester");
  await vendor.getByRole("button", { name: "Unassign" }).click();
  await expect(assignee).toHaveValue("");
  await expect(vendor.getByRole("button", { name: "Unassign" })).toHaveCount(0);

  // A reply does not take the case.
  await vendor.getByRole("textbox", { name: "Reply to the district" }).fill("Looking into it.");
  await vendor.getByRole("button", { name: "Send reply" }).click();
  await expect(vendor.getByTestId("message").filter({ hasText: "Looking into it." })).toBeVisible();
  await expect(vendor.getByText(/^\d+ min$/).or(vendor.getByText(/^\d+ min \(past the target\)$/)).first()).toBeVisible();
  await expect(assignee).toHaveValue("");

  await vendor.getByRole("button", { name: "Assign to me" }).click();
  await expect(assignee).toHaveValue("Vic Vendor-Tester");

  const files = vendor.getByRole("region", { name: "Files" });
  await files.locator('input[type="file"]').setInputFiles({ name: "fix-steps.txt", mimeType: "text/plain", buffer: Buffer.from("1. Re-run the batch\n") });
  await files.getByRole("button", { name: "Attach", exact: true }).click();
  await expect(files).toContainText("fix-steps.txt");

  await vendorContext.close();
});

test("case badges show their full text", async ({ page }) => {
  await signInAs(page, "vendor", "/vendor/districts");
  const badge = page.getByText("Campus Cloud Choice", { exact: true }).first(); // the demo district is Campus Cloud Choice
  await expect(badge).toBeVisible();
  expect(await badge.evaluate((el) => el.scrollWidth <= el.clientWidth)).toBe(true);
});
