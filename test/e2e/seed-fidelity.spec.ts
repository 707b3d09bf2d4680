import { expect, test } from "@playwright/test";
import { callApi } from "./support/api.js";
import { signInAs } from "./support/sign-in.js";
import { dayFromToday, findUser, tag, warmCatalog, type Group } from "./security-e2e-helpers.js";

warmCatalog();

test("an administrator reads the seed's cautions in the reviews, under the seed's own words", async ({ page }) => {
  await signInAs(page, "admin");
  const name = `Limited ${tag()}`;
  const group = await callApi<Group>(page, "POST", "/api/groups", { name, memberLimit: 1 });
  const [robin, avery] = [await findUser(page, "securityReviewed"), await findUser(page, "securityAuditor")];
  await callApi(page, "POST", `/api/groups/${group.id}/members`, { userId: robin.id, until: dayFromToday(10) });
  await callApi(page, "POST", `/api/groups/${group.id}/members`, { userId: avery.id, confirmOverLimit: true });

  await page.goto("/security/reviews?review=seed-cautions");
  const limited = page.getByRole("region", { name: "Caution: limited-group-over-limit" });
  await expect(limited).toContainText("This group should have limited members.");
  await expect(limited.getByRole("row").filter({ hasText: name })).toContainText(`The group ${name} has 2 members in force; its limit is 1.`);
});

test("the rights editor shows the seed's cautions about the group it edits, and none for a group without any", async ({ page }) => {
  await signInAs(page, "admin");
  const name = `Limited here ${tag()}`;
  const group = await callApi<Group>(page, "POST", "/api/groups", { name, memberLimit: 1 });
  const [robin, avery] = [await findUser(page, "securityReviewed"), await findUser(page, "securityAuditor")];
  await callApi(page, "POST", `/api/groups/${group.id}/members`, { userId: robin.id });
  await callApi(page, "POST", `/api/groups/${group.id}/members`, { userId: avery.id, confirmOverLimit: true });

  await page.goto(`/security/groups/${group.id}`);
  const cautions = page.getByTestId("group-cautions");
  await expect(cautions).toContainText("The seed's cautions: 1 finding about this group");
  await expect(cautions.getByRole("region", { name: "Caution: limited-group-over-limit" })).toContainText("This group should have limited members.");
  await expect(cautions).toContainText(`The group ${name} has 2 members in force; its limit is 1.`);

  // one member removed: within its limit, the caution is gone once the page reloads its data
  await callApi(page, "DELETE", `/api/groups/${group.id}/members/${avery.id}`);
  await page.reload();
  await expect(page.getByRole("tab", { name: "Tool rights" })).toBeVisible();
  await expect(page.getByTestId("group-cautions")).toHaveCount(0);
});

// Seed, All Campus Users: "Account Setting". Nico is in no group, so the district has not given it.
test("without Account Setting, My account says why and still signs out the other sessions", async ({ page }) => {
  await signInAs(page, "seedFidelityNoAccount", "/account");
  const notice = page.getByRole("status").filter({ hasText: "Account Setting is not among your rights" });
  await expect(notice).toContainText("Your account settings need R on the Account Setting tool, which the All Campus Users group gives.");
  await expect(notice.getByRole("list", { name: "Missing All Campus Users tools" })).toContainText("Log Off (the Sign out button) — Sign out always works");
  await expect(page.getByRole("form", { name: "Change password" })).toHaveCount(0);
  await expect(page.getByRole("table", { name: "Your sessions" })).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Set up an authenticator" })).toBeVisible();
  await page.getByRole("button", { name: "Sign out everywhere else" }).click();
  await page.getByRole("button", { name: "Sign out the others" }).click();
  await expect(page.getByText(/Signed out \d+ other session/)).toBeVisible();
});

// Seed, SSN Rights: "Users assigned to a SSN group MUST have calendar tool rights to users included within the group."
test("the SSN caution names a holder whose calendar rights miss the staff their SSN right covers, in the reviews and the group's editor", async ({ page }) => {
  await signInAs(page, "admin");
  const sol = await findUser(page, "seedFidelitySsn");
  const name = `SSN next year ${tag()}`;
  const group = await callApi<Group>(page, "POST", "/api/groups", { name });
  const v = await callApi<{ version: number }>(page, "PUT", `/api/groups/${group.id}/rights`, { version: group.version, entries: [{ toolPath: "SSN Rights > SSN for Staff", rights: "R" }] });
  await callApi(page, "PUT", `/api/groups/${group.id}/calendar-rights`, { version: v.version, calendarGrants: [{ school: "Harbor View High", year: "2026-27", calendar: "26-27 Harbor View High", modify: false }] });
  await callApi(page, "POST", `/api/groups/${group.id}/members`, { userId: sol.id });
  const finding = new RegExp(`${sol.username} holds SSN Rights > SSN for Staff without calendar rights to \\d+ staff in `);

  await page.goto("/security/reviews?review=seed-cautions");
  const ssn = page.getByRole("region", { name: "Caution: ssn-without-calendar-rights" });
  await expect(ssn).toContainText("Users assigned to a SSN group MUST have calendar tool rights to users included within the group.");
  await expect(ssn.getByRole("row").filter({ hasText: sol.username })).toContainText(finding);

  await page.goto(`/security/groups/${group.id}`);
  await expect(page.getByTestId("group-cautions").getByRole("region", { name: "Caution: ssn-without-calendar-rights" })).toContainText(finding);
});
