import fs from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildDistrict, buildUser } from "../../../test/support/factories.js";
import { buildRightsGroup } from "../../../test/support/rights-factories.js";
import { createTestApp, type TestApp } from "../../../test/support/test-app.js";
import { staffAutomationMappings } from "../../platform/db/schema/oneroster.js";
import { createApiToken } from "../tokens/create-api-token.js";

/**
 * SCIM drives the staff account automation as the OneRoster import does: the enterprise
 * department names the school (calendar-only groups), the title the role (role groups); an ended
 * assignment disables the account; each run is in the history as "scim", done by the token.
 * The requests are the Entra and Okta fixtures' own (fixtures/*.json).
 */
type Step = { name: string; request: { method: "POST" | "PUT" | "PATCH"; url: string; body: Record<string, unknown> } };
const fixture = (file: string) => (JSON.parse(fs.readFileSync(new URL(`./fixtures/${file}`, import.meta.url), "utf8")) as { steps: Step[] }).steps;
const step = (file: string, name: string) => fixture(file).find((s) => s.name === name)!.request;
const ENTERPRISE = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";

let t: TestApp;
let token: string;
let serviceAccountId: string;
let districtId: string;
const groups: Record<string, string> = {};

beforeAll(async () => {
  t = await createTestApp();
  const district = await buildDistrict(t.database.db, { preferences: { automaticStaffAccounts: true } });
  districtId = district.id;
  const admin = await buildUser(t.database.db, { districtId, role: "student-information-system" });
  const created = await createApiToken(t.database.db, { districtId }, { serviceAccount: "idp-provisioning", scopes: ["scim"] }, { id: admin.id, name: admin.username }, new Date());
  token = created.token;
  serviceAccountId = created.summary.serviceAccountId;
  const calendarsOf = (school: string) => [{ school, year: "*", calendar: "*", modify: false }];
  groups.studentServices = await buildRightsGroup(t.database.db, districtId, { name: "Student Services calendars", calendars: calendarsOf("Student Services") });
  groups.counseling = await buildRightsGroup(t.database.db, districtId, { name: "Counseling calendars", calendars: calendarsOf("Counseling") });
  groups.ballard = await buildRightsGroup(t.database.db, districtId, { name: "Ballard calendars", calendars: calendarsOf("Ballard High") });
  groups.counselors = await buildRightsGroup(t.database.db, districtId, { name: "Counselors", rights: { "Student Information > General": "R" } });
  groups.leads = await buildRightsGroup(t.database.db, districtId, { name: "Counseling leads", rights: { "Student Information > General": "RW" } });
  groups.teachers = await buildRightsGroup(t.database.db, districtId, { name: "Teachers", rights: { "Student Information > General": "R" } });
  await t.database.db.insert(staffAutomationMappings).values([
    { districtId, kind: "school", key: "Student Services", groupId: groups.studentServices },
    { districtId, kind: "school", key: "counseling", groupId: groups.counseling },
    { districtId, kind: "school", key: "Ballard High", groupId: groups.ballard },
    { districtId, kind: "role", key: "counselor", groupId: groups.counselors },
    { districtId, kind: "role", key: "Lead Counselor", groupId: groups.leads },
    { districtId, kind: "role", key: "Teacher", groupId: groups.teachers },
  ]);
}, 120_000);
afterAll(async () => t?.close());

const send = async (request: { method: "POST" | "PUT" | "PATCH"; url: string; body: unknown }, vars: Record<string, string> = {}) => {
  const fill = (text: string) => text.replace(/\{\{(\w+)\}\}/g, (_m, k: string) => vars[k]!);
  const res = await t.app.inject({ method: request.method, url: `/scim/v2${fill(request.url)}`, headers: { authorization: `Bearer ${token}`, "content-type": "application/scim+json" }, payload: fill(JSON.stringify(request.body)) });
  expect(res.statusCode, res.body).toBeLessThan(300);
  return res.json() as { id: string };
};
const groupsOf = async (userId: string) =>
  (await t.database.query<{ name: string }>("select g.name from user_group_members m join user_groups g on g.id = m.group_id where m.user_id = $1 order by g.name", [userId])).map((r) => r.name);
const lastRun = async () =>
  (await t.database.query<{ source: string; actor_name: string; actions: { action: string; detail: string }[] }>("select source, actor_name, actions from staff_automation_runs where district_id = $1 order by ran_at desc, id desc limit 1", [districtId]))[0];
const runCount = async () => (await t.database.query<{ n: number }>("select count(*)::int as n from staff_automation_runs where district_id = $1", [districtId]))[0]!.n;

describe("SCIM and the staff account automation", () => {
  it("Entra: the created user's department and title place them; a new department and title add their groups", async () => {
    const ryan = (await send(step("entra-id.json", "create user"))).id; // department "Student Services", title "Counselor"
    expect(await groupsOf(ryan)).toEqual(["Counselors", "Student Services calendars"]);
    expect(await lastRun()).toMatchObject({ source: "scim", actor_name: "idp-provisioning", actions: [{ action: "group-added" }, { action: "group-added" }] });
    const [audit] = await t.database.query<{ actor_id: string; after: { automation: string } }>("select actor_id, after from audit_log where action = 'group.member-added' and after->>'userId' = $1 limit 1", [ryan]);
    expect(audit).toMatchObject({ actor_id: serviceAccountId, after: { automation: "scim" } });

    await send(step("entra-id.json", "update multi-valued and nested properties"), { ryan }); // department → "Counseling"
    expect(await groupsOf(ryan)).toContain("Counseling calendars");
    await send(step("entra-id.json", "update with no path and a value object (Entra's default, dotted and URN-prefixed keys)"), { ryan }); // title → "Lead Counselor"
    expect(await groupsOf(ryan)).toContain("Counseling leads");

    // a change the automation does not read runs nothing; disabling is SCIM's, and enabling again re-applies quietly
    const runs = await runCount();
    await send({ method: "PATCH", url: `/Users/${ryan}`, body: { schemas: ["urn:ietf:params:scim:api:messages:2.0:PatchOp"], Operations: [{ op: "Replace", path: "displayName", value: "R. Hill-Moreno" }] } });
    await send(step("entra-id.json", "disable user (soft delete): the string \"False\""), { ryan });
    await send(step("entra-id.json", "re-enable"), { ryan });
    expect(await runCount()).toBe(runs);

    // the department removed: the assignment has ended, and the automation disables the account
    await send({ method: "PATCH", url: `/Users/${ryan}`, body: { schemas: ["urn:ietf:params:scim:api:messages:2.0:PatchOp"], Operations: [{ op: "Remove", path: `${ENTERPRISE}:department` }] } });
    expect((await t.database.query<{ disabled: boolean }>("select disabled from users where id = $1", [ryan]))[0]!.disabled).toBe(true);
    expect(await lastRun()).toMatchObject({ source: "scim", actions: [{ action: "account-disabled", detail: "no school assignment is left" }] });
  });

  it("Okta: a create and a PUT with the enterprise extension place the user by school and title", async () => {
    const create = step("okta.json", "create user");
    const user = (await send({ ...create, body: { ...create.body, schemas: [...(create.body.schemas as string[]), ENTERPRISE], title: "Teacher", [ENTERPRISE]: { department: "Ballard High" } } })).id;
    expect(await groupsOf(user)).toEqual(["Ballard calendars", "Teachers"]);
    const put = step("okta.json", "update user with PUT");
    await send({ ...put, body: { ...put.body, title: "Counselor", [ENTERPRISE]: { department: "Counseling" } } }, { user });
    expect(await groupsOf(user)).toEqual(["Ballard calendars", "Counseling calendars", "Counselors", "Teachers"]);
  });

  it("skips a school group that gained tool rights (the seed's rule), and never runs while the preference is off", async () => {
    await t.database.query("insert into right_entries (district_id, group_id, tool_path, rights) values ($1, $2, 'Census', 'R')", [districtId, groups.ballard]);
    const create = step("okta.json", "a second user to push into the group");
    const second = (await send({ ...create, body: { ...create.body, title: "Teacher", [ENTERPRISE]: { department: "Ballard High" } } })).id;
    expect(await groupsOf(second)).toEqual(["Teachers"]);
    expect((await lastRun())!.actions).toContainEqual(expect.objectContaining({ action: "skipped", detail: expect.stringMatching(/"Ballard calendars" .* not calendar-only/) }));

    await t.database.query("update districts set preferences = '{\"automaticStaffAccounts\": false}' where id = $1", [districtId]);
    const runs = await runCount();
    const quiet = (await send({ method: "POST", url: "/Users", body: { schemas: ["urn:ietf:params:scim:schemas:core:2.0:User", ENTERPRISE], userName: "quiet.user", title: "Teacher", [ENTERPRISE]: { department: "Counseling" } } })).id;
    expect(await groupsOf(quiet)).toEqual([]);
    expect(await runCount()).toBe(runs);
  });
});
