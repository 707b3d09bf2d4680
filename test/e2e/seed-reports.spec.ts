import fs from "node:fs";
import { expect, test } from "@playwright/test";
import { callApi } from "./support/api.js";
import { signInAs } from "./support/sign-in.js";
import { findUser, tag, type Group } from "./security-e2e-helpers.js";

// Seed: "Reports need only the R right for full access to viewing and generating results. In
// addition, R rights allow printing of information".
const SUMMARY = "Student Information > Reports > Enrollment Summary";

test("R alone on Enrollment Summary lets a person generate, print and download it; without R it is gone", async ({ page, browser }) => {
  await signInAs(page, "admin");
  const [first] = await callApi<{ school: string }[]>(page, "GET", "/api/calendars");
  const group = await callApi<Group>(page, "POST", "/api/groups", { name: `Report Readers ${tag()}` });
  const v = await callApi<{ version: number }>(page, "PUT", `/api/groups/${group.id}/rights`, { version: group.version, entries: [{ toolPath: SUMMARY, rights: "R" }] });
  await callApi(page, "PUT", `/api/groups/${group.id}/calendar-rights`, { version: v.version, calendarGrants: [{ school: first!.school, year: "*", calendar: "*", modify: false }] });
  const rory = await findUser(page, "seedReportsReader");
  await callApi(page, "POST", `/api/groups/${group.id}/members`, { userId: rory.id });

  const reader = await (await browser.newContext()).newPage();
  await signInAs(reader, "seedReportsReader", "/");
  await reader.getByRole("link", { name: "Reports", exact: true }).first().click();
  await expect(reader.getByRole("link", { name: "Enrollment Status" })).toHaveCount(0);
  await reader.getByRole("link", { name: "Enrollment Summary" }).click();
  const table = reader.getByRole("table", { name: "Enrollment Summary" });
  await expect(table.getByRole("columnheader", { name: "Grade" })).toBeVisible();
  // calendar rights to one school: every row is that school's
  const schools = await table.locator("tbody tr td:first-child").allTextContents();
  expect(schools.length).toBeGreaterThan(0);
  expect(new Set(schools)).toEqual(new Set([first!.school]));

  // Print: the printed page is the report alone, without navigation or buttons
  await reader.emulateMedia({ media: "print" });
  await expect(reader.getByRole("button", { name: "Print" })).toBeHidden();
  await expect(table).toBeVisible();
  await reader.emulateMedia({ media: "screen" });
  await reader.evaluate(() => (window.print = () => void ((window as unknown as { printed: boolean }).printed = true)));
  await reader.getByRole("button", { name: "Print" }).click();
  expect(await reader.evaluate(() => (window as unknown as { printed?: boolean }).printed)).toBe(true);

  const download = reader.waitForEvent("download");
  await reader.getByRole("button", { name: "Download CSV" }).click();
  const csv = fs.readFileSync((await (await download).path())!, "utf8").replace(/^\uFEFF/, "").split("\r\n");
  expect(csv[0]).toBe("School,Year,Calendar,Grade,Active,Ended");
  expect(csv.filter(Boolean).length).toBe(schools.length + 1);

  // R taken away: the report is no longer offered, and its address says it is not there
  await callApi(page, "DELETE", `/api/groups/${group.id}/members/${rory.id}`);
  await reader.goto("/reports");
  await expect(reader.getByText("You hold R on no Student Information report.")).toBeVisible();
  await reader.goto("/reports/enrollment-summary");
  await expect(reader.getByRole("table", { name: "Enrollment Summary" })).toHaveCount(0);
  await expect(reader.getByRole("alert")).toBeVisible();
});

// Seed, All Campus Users: "My Data". The viewer is in All Campus Users; Rory is in no group.
test("My Data shows a person their own groups and rights; without the right it says why", async ({ page, browser }) => {
  await signInAs(page, "viewer", "/");
  await page.getByRole("link", { name: "My data", exact: true }).first().click();
  await expect(page.getByRole("heading", { level: 2, name: "My data" })).toBeVisible();
  await expect(page.getByRole("region", { name: "My groups" })).toContainText("All Campus Users");
  await expect(page.getByRole("region", { name: "My groups" })).toContainText("Student Information Read-Only");
  const tools = page.getByRole("table", { name: "My tool rights" });
  await expect(tools.getByRole("row").filter({ hasText: /^My Data/ })).toContainText("RW");

  const rory = await (await browser.newContext()).newPage();
  await signInAs(rory, "seedReportsReader", "/");
  await expect(rory.getByRole("link", { name: "My data", exact: true })).toHaveCount(0);
  await rory.goto("/my-data");
  await expect(rory.getByText("This view needs R on the My Data tool")).toBeVisible();
});
