import { expect, test } from "@playwright/test";
import { callApi } from "./support/api.js";
import { saveScreenshot } from "./support/screenshots.js";
import { ACCOUNTS } from "./support/accounts.js";
import { signInAs } from "./support/sign-in.js";
import { dayFromToday, findUser, tag, warmCatalog, type Group } from "./security-e2e-helpers.js";

const SUMMARY = "Student Information > General > Summary";
const HEALTH = "Student Information > Health";

warmCatalog();

test("an administrator compares the Counselors and Principals groups side by side and downloads the comparison", async ({ page }) => {
  await signInAs(page, "admin", "/security/groups");
  const t = tag();
  const counselors = await callApi<Group>(page, "POST", "/api/groups", { name: `Counselors ${t}`, template: "Counselors" });
  const principals = await callApi<Group>(page, "POST", "/api/groups", { name: `Principals ${t}`, template: "Principals" });
  await page.goto("/security/compare");
  await page.getByRole("textbox", { name: "First group" }).fill(`Counselors ${t}`);
  await page.getByRole("option", { name: `Counselors ${t}` }).click();
  await page.getByRole("textbox", { name: "Second group" }).fill(`Principals ${t}`);
  await page.getByRole("option", { name: `Principals ${t}` }).click();
  const table = page.getByRole("table", { name: "Tool rights that differ" });
  await expect(table).toBeVisible();
  await expect(table.getByRole("columnheader", { name: `Counselors ${t}` })).toBeVisible();
  expect(await page.getByTestId("tool-difference-row").count()).toBeGreaterThan(0);
  expect(page.url()).toContain(`a=${counselors.id}`);
  const download = page.waitForEvent("download");
  await page.getByRole("link", { name: "Download CSV" }).click();
  expect((await download).suggestedFilename()).toBe("group-comparison.csv");
  await saveScreenshot(page, "governance-compare-groups");

  await page.getByText("Two people", { exact: true }).click();
  await expect(page.getByText("Choose two people")).toBeVisible();
  expect(principals.id).toBeTruthy();
});

test("an administrator sees a group's saved versions, what changed, and restores an earlier one", async ({ page }) => {
  await signInAs(page, "admin", "/security/groups");
  const g = await callApi<Group>(page, "POST", "/api/groups", { name: `History ${tag()}` });
  const v2 = await callApi<{ version: number }>(page, "PUT", `/api/groups/${g.id}/rights`, { version: g.version, entries: [{ toolPath: SUMMARY, rights: "R", deny: false }] });
  await callApi(page, "PUT", `/api/groups/${g.id}/rights`, { version: v2.version, entries: [{ toolPath: SUMMARY, rights: "RWAD", deny: false }, { toolPath: HEALTH, rights: "R", deny: false }] });
  await page.goto(`/security/groups/${g.id}?tab=history`);
  await expect(page.getByTestId("history-row")).toHaveCount(3);
  await expect(page.getByRole("table", { name: "Tool rights changed from version 2 to 3" }).locator(`[data-path="${HEALTH}"]`)).toBeVisible();
  await saveScreenshot(page, "governance-history");
  await page.getByTestId("history-row").filter({ hasText: /^2/ }).getByRole("button", { name: "Restore" }).click();
  await page.getByRole("dialog").getByRole("button", { name: "Restore version 2" }).click();
  await expect(page.getByText(/Restored version 2 .* saved as version 4/)).toBeVisible();
  await expect(page.getByTestId("history-row")).toHaveCount(4);
  const after = await callApi<Group>(page, "GET", `/api/groups/${g.id}`);
  expect(after.entries.map((e) => [e.toolPath, e.rights])).toEqual([[SUMMARY, "R"]]);
});

test("an administrator finds the staff who have not signed in for 90 days and disables one; that person can no longer sign in", async ({ page, browser }) => {
  await signInAs(page, "admin", "/security/dormant");
  const dormant = await findUser(page, "governanceDormant");
  const row = page.getByTestId("dormant-row").filter({ hasText: dormant.displayName });
  await expect(row).toBeVisible();
  await expect(row).toContainText("never");
  await saveScreenshot(page, "governance-dormant");
  await row.getByRole("checkbox").check();
  await page.getByRole("button", { name: "Disable 1 selected" }).click();
  await page.getByRole("dialog").getByRole("button", { name: "Disable" }).click();
  await expect(page.getByText("Disabled 1 account; their sessions were ended.")).toBeVisible();
  await expect(row).toHaveCount(0);
  const context = await browser.newContext();
  const refused = await context.request.post("/api/auth/sign-in", { data: { district: ACCOUNTS.governanceDormant.district, username: dormant.username, password: ACCOUNTS.governanceDormant.password } });
  expect(refused.ok(), await refused.text()).toBe(false);
  await context.close();
});

test("an administrator previews the app as a teacher, read-only, and ends the preview", async ({ page }) => {
  await signInAs(page, "governanceAdmin", "/security/users");
  const teacher = await findUser(page, "teacher");
  await page.goto(`/security/users/${teacher.id}`);
  await page.getByRole("button", { name: `Preview as ${teacher.displayName}` }).click();
  const banner = page.getByTestId("preview-banner");
  await expect(banner).toContainText(`You are previewing Gatehouse as ${teacher.displayName}`);
  const nav = page.getByRole("navigation", { name: "Main navigation" });
  await expect(nav.getByRole("link", { name: "User groups" })).toHaveCount(0);
  await saveScreenshot(page, "governance-preview");
  const refused = await callApi<{ code: string }>(page, "POST", "/api/groups", { name: `During preview ${tag()}` }, 403);
  expect(refused.code).toBe("preview-read-only");
  await banner.getByRole("button", { name: "End preview" }).click();
  await expect(banner).toHaveCount(0);
  await expect(page).toHaveURL(new RegExp(`/security/users/${teacher.id}`));
  await expect(nav.getByRole("link", { name: "User groups" })).toBeVisible();
});

test("an administrator runs a term's review of everyone who can see health conditions, decides each person, closes it and files the report", async ({ page }) => {
  await signInAs(page, "admin", "/security/campaigns");
  const name = `Health review ${tag()}`;
  await page.getByRole("button", { name: "Start an access review" }).click();
  const dialog = page.getByRole("dialog", { name: "Start an access review" });
  await dialog.getByLabel("Name").fill(name);
  await dialog.getByRole("textbox", { name: "What is reviewed" }).click();
  await page.getByRole("option", { name: "The holders of one tool" }).click();
  await dialog.getByLabel("Due on").fill(dayFromToday(14));
  await dialog.getByRole("button", { name: "Start the review" }).click();
  await expect(page.getByRole("heading", { name })).toBeVisible();
  const items = page.getByTestId("review-item");
  await expect(items.first()).toBeVisible();
  const count = await items.count();
  for (let i = 0; i < count; i++) await items.nth(i).getByText("Keep", { exact: true }).click();
  await expect(page.getByText(`${count} of ${count} decided`)).toBeVisible();
  await saveScreenshot(page, "governance-campaign");
  await page.getByRole("button", { name: "Close and apply decisions" }).click();
  await page.getByRole("dialog").getByRole("button", { name: "Close and apply" }).click();
  await expect(page.getByText(`Closed "${name}"`)).toBeVisible();
  await expect(page.getByRole("columnheader", { name: "Outcome" })).toBeVisible();
  const download = page.waitForEvent("download");
  await page.getByRole("link", { name: "Download CSV" }).click();
  expect((await download).suggestedFilename()).toMatch(/^access-review-\d{4}-\d{2}-\d{2}\.csv$/);
});

test("a group's owner reviews that group's members in a campaign run by group owners", async ({ page, browser }) => {
  await signInAs(page, "admin", "/security/groups");
  const t = tag();
  const owner = await findUser(page, "governanceOwner");
  const teacher = await findUser(page, "teacher");
  // the owner reads the campaign screens through a group of their own
  await callApi(page, "POST", "/api/groups", { name: `Review readers ${t}` }).then(async (g) => {
    const group = g as Group;
    await callApi(page, "PUT", `/api/groups/${group.id}/rights`, { version: group.version, entries: [{ toolPath: "System Administration > User Security > Reviews", rights: "R" }] });
    await callApi(page, "POST", `/api/groups/${group.id}/members`, { userId: owner.id });
  });
  const owned = await callApi<Group>(page, "POST", "/api/groups", { name: `Owned ${t}` });
  await callApi(page, "PUT", `/api/groups/${owned.id}/rights`, { version: owned.version, entries: [{ toolPath: SUMMARY, rights: "R" }] });
  await callApi(page, "POST", `/api/groups/${owned.id}/members`, { userId: teacher.id });

  await page.goto(`/security/groups/${owned.id}`);
  await page.getByRole("tab", { name: "Settings" }).click();
  await page.getByRole("textbox", { name: "Choose an owner" }).fill("Oakley");
  await page.getByRole("option", { name: /Oakley Owner/ }).click();
  await page.getByRole("button", { name: "Save settings" }).click();
  await expect(page.getByText("Saved the group's settings.")).toBeVisible();
  await expect(page.getByText(/Oakley Owner \(e2e-gov-owner\) — answers/)).toBeVisible();

  await page.goto("/security/campaigns");
  const name = `Owners review ${t}`;
  await page.getByRole("button", { name: "Start an access review" }).click();
  const dialog = page.getByRole("dialog", { name: "Start an access review" });
  await dialog.getByLabel("Name").fill(name);
  await dialog.getByRole("textbox", { name: "What is reviewed" }).click();
  await page.getByRole("option", { name: /members of one group/i }).click();
  await dialog.getByRole("textbox", { name: "Group" }).fill(`Owned ${t}`);
  await page.getByRole("option", { name: `Owned ${t}` }).click();
  await dialog.getByRole("textbox", { name: "Who decides" }).click();
  await page.getByRole("option", { name: "Each group's owner decides its members' items" }).click();
  await dialog.getByLabel("Due on").fill(dayFromToday(14));
  await dialog.getByRole("button", { name: "Start the review" }).click();
  await expect(page.getByRole("heading", { name })).toBeVisible();
  await expect(page.getByText(/Reviewers: each group's owner/)).toBeVisible();
  const url = page.url();

  const ownerPage = await (await browser.newContext()).newPage();
  await signInAs(ownerPage, "governanceOwner", new URL(url).pathname);
  const item = ownerPage.getByTestId("review-item").filter({ hasText: "Terry Teacher" });
  await expect(item.getByRole("cell", { name: "you", exact: true })).toBeVisible();
  await item.getByText("Remove", { exact: true }).click();
  await expect(ownerPage.getByText("1 of 1 decided")).toBeVisible();
  await saveScreenshot(ownerPage, "governance-owner-review");
  await expect(ownerPage.getByRole("button", { name: "Close and apply decisions" })).toHaveCount(0);
  await ownerPage.context().close();
});
