import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { zipSync } from "fflate";
import { callApi } from "./support/api.js";
import { settle } from "./support/route-walk.js";
import { signInAs } from "./support/sign-in.js";
import { tag } from "./security-e2e-helpers.js";

type Job = { id: string; state: string; error?: string | null };
type Assignments = { version: number; assignments: { source: string; schoolId: string | null; schoolName: string; title: string }[] };

/** A OneRoster delta naming one aide of Adams Elementary, with this run's username and sourcedIds (the demo district is shared). */
function oneAideZip(t: string): Buffer {
  const text = (lines: string[]) => new TextEncoder().encode(`${lines.join("\n")}\n`);
  return Buffer.from(
    zipSync({
      "manifest.csv": text(["propertyName,value", "manifest.version,1.0", "oneroster.version,1.2", "file.orgs,delta", "file.users,delta", "file.roles,delta"]),
      "orgs.csv": text(["sourcedId,status,dateLastModified,name,type,identifier,parentSourcedId", "org-d1,active,,Example District,district,D1,", "org-s2,active,,Adams Elementary,school,102,org-d1"]),
      "users.csv": text([
        "sourcedId,status,dateLastModified,enabledUser,username,userIds,givenName,familyName,middleName,identifier,email,sms,phone,agentSourcedIds,grades,password,userMasterIdentifier,resourceSourcedIds,preferredGivenName,preferredMiddleName,preferredFamilyName,primaryOrgSourcedId,pronouns",
        `u-aide-${t},active,,true,aide${t},,Sam,Aide,,T9-${t},aide${t}@example.org,,,,,,,,,,,org-s2,`,
      ]),
      "roles.csv": text(["sourcedId,status,dateLastModified,userSourcedId,roleType,role,beginDate,endDate,orgSourcedId,userProfileSourcedId", `r-aide-${t},active,,u-aide-${t},primary,aide,2025-08-20,,org-s2,`]),
    }),
  );
}

/** Imports through the API, waiting out another spec's import of the demo district (one runs at a time). */
async function importOneRoster(page: Page, zip: Buffer) {
  const request = page.context().request;
  const { csrfToken } = (await (await request.get("/api/auth/me")).json()) as { csrfToken: string };
  let started: Job | undefined;
  await expect(async () => {
    const response = await request.post("/api/oneroster/imports", { data: { zipBase64: zip.toString("base64") }, headers: { "x-csrf-token": csrfToken } });
    expect(response.status(), await response.text()).toBe(202);
    started = (await response.json()) as Job;
  }).toPass({ timeout: 60_000 });
  await expect.poll(async () => (await callApi<Job>(page, "GET", `/api/oneroster/imports/${started!.id}`)).state, { timeout: 60_000 }).toBe("done");
}

async function auditClean(page: Page) {
  await settle(page);
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  const serious = results.violations.filter((v) => v.impact === "critical" || v.impact === "serious").map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(" | ")}`);
  expect(serious).toEqual([]);
}

test("a district administrator sees a staff member's school assignments by source, adds and removes their own, and is told plainly when someone else saved first; a membership administrator only views them", async ({ page, browser }) => {
  test.setTimeout(180_000);
  const t = tag();
  await signInAs(page, "admin", "/security/users");
  await importOneRoster(page, oneAideZip(t));
  const { items } = await callApi<{ items: { id: string; username: string }[] }>(page, "GET", `/api/users?search=aide${t}`);
  const aide = items.find((u) => u.username === `aide${t}`)!;
  expect(aide, "the OneRoster import made the account").toBeTruthy();

  await page.goto(`/security/users/${aide.id}`);
  await page.getByRole("tab", { name: "School assignments" }).click();
  const table = page.getByRole("table", { name: "School assignments" });
  const fromRoster = table.getByRole("row", { name: /Adams Elementary/ });
  await expect(fromRoster).toContainText("OneRoster");
  await expect(fromRoster).toContainText("Set by the OneRoster import: change it in the roster the SIS exports, then import again.");
  await expect(fromRoster.getByRole("button")).toHaveCount(0);
  await expect(page.getByText("View only")).toHaveCount(0);

  // add one here: it shows beside OneRoster's, marked as entered here
  const form = page.getByRole("region", { name: "Add a school assignment" });
  await form.getByRole("textbox", { name: "School" }).click();
  const choices = page.getByRole("option");
  const other = (await choices.allInnerTexts()).find((name) => name !== "Adams Elementary")!;
  await page.getByRole("option", { name: other, exact: true }).click();
  await form.getByRole("textbox", { name: "Title" }).fill("Counselor");
  await form.getByRole("button", { name: "Add assignment" }).click();
  await expect(page.getByText(`Sam Aide is now assigned to ${other}.`)).toBeVisible();
  const entered = table.getByRole("row", { name: new RegExp(`${other}.*Counselor`) });
  await expect(entered).toContainText("Entered here");
  await expect(entered.getByRole("button", { name: `Remove ${other} (Counselor)` })).toBeEnabled();
  await auditClean(page);

  // someone else changes the account meanwhile: the next change is refused in plain words, nothing is lost
  const now = await callApi<Assignments>(page, "GET", `/api/users/${aide.id}/school-assignments`);
  const web = now.assignments.filter((a) => a.source === "web").map((a) => ({ schoolId: a.schoolId!, title: a.title }));
  await callApi(page, "PUT", `/api/users/${aide.id}/school-assignments`, { version: now.version, assignments: [...web, { schoolId: web[0]!.schoolId, title: "Librarian" }] });
  await entered.getByRole("button", { name: `Remove ${other} (Counselor)` }).click();
  const conflict = page.getByRole("alert").filter({ hasText: "Changed by someone else meanwhile" });
  await expect(conflict).toContainText("Sam Aide's account was changed by someone else after you opened this page, so your change was not saved.");
  await expect(table.getByRole("row", { name: new RegExp(`${other}.*Librarian`) })).toBeVisible();
  await expect(entered).toBeVisible();
  await auditClean(page);
  // trying again works, on the state shown now
  await entered.getByRole("button", { name: `Remove ${other} (Counselor)` }).click();
  await expect(entered).toHaveCount(0);
  await expect(conflict).toHaveCount(0);
  await expect(table.getByRole("row", { name: new RegExp(`${other}.*Librarian`) })).toBeVisible();
  await expect(fromRoster).toBeVisible();

  // a membership administrator (R on Users, no Student Information System role) sees the same, and changes nothing
  const context = await browser.newContext();
  try {
    const viewer = await context.newPage();
    await signInAs(viewer, "groupadmin", `/security/users/${aide.id}?tab=schools`);
    const shown = viewer.getByRole("table", { name: "School assignments" });
    await expect(shown.getByRole("row", { name: /Adams Elementary/ })).toContainText("OneRoster");
    await expect(viewer.getByRole("alert", { name: "View only" })).toContainText("Your tool rights let you read this screen, not change it.");
    await expect(shown.getByRole("button", { name: `Remove ${other} (Librarian)` })).toBeDisabled();
    const readOnly = viewer.getByRole("region", { name: "Add a school assignment" });
    await expect(readOnly.getByRole("textbox", { name: "School" })).toBeDisabled();
    await expect(readOnly.getByRole("textbox", { name: "Title" })).toBeDisabled();
    await expect(readOnly.getByRole("button", { name: "Add assignment" })).toBeDisabled();
    await auditClean(viewer);
  } finally {
    await context.close();
  }
});
