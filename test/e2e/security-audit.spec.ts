import { expect, test } from "@playwright/test";
import { callApi } from "./support/api.js";
import { saveScreenshot } from "./support/screenshots.js";
import { signInAs } from "./support/sign-in.js";
import { dayFromToday, findUser, tag, warmCatalog, type Group } from "./security-e2e-helpers.js";

warmCatalog();

test("the audit log filters by what, whom, who and when, and shows before and after", async ({ page }) => {
  await signInAs(page, "admin");
  const name = `Audited ${tag()}`;
  const group = await callApi<Group>(page, "POST", "/api/groups", { name });
  await callApi(page, "PUT", `/api/groups/${group.id}/rights`, { version: group.version, entries: [{ toolPath: "Attendance", rights: "R" }] });

  await page.goto("/security/audit");
  await page.getByRole("textbox", { name: "Affected group or user" }).fill(name);
  await page.getByRole("textbox", { name: "What (action)" }).fill("group.rights");
  await page.getByRole("textbox", { name: "Who (username)" }).fill("admin");
  await page.getByLabel("From", { exact: true }).fill(dayFromToday(0));
  await page.getByLabel("To (inclusive)").fill(dayFromToday(0));
  await page.getByRole("button", { name: "Apply filters" }).click();
  const rows = page.getByTestId("audit-row");
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText("admin");
  await expect(rows.first()).toContainText("group.rights-replaced");
  await rows.first().getByRole("button", { name: /Show before and after/ }).click();
  const diff = page.getByRole("table", { name: "Before and after" });
  await expect(diff).toContainText("entries[Attendance]");
  await expect(diff).toContainText("rights: R");
  await saveScreenshot(page, "security-audit");

  // Nobody else made the change, and nothing happened to it tomorrow.
  await page.getByRole("textbox", { name: "Who (username)" }).fill("groupadmin");
  await page.getByRole("button", { name: "Apply filters" }).click();
  await expect(page.getByText("No audit entries match")).toBeVisible();
  await page.getByRole("textbox", { name: "Who (username)" }).fill("admin");
  await page.getByLabel("From", { exact: true }).fill(dayFromToday(1));
  await page.getByLabel("To (inclusive)").fill(dayFromToday(1));
  await page.getByRole("button", { name: "Apply filters" }).click();
  await expect(page.getByText("No audit entries match")).toBeVisible();
});

test("a membership confirmed past the member limit is in the audit log with the confirmation", async ({ page }) => {
  await signInAs(page, "admin");
  const name = `Audited limit ${tag()}`;
  const group = await callApi<Group>(page, "POST", "/api/groups", { name, memberLimit: 1 });
  await callApi(page, "POST", `/api/groups/${group.id}/members`, { userId: (await findUser(page, "securityReviewed")).id });
  await callApi(page, "POST", `/api/groups/${group.id}/members`, { userId: (await findUser(page, "securityAuditor")).id, confirmOverLimit: true });

  await page.goto(`/security/audit?target=${encodeURIComponent(name)}&action=group.member-added`);
  const rows = page.getByTestId("audit-row");
  await expect(rows).toHaveCount(2);
  // newest first: the second member, added past the limit
  await rows.first().getByRole("button", { name: /Show before and after/ }).click();
  const diff = page.getByRole("table", { name: "Before and after" });
  await expect(diff.getByRole("row").filter({ hasText: "overLimitConfirmed" })).toContainText("true");
  await expect(diff.getByRole("row").filter({ hasText: "username" })).toContainText("e2e-auditor");
  await saveScreenshot(page, "security-audit-limit");
});
