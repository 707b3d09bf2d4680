import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildDistrict, buildUser } from "../../../test/support/factories.js";
import { buildRightsGroup } from "../../../test/support/rights-factories.js";
import { createTestApp, signIn, type TestApp } from "../../../test/support/test-app.js";
import { staffAutomationMappings } from "../../platform/db/schema/oneroster.js";
import { createApiToken } from "../tokens/create-api-token.js";
import { importOneRoster } from "./import-oneroster.js";
import { openSetPath } from "./read-source.js";

/**
 * The web app's school assignments (GET/PUT /api/users/:userId/school-assignments) feed the staff
 * account automation as OneRoster and SCIM do, and each source replaces only its own: a OneRoster
 * delta or a SCIM change ending theirs leaves the web app's, and the account stays enabled.
 */
const fixture = (name: string) => new URL(`../../../test/fixtures/oneroster/${name}`, import.meta.url).pathname;
const ENTERPRISE = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";

let t: TestApp;
let districtId: string;
let admin: Awaited<ReturnType<typeof signIn>>;
let clerk: Awaited<ReturnType<typeof signIn>>;
const school: Record<string, string> = {};

beforeAll(async () => {
  t = await createTestApp();
  const d = await buildDistrict(t.database.db, { preferences: { automaticStaffAccounts: true } });
  districtId = d.id;
  await buildUser(t.database.db, { districtId, username: "admin", role: "student-information-system" });
  await buildUser(t.database.db, { districtId, username: "clerk" });
  admin = await signIn(t.app, { district: d.slug, username: "admin" });
  clerk = await signIn(t.app, { district: d.slug, username: "clerk" });
  const imported = await importOneRoster(t.database.db, { districtId }, await openSetPath(fixture("valid")), { dryRun: false, by: null, now: new Date("2025-09-02T12:00:00Z") });
  expect(imported.ok).toBe(true);
  for (const r of await t.database.query<{ id: string; name: string }>("select id, name from sis_schools where district_id = $1", [districtId])) school[r.name] = r.id;
  const calendarsOf = (name: string) => [{ school: name, year: "*", calendar: "*", modify: false }];
  const ballard = await buildRightsGroup(t.database.db, districtId, { name: "Ballard calendars", calendars: calendarsOf("Ballard High") });
  const adams = await buildRightsGroup(t.database.db, districtId, { name: "Adams calendars", calendars: calendarsOf("Adams Elementary") });
  const librarians = await buildRightsGroup(t.database.db, districtId, { name: "Librarians", rights: { "Student Information > General": "R" } });
  await t.database.db.insert(staffAutomationMappings).values([
    { districtId, kind: "school", key: "Ballard High", groupId: ballard },
    { districtId, kind: "school", key: "Adams Elementary", groupId: adams },
    { districtId, kind: "role", key: "librarian", groupId: librarians },
  ]);
}, 120_000);
afterAll(async () => t?.close());

const idOf = async (username: string) => (await t.database.query<{ id: string }>("select id from users where district_id = $1 and username = $2", [districtId, username]))[0]!.id;
const disabled = async (id: string) => (await t.database.query<{ disabled: boolean }>("select disabled from users where id = $1", [id]))[0]!.disabled;
const groupsOf = async (id: string) => (await t.database.query<{ name: string }>("select g.name from user_group_members m join user_groups g on g.id = m.group_id where m.user_id = $1 order by g.name", [id])).map((r) => r.name);
const lastRun = async () => (await t.database.query<{ source: string; actor_name: string | null; actions: { action: string; detail: string }[] }>("select source, actor_name, actions from staff_automation_runs where district_id = $1 order by ran_at desc, id desc limit 1", [districtId]))[0];
const sources = (body: { assignments: { source: string; schoolName: string; title: string }[] }) => body.assignments.map((a) => `${a.source}:${a.schoolName}:${a.title}`).sort();

describe("school assignments set in the web app", () => {
  it("are read with every source's, saved at the account's version, and run the automation as source web", async () => {
    const mkim = await idOf("mkim");
    expect((await clerk.get(`/api/users/${mkim}/school-assignments`)).statusCode).toBe(404);
    const read = await admin.get(`/api/users/${mkim}/school-assignments`);
    expect(read.statusCode, read.body).toBe(200);
    const first = read.json();
    expect(sources(first)).toEqual(["oneroster:Adams Elementary:aide"]);
    expect(first.schools.map((s: { name: string }) => s.name)).toEqual(["Adams Elementary", "Ballard High"]);
    expect(first.automaticStaffAccounts).toBe(true);

    const clerkPut = await clerk.put(`/api/users/${mkim}/school-assignments`, { version: first.version, assignments: [] });
    expect(clerkPut.statusCode).toBe(404);
    const stale = await admin.put(`/api/users/${mkim}/school-assignments`, { version: first.version + 5, assignments: [{ schoolId: school["Ballard High"], title: "Librarian" }] });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().code).toBe("version-conflict");
    const unknown = await admin.put(`/api/users/${mkim}/school-assignments`, { version: first.version, assignments: [{ schoolId: "00000000-0000-4000-8000-000000000009", title: "Librarian" }] });
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json().path).toMatch(/assignments\.0\.schoolId$/);

    const saved = await admin.put(`/api/users/${mkim}/school-assignments`, { version: first.version, assignments: [{ schoolId: school["Ballard High"], title: "Librarian" }] });
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json().version).toBe(first.version + 1);
    expect(sources(saved.json())).toEqual(["oneroster:Adams Elementary:aide", "web:Ballard High:Librarian"]);
    expect(await groupsOf(mkim)).toEqual(expect.arrayContaining(["Ballard calendars", "Librarians"]));
    expect(await lastRun()).toMatchObject({ source: "web", actor_name: "admin" });
    const [audit] = await t.database.query<{ after: { assignments: unknown[] } }>("select after from audit_log where action = 'user.school-assignments-replaced' and target_id = $1", [mkim]);
    expect(audit!.after.assignments).toEqual([{ schoolName: "Ballard High", title: "Librarian" }]);

    // a OneRoster delta ends mkim's aide role: OneRoster's assignment goes, the web app's stays, the account stays enabled
    const delta = await importOneRoster(t.database.db, { districtId }, await openSetPath(fixture("delta")), { dryRun: false, by: null, now: new Date("2025-09-03T12:00:00Z") });
    expect(delta.ok).toBe(true);
    expect(await disabled(mkim)).toBe(false);
    const afterDelta = (await admin.get(`/api/users/${mkim}/school-assignments`)).json();
    expect(sources(afterDelta)).toEqual(["web:Ballard High:Librarian"]);

    // the web app's last assignment ended: no source assigns mkim anywhere, so the automation disables the account
    const ended = await admin.put(`/api/users/${mkim}/school-assignments`, { version: afterDelta.version, assignments: [] });
    expect(ended.statusCode, ended.body).toBe(200);
    expect(await disabled(mkim)).toBe(true);
    expect(await lastRun()).toMatchObject({ source: "web", actions: [{ action: "account-disabled", detail: "no school assignment is left" }] });
  });

  it("stay when SCIM ends its own assignment, and SCIM's stay when the web app changes its own", async () => {
    const admin0 = (await t.database.query<{ id: string; username: string }>("select id, username from users where district_id = $1 and username = 'admin'", [districtId]))[0]!;
    const { token } = await createApiToken(t.database.db, { districtId }, { serviceAccount: "idp", scopes: ["scim"] }, { id: admin0.id, name: admin0.username }, new Date());
    const scim = (method: "POST" | "PATCH", url: string, body: unknown) =>
      t.app.inject({ method, url: `/scim/v2${url}`, headers: { authorization: `Bearer ${token}`, "content-type": "application/scim+json" }, payload: JSON.stringify(body) });
    const created = await scim("POST", "/Users", { schemas: ["urn:ietf:params:scim:schemas:core:2.0:User", ENTERPRISE], userName: "pat.lee", title: "Teacher", [ENTERPRISE]: { department: "Ballard High" } });
    expect(created.statusCode, created.body).toBe(201);
    const pat = created.json().id as string;
    const read = (await admin.get(`/api/users/${pat}/school-assignments`)).json();
    expect(sources(read)).toEqual(["scim:Ballard High:Teacher"]);

    const saved = await admin.put(`/api/users/${pat}/school-assignments`, { version: read.version, assignments: [{ schoolId: school["Adams Elementary"], title: "" }] });
    expect(sources(saved.json())).toEqual(["scim:Ballard High:Teacher", "web:Adams Elementary:"]);
    expect(await groupsOf(pat)).toEqual(["Adams calendars", "Ballard calendars"]);

    const removed = await scim("PATCH", `/Users/${pat}`, { schemas: ["urn:ietf:params:scim:api:messages:2.0:PatchOp"], Operations: [{ op: "Remove", path: `${ENTERPRISE}:department` }] });
    expect(removed.statusCode, removed.body).toBe(200);
    expect(await disabled(pat)).toBe(false);
    expect(sources((await admin.get(`/api/users/${pat}/school-assignments`)).json())).toEqual(["web:Adams Elementary:"]);
  });

  it("never disables a Product Security Role holder when their last assignment ends", async () => {
    const boss = await buildUser(t.database.db, { districtId, username: "boss", role: "student-information-system" });
    const read = (await admin.get(`/api/users/${boss.id}/school-assignments`)).json();
    const saved = (await admin.put(`/api/users/${boss.id}/school-assignments`, { version: read.version, assignments: [{ schoolId: school["Ballard High"], title: "Principal" }] })).json();
    expect((await admin.put(`/api/users/${boss.id}/school-assignments`, { version: saved.version, assignments: [] })).statusCode).toBe(200);
    expect(await disabled(boss.id)).toBe(false);
    expect((await lastRun())!.actions).toEqual([expect.objectContaining({ action: "skipped", detail: expect.stringMatching(/Product Security Role/) })]);
  });
});
