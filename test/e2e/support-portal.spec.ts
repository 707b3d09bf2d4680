import { expect, test } from "@playwright/test";
import { saveScreenshot } from "./support/screenshots.js";
import { signInAs } from "./support/sign-in.js";
import { choose, DEMO_NAME, enrolContact, signInContact, type ContactLogin } from "./support-e2e-helpers.js";

let kim: ContactLogin;
test.beforeAll(async () => {
  kim = await enrolContact("kim");
});

test("a district user who is not an authorized contact is refused and shown the district's contacts", async ({ page }) => {
  await signInAs(page, "teacher", "/support");
  await expect(page.getByRole("heading", { name: "Only authorized contacts can use the Support Case Portal" })).toBeVisible();
  const contacts = page.getByRole("table", { name: "Your district's authorized contacts" });
  await expect(contacts).toContainText("Kim Nguyen");
  await expect(contacts).toContainText("kim@demo-usd.example");
  await expect(contacts.getByRole("row", { name: /Jordan Lee/ })).toContainText("Technical contact");
  await expect(contacts).not.toContainText("Dana Ortiz"); // deactivated contacts are not someone to turn to
  await saveScreenshot(page, "support-not-authorized");
});

test("a support contact opens a case with a file, vendor staff reply and note internally, the contact sees the reply only", async ({ page, browser }) => {
  const subject = `Transcripts missing GPA ${Date.now()}`;
  await signInContact(page, kim);
  await expect(page.getByRole("heading", { name: "Support Case Portal" })).toBeVisible();
  await saveScreenshot(page, "support-portal-home");
  await page.getByRole("link", { name: "Open a case" }).click();
  await page.getByRole("textbox", { name: /^Subject/ }).fill(subject);
  await choose(page, /^Product area/, "Grading");
  await choose(page, /^Priority/, "high");
  await page.getByRole("textbox", { name: /^Description/ }).fill("The GPA column is empty on official transcripts since this morning.");
  await page.locator('input[type="file"]').setInputFiles({ name: "steps.txt", mimeType: "text/plain", buffer: Buffer.from("1. Open transcript\n2. GPA is blank\n") });
  await saveScreenshot(page, "support-new-case");
  await page.getByRole("button", { name: "Open case" }).click();
  await expect(page.getByRole("heading", { name: new RegExp(subject) })).toBeVisible();
  await expect(page.getByRole("region", { name: "Files" })).toContainText("steps.txt");
  const caseUrl = page.url();

  const vendorContext = await browser.newContext();
  const vendor = await vendorContext.newPage();
  await signInAs(vendor, "vendor", "/vendor/cases");
  await vendor.getByRole("textbox", { name: "Search" }).fill(subject);
  await vendor.getByRole("link", { name: subject }).click();
  await expect(vendor.getByRole("heading", { name: new RegExp(subject) })).toBeVisible();
  await vendor.getByRole("switch", { name: "Internal note" }).check();
  await vendor.getByRole("textbox", { name: /Internal note/ }).fill("Probably the GPA calc job; check the queue.");
  await vendor.getByRole("button", { name: "Add note" }).click();
  await expect(vendor.getByTestId("internal-note")).toContainText("GPA calc job");
  await vendor.getByRole("switch", { name: "Internal note" }).uncheck();
  await vendor.getByRole("textbox", { name: "Reply to the district" }).fill("We re-ran the GPA calculation. Please check a transcript again.");
  await vendor.getByRole("button", { name: "Send reply" }).click();
  await expect(vendor.getByTestId("message").filter({ hasText: "We re-ran the GPA calculation" })).toBeVisible();
  await saveScreenshot(vendor, "vendor-case");
  await vendorContext.close();

  await page.goto(caseUrl);
  await expect(page.getByTestId("message").filter({ hasText: "We re-ran the GPA calculation" })).toBeVisible();
  await expect(page.getByText("GPA calc job")).toHaveCount(0);
  await expect(page.getByText("Waiting on district").first()).toBeVisible();
  await page.getByRole("textbox", { name: "Add a comment" }).fill("Fixed now, thank you!");
  await page.getByRole("button", { name: "Send comment" }).click();
  await expect(page.getByTestId("message").filter({ hasText: "Fixed now" })).toBeVisible();
  await page.getByRole("button", { name: "Close case" }).click();
  await expect(page.getByRole("button", { name: "Reopen case" })).toBeVisible();
  await saveScreenshot(page, "support-case");
});

test("vendor staff open an emergency case on behalf of an active contact", async ({ page }) => {
  await signInAs(page, "vendor", "/vendor/cases");
  await page.getByRole("link", { name: "Emergency case on behalf" }).click();
  await choose(page, /^District/, DEMO_NAME);
  await choose(page, /^On behalf of/, /Sam Patel/);
  await page.getByRole("textbox", { name: /^Why is this an emergency/ }).fill("Superintendent called: nobody can sign in");
  await page.getByRole("textbox", { name: /^Subject/ }).fill("District-wide sign-in outage");
  await choose(page, /^Product area/, "System Administration");
  await page.getByRole("textbox", { name: /^Description/ }).fill("All staff get an error after entering their password.");
  await saveScreenshot(page, "vendor-emergency-case");
  await page.getByRole("button", { name: "Open emergency case" }).click();
  await expect(page.getByRole("alert", { name: "Emergency case", exact: true })).toContainText("on behalf of Sam Patel");
  await expect(page.getByText("opened this emergency case on behalf of Sam Patel")).toBeVisible();
  await page.getByRole("link", { name: "Case queue" }).click();
  await expect(page.getByRole("row", { name: /District-wide sign-in outage/ })).toContainText("Emergency");
});
