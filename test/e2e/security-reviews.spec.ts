import fs from "node:fs/promises";
import { expect, test, type Download, type Page } from "@playwright/test";
import { callApi } from "./support/api.js";
import { saveScreenshot } from "./support/screenshots.js";
import { signInAs } from "./support/sign-in.js";
import { dayFromToday, findUser, tag, warmCatalog, type Group } from "./security-e2e-helpers.js";

warmCatalog();

async function downloadCsv(page: Page): Promise<{ file: Download; text: string }> {
  const download = page.waitForEvent("download");
  await page.getByRole("link", { name: "Download CSV" }).click();
  const file = await download;
  return { file, text: await fs.readFile((await file.path())!, "utf8") };
}

test("the reviews show who can see protected data, download as CSV, print, and draw the heat map", async ({ page }) => {
  await signInAs(page, "admin");
  const name = `Health Staff ${tag()}`;
  const group = await callApi<Group>(page, "POST", "/api/groups", { name, template: "Health Staff" });
  // protected student data is calendar-scoped: read-only calendar rights cap what the group's members reach
  await callApi(page, "PUT", `/api/groups/${group.id}/calendar-rights`, { version: group.version, calendarGrants: [{ school: "*", year: "*", calendar: "*", modify: false }] });
  const robin = await findUser(page, "securityReviewed");
  await callApi(page, "POST", `/api/groups/${group.id}/members`, { userId: robin.id });

  await page.goto("/security/reviews");
  const table = page.getByRole("table", { name: "Who can see protected data" });
  await expect(table).toContainText("Student Information > Health > Conditions");
  await expect(table.getByRole("row").filter({ hasText: "Robin Reviewed" }).filter({ hasText: name }).first()).toBeVisible();
  await saveScreenshot(page, "security-review-protected");

  const { file, text } = await downloadCsv(page);
  expect(file.suggestedFilename()).toMatch(/^protected-data-\d{4}-\d{2}-\d{2}\.csv$/);
  expect(text.split("\r\n")[0]).toBe("Protected area,Username,Name,Rights,Calendars,Through");
  expect(text).toMatch(new RegExp(`Student Information > Health > Conditions,e2e-reviewed,Robin Reviewed,R,every calendar \\(read-only\\),.*${name}`));

  // Printed, the report stands alone: no navigation, no buttons, a title saying which report it is.
  await page.emulateMedia({ media: "print" });
  await expect(page.getByRole("navigation", { name: "Main navigation" })).toBeHidden();
  await expect(page.getByRole("button", { name: "Print" })).toBeHidden();
  await expect(page.getByRole("heading", { level: 2, name: "Protected data" })).toBeVisible();
  await expect(table).toBeVisible();
  await saveScreenshot(page, "security-review-print");
  await page.emulateMedia({ media: "screen" });

  await page.getByRole("tab", { name: "Heat map" }).click();
  const heat = page.getByRole("table", { name: "Rights heat map: groups by modules" });
  await expect(heat.getByRole("rowheader", { name: new RegExp(name) })).toBeVisible();
  await expect(heat.getByRole("cell", { name: `${name} on Student Information: from none to RWAD (set differently inside)` })).toBeVisible();
  await saveScreenshot(page, "security-review-heat-map");
  const heatCsv = await downloadCsv(page);
  expect(heatCsv.text).toContain(name);

  await page.getByRole("tab", { name: "Delete and dangerous rights" }).click();
  await expect(page.getByRole("table", { name: "Groups with Delete and dangerous rights" })).toContainText(name);
  await saveScreenshot(page, "security-review-delete");
});

test("the member limit and expiry reviews list a group past its limit and a membership ending soon", async ({ page }) => {
  await signInAs(page, "admin");
  const name = `Limited ${tag()}`;
  const group = await callApi<Group>(page, "POST", "/api/groups", { name, memberLimit: 1 });
  const [robin, avery] = [await findUser(page, "securityReviewed"), await findUser(page, "securityAuditor")];
  await callApi(page, "POST", `/api/groups/${group.id}/members`, { userId: robin.id, until: dayFromToday(10) });
  await callApi(page, "POST", `/api/groups/${group.id}/members`, { userId: avery.id, confirmOverLimit: true });

  await page.goto("/security/reviews?review=groups-over-limit");
  const over = page.getByRole("table", { name: "Groups over their member limit" });
  await expect(over.getByRole("row").filter({ hasText: name })).toContainText("2 (1 over)");
  await saveScreenshot(page, "security-review-over-limit");
  const { file, text } = await downloadCsv(page);
  expect(file.suggestedFilename()).toMatch(/^groups-over-limit-/);
  expect(text).toContain(`${name},1,2`);

  await page.getByRole("tab", { name: "Expiring soon" }).click();
  const expiring = page.getByRole("table", { name: "Grants expiring soon" });
  const row = expiring.getByRole("row").filter({ hasText: name });
  await expect(row).toContainText("Membership");
  await expect(row).toContainText("e2e-reviewed");
  await saveScreenshot(page, "security-review-expiring");
  expect((await downloadCsv(page)).text).toContain("e2e-reviewed");
});
