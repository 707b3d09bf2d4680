import { expect, test } from "@playwright/test";
import { signInAs } from "./support/sign-in.js";
import { AGENT_SPEC_CONTACT } from "./support/support-fixtures.js";
import { choose, signInContact, type ContactLogin } from "./support-e2e-helpers.js";

const avery: ContactLogin = { username: AGENT_SPEC_CONTACT.username, password: AGENT_SPEC_CONTACT.password, displayName: AGENT_SPEC_CONTACT.displayName, secret: AGENT_SPEC_CONTACT.secret };

test("a district user opening the vendor queue is told it is for vendor staff", async ({ page }) => {
  await signInAs(page, "teacher", "/vendor/cases");
  await expect(page.getByRole("heading", { name: "This page is for vendor staff" })).toBeVisible();
  await expect(page.getByText(/not found/i)).toHaveCount(0);
  await expect(page.getByRole("link", { name: "Go to the Support Case Portal" })).toBeVisible();
});

test("vendor staff reply without taking the case, assign and unassign explicitly, and attach a file", async ({ page, browser }) => {
  const subject = `Agent flow ${Date.now()}`;
  await signInContact(page, avery, "/support/cases/new");
  await page.getByRole("textbox", { name: /^Subject/ }).fill(subject);
  await choose(page, /^Product area/, "Grading");
  await page.getByRole("textbox", { name: /^Description/ }).fill("Report cards print blank.");
  await page.getByRole("button", { name: "Open case" }).click();
  await expect(page.getByRole("heading", { name: new RegExp(subject) })).toBeVisible();

  const vendorContext = await browser.newContext();
  const vendor = await vendorContext.newPage();
  await signInAs(vendor, "vendor", "/vendor/cases");
  await vendor.getByRole("textbox", { name: "Search" }).fill(subject);
  await vendor.getByRole("link", { name: subject }).click();
  await expect(vendor.getByRole("heading", { name: new RegExp(subject) })).toBeVisible();

  await vendor.getByRole("textbox", { name: "Reply to the district" }).fill("Looking into it.");
  await vendor.getByRole("button", { name: "Send reply" }).click();
  await expect(vendor.getByTestId("message").filter({ hasText: "Looking into it." })).toBeVisible();
  const assignee = vendor.getByRole("textbox", { name: "Assignee" });
  await expect(assignee).toHaveValue("");
  await expect(vendor.getByRole("button", { name: "Unassign" })).toHaveCount(0);

  await vendor.getByRole("button", { name: "Assign to me" }).click();
  await expect(assignee).toHaveValue("Vic Vendor-Tester");
  // Picking the current assignee again keeps them.
  await assignee.click();
  await vendor.getByRole("option", { name: "Vic Vendor-Tester" }).click();
  await expect(assignee).toHaveValue("Vic Vendor-Tester");
  await vendor.getByRole("button", { name: "Unassign" }).click();
  await expect(assignee).toHaveValue("");

  const files = vendor.getByRole("region", { name: "Files" });
  await files.locator('input[type="file"]').setInputFiles({ name: "fix-steps.txt", mimeType: "text/plain", buffer: Buffer.from("1. Re-run the batch\n") });
  await files.getByRole("button", { name: "Attach", exact: true }).click();
  await expect(files).toContainText("fix-steps.txt");

  await page.reload();
  await expect(page.getByRole("region", { name: "Files" })).toContainText("fix-steps.txt");
  await vendorContext.close();
});

test("case badges show their full text", async ({ page }) => {
  await signInAs(page, "vendor", "/vendor/districts");
  const badge = page.getByText("Campus Cloud Choice", { exact: true }).first(); // the demo district is Campus Cloud Choice
  await expect(badge).toBeVisible();
  expect(await badge.evaluate((el) => el.scrollWidth <= el.clientWidth)).toBe(true);
});
