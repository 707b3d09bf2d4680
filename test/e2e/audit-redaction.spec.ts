import { expect, test } from "@playwright/test";
import { callApi } from "./support/api.js";
import { saveScreenshot } from "./support/screenshots.js";
import { signInAs } from "./support/sign-in.js";
import { findUser, tag, US, warmCatalog, type Group } from "./security-e2e-helpers.js";

warmCatalog();

test("an auditor without the SSN right sees 'withheld' in the audit log's before and after, the administrator the value", async ({ page, browser }) => {
  await signInAs(page, "admin");
  const name = `SSN follow-up ${tag()}`;
  await callApi(page, "POST", "/api/adhoc/filters", {
    name,
    definition: { fields: ["student.localId"], conditions: [{ field: "demographics.ssn", op: "eq", value: "987-65-4329" }], sort: [] },
  });
  const readers = await callApi<Group>(page, "POST", "/api/groups", { name: `Audit readers ${tag()}` });
  await callApi(page, "PUT", `/api/groups/${readers.id}/rights`, { version: readers.version, entries: [{ toolPath: `${US} > Audit Log`, rights: "R" }] });
  await callApi(page, "POST", `/api/groups/${readers.id}/members`, { userId: (await findUser(page, "securityAuditor")).id });

  const filterRow = async (p: typeof page) => {
    await p.goto(`/security/audit?action=adhoc.filter-created&target=${encodeURIComponent(name)}`);
    const row = p.getByTestId("audit-row");
    await expect(row).toHaveCount(1);
    await row.getByRole("button", { name: /Show before and after/ }).click();
    return p.getByRole("table", { name: "Before and after" });
  };

  const auditor = await (await browser.newContext()).newPage();
  await signInAs(auditor, "securityAuditor");
  const withheld = await filterRow(auditor);
  await expect(withheld).toContainText("withheld");
  await expect(withheld).not.toContainText("4329");
  await saveScreenshot(auditor, "security-audit-withheld");
  await auditor.context().close();

  await expect(await filterRow(page)).toContainText("987-65-4329");
});
