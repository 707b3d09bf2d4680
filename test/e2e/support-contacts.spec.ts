import { expect, test } from "@playwright/test";
import { saveScreenshot } from "./support/screenshots.js";
import { signInAs } from "./support/sign-in.js";
import { choose, DEMO_NAME, enrolContact, signInContact, type ContactLogin } from "./support-e2e-helpers.js";

let jordan: ContactLogin;
let sam: ContactLogin;
test.beforeAll(async () => {
  jordan = await enrolContact("jordan");
  sam = await enrolContact("sam");
});

test("a technical contact files a sandbox refresh; a support contact sees the tool but cannot", async ({ page }) => {
  await signInContact(page, jordan, "/support/update-requests");
  await choose(page, "Request", "Sandbox refresh");
  await page.getByRole("textbox", { name: "Notes for Support" }).fill("Refresh before summer training");
  await page.getByRole("button", { name: "File request" }).click();
  const row = page.getByRole("table", { name: "Update requests" }).getByRole("row", { name: /Refresh before summer training/ });
  await expect(row).toContainText("Sandbox refresh");
  await expect(row).toContainText("requested");
  await saveScreenshot(page, "support-update-requests");

  await signInContact(page, sam, "/support/update-requests");
  await expect(page.getByText("Only technical contacts can file update requests")).toBeVisible();
  await expect(page.getByText(/you are a support contact.*Jordan Lee/)).toBeVisible();
  await expect(page.getByRole("button", { name: "File request" })).toHaveCount(0);
  await expect(page.getByRole("table", { name: "Update requests" })).toContainText("Refresh before summer training");
});

test("a Modify Support Contact case reactivates a deactivated contact once vendor staff approve it", async ({ page, browser }) => {
  await signInContact(page, jordan, "/support");
  await page.getByRole("link", { name: /Request a contact change/ }).click();
  await choose(page, "What should change?", "Reactivate a deactivated contact");
  await choose(page, /^Contact/, /Riley Brooks/);
  await page.getByRole("textbox", { name: /^Reason/ }).fill("Riley is back from leave and handles scheduling again.");
  await page.getByRole("button", { name: "File Modify Support Contact case" }).click();
  await expect(page.getByRole("heading", { name: /Modify Support Contact: Reactivate Riley Brooks/ })).toBeVisible();

  const vendorContext = await browser.newContext();
  const vendor = await vendorContext.newPage();
  await signInAs(vendor, "vendor", "/vendor/cases");
  await vendor.getByRole("link", { name: "Modify Support Contact: Reactivate Riley Brooks" }).click();
  const decision = vendor.getByRole("region", { name: "Modify Support Contact request" });
  await decision.getByRole("textbox", { name: /Note to the district/ }).fill("Welcome back, Riley.");
  await saveScreenshot(vendor, "vendor-modify-contact");
  await decision.getByRole("button", { name: "Approve and apply" }).click();
  await expect(decision).toContainText("Approved by");
  await vendor.getByRole("link", { name: "Districts" }).click();
  await vendor.getByRole("link", { name: DEMO_NAME }).click();
  await expect(vendor.getByRole("table", { name: "Contacts" }).getByRole("row", { name: /Riley Brooks/ })).toContainText("Active");
  await saveScreenshot(vendor, "vendor-district");
  await vendorContext.close();

  await page.reload();
  await expect(page.getByText("approved the contact change")).toBeVisible();
});
