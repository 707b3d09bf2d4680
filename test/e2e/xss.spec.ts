import { expect, test, type Page } from "@playwright/test";
import { callApi } from "./support/api.js";
import { ACCOUNTS, XSS } from "./support/accounts.js";
import { signInAs } from "./support/sign-in.js";
import { dayFromToday, type User } from "./security-e2e-helpers.js";

/**
 * Stored text that is a script payload — group names and descriptions, display names, the
 * district's name, audit rows that quote them — is shown as text on every screen and never
 * runs: no dialog opens, window.__xss stays unset, and no element of the payload is in the page.
 * (The Content-Security-Policy would block inline script too; these checks hold without it.)
 */
async function expectInert(page: Page, path: string, shown?: string) {
  await page.goto(path);
  await expect(page.getByRole("heading").first()).toBeVisible();
  if (shown) await expect(page.getByText(shown, { exact: false }).first()).toBeVisible();
  expect(await page.evaluate(() => (window as unknown as { __xss?: string }).__xss), `a payload ran on ${path}`).toBeUndefined();
  await expect(page.locator('img[src="x"], svg[onload], script:not([src])')).toHaveCount(0);
  await expect(page.locator('a[href^="javascript:"]')).toHaveCount(0);
}

test("script payloads stored in text fields are shown as text and never run", async ({ page }) => {
  test.setTimeout(180_000);
  const dialogs: string[] = [];
  page.on("dialog", (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  await signInAs(page, "xssAdmin");
  const users = (await callApi<{ items: User[] }>(page, "GET", `/api/users?search=${encodeURIComponent(ACCOUNTS.xssStaff.username)}`)).items;
  const staff = users.find((u) => u.username === ACCOUNTS.xssStaff.username)!;
  const name = `Group ${XSS.img} ${Math.random().toString(36).slice(2, 6)}`;
  const group = await callApi<{ id: string; version: number }>(page, "POST", "/api/groups", { name, description: `${XSS.script} see ${XSS.link}` });
  await callApi(page, "POST", `/api/groups/${group.id}/members`, { userId: staff.id, until: dayFromToday(30) });
  await callApi(page, "PATCH", `/api/groups/${group.id}`, { description: `${XSS.svg} ${XSS.link}`, version: group.version });

  await expectInert(page, "/security/groups", "Group <img src=x");
  await expectInert(page, `/security/groups/${group.id}`, "<svg onload=");
  await expectInert(page, `/security/groups/${group.id}?tab=members`, "Sam <script>");
  await expectInert(page, "/security/users", "Sam <script>");
  await expectInert(page, `/security/users/${staff.id}`, "Sam <script>");
  await expectInert(page, "/security/audit", "Group <img src=x");
  await expectInert(page, "/security/reviews");
  await expectInert(page, "/account");
  await expectInert(page, "/", "Xena <img");

  await signInAs(page, "vendor");
  await expectInert(page, "/vendor/districts", "XSS District <img");
  const districts = await callApi<{ id: string; slug: string }[]>(page, "GET", "/api/vendor/districts");
  const xssDistrict = districts.find((d) => d.slug === "e2e-xss")!;
  await expectInert(page, `/vendor/districts/${xssDistrict.id}`, "XSS District <img");
  await expectInert(page, "/login/e2e-xss");

  expect(dialogs, "no payload may open a dialog").toEqual([]);
});

test("script payloads in case texts, comments, Ad hoc filter names, help contacts and group names elsewhere never run", async ({ page }) => {
  test.setTimeout(240_000);
  const dialogs: string[] = [];
  page.on("dialog", (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  const tag = Math.random().toString(36).slice(2, 6);

  await signInAs(page, "xssAdmin");
  const staff = (await callApi<{ items: User[] }>(page, "GET", `/api/users?search=${encodeURIComponent(ACCOUNTS.xssStaff.username)}`)).items[0]!;
  const self = (await callApi<{ items: User[] }>(page, "GET", `/api/users?search=${encodeURIComponent(ACCOUNTS.xssAdmin.username)}`)).items[0]!;
  const group = await callApi<{ id: string; version: number }>(page, "POST", "/api/groups", { name: `Shared ${XSS.svg} ${tag}` });
  // the group reads student numbers and a protected area in every calendar, so Access reviews lists it by name
  const entries = [{ toolPath: "Student Information > General > Summary", rights: "R" }, { toolPath: "Student Information > General > Enrollments > State Reporting > Ward of State", rights: "R" }];
  const rights = await callApi<{ version: number }>(page, "PUT", `/api/groups/${group.id}/rights`, { version: group.version, entries });
  await callApi(page, "PUT", `/api/groups/${group.id}/calendar-rights`, { version: rights.version, calendarGrants: [{ school: "*", year: "*", calendar: "*" }] });
  for (const member of [staff, self]) await callApi(page, "POST", `/api/groups/${group.id}/members`, { userId: member.id, until: dayFromToday(30) });
  const definition = { fields: ["student.localId", "student.lastName"], conditions: [], sort: [] };
  const filter = await callApi<{ id: string }>(page, "POST", "/api/adhoc/filters", { name: `Filter ${XSS.img} ${tag}`, description: `${XSS.script} ${XSS.link}`, definition });
  await callApi(page, "PUT", `/api/adhoc/filters/${filter.id}/shares`, { groupIds: [group.id] });
  await callApi(page, "PUT", "/api/district/help-contacts", { contacts: [{ name: `Help ${XSS.img}`, role: XSS.script, email: "help@xss.example" }] });

  await expectInert(page, "/adhoc", "Filter <img src=x");
  await expectInert(page, `/adhoc/filters/${filter.id}`, "Filter <img src=x");
  await expectInert(page, `/security/users/${staff.id}?tab=groups`, "Shared <svg onload=");
  await expectInert(page, `/security/users/${staff.id}?tab=effective`);
  await expectInert(page, `/security/groups/${group.id}?tab=members`, "Shared <svg onload=");
  await expectInert(page, "/security/reviews", "Shared <svg onload=");
  await expectInert(page, "/security/compare");
  await expectInert(page, "/security/preferences"); // the contacts are in the editor's boxes, as typed
  await expect(page.getByRole("region", { name: "Help contacts on the sign-in page" }).getByRole("textbox", { name: "Name" })).toHaveValue(/^Help <img src=x/);
  await expectInert(page, "/security/audit", "Filter <img src=x");

  await signInAs(page, "xssContact");
  const opened = await callApi<{ id: string }>(page, "POST", "/api/support/cases", { subject: `Case ${XSS.img} ${tag}`, description: `${XSS.script} see ${XSS.link}`, productArea: "Other" });
  await callApi(page, "POST", `/api/support/cases/${opened.id}/comments`, { body: `Comment ${XSS.svg} ${XSS.link}` });
  await expectInert(page, "/support", "Case <img src=x");
  await expectInert(page, `/support/cases/${opened.id}`, "Comment <svg onload=");
  await expect(page.getByText("<script>window.__xss='script'", { exact: false }).first()).toBeVisible();

  await signInAs(page, "vendor");
  await callApi(page, "POST", `/api/vendor/cases/${opened.id}/comments`, { body: `Reply ${XSS.img}` });
  await expectInert(page, "/vendor/cases", "Case <img src=x");
  await expectInert(page, `/vendor/cases/${opened.id}`, "Reply <img src=x");
  await expectInert(page, `/vendor/cases/${opened.id}`, "Comment <svg onload=");

  await signInAs(page, "xssContact");
  await expectInert(page, `/support/cases/${opened.id}`, "Reply <img src=x");

  await page.context().clearCookies();
  await expectInert(page, "/login/e2e-xss", "Help <img src=x");
  expect(dialogs, "no payload may open a dialog").toEqual([]);
});
