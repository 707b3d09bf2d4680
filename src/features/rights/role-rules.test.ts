import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditLog } from "../../platform/db/schema/audit.js";
import { buildUser } from "../../../test/support/factories.js";
import { buildRightsDistrict, buildRightsGroup, type RightsDistrict } from "../../../test/support/rights-factories.js";
import { createTestApp, type TestApp } from "../../../test/support/test-app.js";

let t: TestApp;
let d: RightsDistrict;
beforeAll(async () => {
  t = await createTestApp();
  d = await buildRightsDistrict(t.app, t.database.db);
});
afterAll(() => t.close());

const group = async (name: string, extra: Record<string, unknown> = {}) => {
  const res = await d.admin.client.post("/api/groups", { name, ...extra });
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { id: string; version: number };
};

describe("Product Security Role rule", () => {
  it("refuses tool and calendar rights changes to staff without a role, even with the tool right", async () => {
    const g = await group("PSR target");
    const rights = await d.staff.client.put(`/api/groups/${g.id}/rights`, { version: g.version, entries: [{ toolPath: "Attendance", rights: "R" }] });
    expect(rights.statusCode).toBe(403);
    expect(rights.json()).toMatchObject({ code: "product-security-role-required", requiredRole: "student-information-system" });
    expect(rights.json().detail).toMatch(/Student Information System product security role/);
    const cal = await d.staff.client.put(`/api/groups/${g.id}/calendar-rights`, { version: g.version, calendarGrants: [] });
    expect(cal.json().code).toBe("product-security-role-required");
    const member = await d.staff.client.post(`/api/groups/${g.id}/members`, { userId: d.staff.id });
    expect(member.statusCode).toBe(403);
    expect(member.json().detail).toMatch(/SIS Group Assignment/);
    // reading is fine with the tool right alone
    expect((await d.staff.client.get(`/api/groups/${g.id}`)).statusCode).toBe(200);
  });

  it("lets SIS Group Assignment change membership and nothing else", async () => {
    const g = await group("Assignable");
    const add = await d.groupAdmin.client.post(`/api/groups/${g.id}/members`, { userId: d.staff.id, until: "2030-01-01" });
    expect(add.statusCode, add.body).toBe(200);
    expect(add.json().members).toEqual([expect.objectContaining({ userId: d.staff.id, until: "2030-01-01T00:00:00.000Z", active: true })]);
    expect((await d.groupAdmin.client.delete(`/api/groups/${g.id}/members/${d.staff.id}`)).statusCode).toBe(204);
    const rights = await d.groupAdmin.client.put(`/api/groups/${g.id}/rights`, { version: g.version, entries: [] });
    expect(rights.statusCode).toBe(403);
    expect(rights.json().detail).toMatch(/membership only/);
    const role = await d.groupAdmin.client.put(`/api/users/${d.staff.id}/role`, { role: "student-information-system", version: 1 });
    expect(role.json().code).toBe("product-security-role-required");
  });

  it("refuses without the tool right at all as not found", async () => {
    const outsider = await buildUser(t.database.db, { districtId: d.districtId });
    const { signIn } = await import("../../../test/support/test-app.js");
    const c = await signIn(t.app, { district: d.slug, username: outsider.username });
    expect((await c.get("/api/groups")).statusCode).toBe(404);
    expect((await c.get("/api/me/tools")).json().tools["System Administration > User Security > User Groups"]).toBe("");
  });
});

describe("member limit", () => {
  it("needs a confirmation past the limit, and the confirmation is audited", async () => {
    const g = await group("Limited", { memberLimit: 1 });
    const extra = await buildUser(t.database.db, { districtId: d.districtId });
    expect((await d.groupAdmin.client.post(`/api/groups/${g.id}/members`, { userId: d.staff.id })).statusCode).toBe(200);
    const refused = await d.groupAdmin.client.post(`/api/groups/${g.id}/members`, { userId: extra.id });
    expect(refused.statusCode).toBe(409);
    expect(refused.json()).toMatchObject({ code: "member-limit-reached", memberLimit: 1, members: 1 });
    const confirmed = await d.groupAdmin.client.post(`/api/groups/${g.id}/members`, { userId: extra.id, confirmOverLimit: true });
    expect(confirmed.json()).toMatchObject({ overLimit: true });
    const audits = await t.database.db.select().from(auditLog).where(and(eq(auditLog.targetId, g.id), eq(auditLog.action, "group.member-added")));
    expect(audits.map((a) => a.after)).toContainEqual(expect.objectContaining({ userId: extra.id, overLimitConfirmed: true, memberLimit: 1 }));
  });
});

describe("automatic creation of staff accounts", () => {
  it("refuses tool rights on a calendar-only group while the preference is on, and says what to do", async () => {
    const prefs = (await d.admin.client.get("/api/preferences")).json();
    const on = await d.admin.client.put("/api/preferences", { automaticStaffAccounts: true, version: prefs.version });
    expect(on.statusCode, on.body).toBe(200);
    const g = await group("Ballard calendar");
    const cal = await d.admin.client.put(`/api/groups/${g.id}/calendar-rights`, { version: g.version, calendarGrants: [{ school: "Ballard High", year: "*", calendar: "*", modify: true }] });
    const refused = await d.admin.client.put(`/api/groups/${g.id}/rights`, { version: cal.json().version, entries: [{ toolPath: "Attendance", rights: "R" }] });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().code).toBe("calendar-only-group");
    expect(refused.json().detail).toMatch(/separate group.*turn off Automatic Creation of Staff Accounts/);
    const off = await d.admin.client.put("/api/preferences", { automaticStaffAccounts: false, version: on.json().version });
    expect(off.statusCode).toBe(200);
    const allowed = await d.admin.client.put(`/api/groups/${g.id}/rights`, { version: cal.json().version, entries: [{ toolPath: "Attendance", rights: "R" }] });
    expect(allowed.statusCode).toBe(200);
  });
});

describe("users", () => {
  it("sets individual rights with the seed's warning, shows effective rights and explains them", async () => {
    const user = (await d.admin.client.get(`/api/users/${d.staff.id}`)).json();
    expect(user.groups).toEqual(expect.arrayContaining([expect.objectContaining({ name: "Security Staff", active: true })]));
    const saved = await d.admin.client.put(`/api/users/${d.staff.id}/rights`, { version: user.version, entries: [{ toolPath: "Health", rights: "R" }, { toolPath: "Census", deny: true }] });
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json().warning).toMatch(/discouraged/);
    const eff = (await d.admin.client.get(`/api/users/${d.staff.id}/effective-rights`)).json();
    const byPath = Object.fromEntries(eff.tools.map((x: { path: string; rights: string }) => [x.path, x.rights]));
    expect(byPath["Health"]).toBe("R");
    expect(byPath["System Administration > User Security > Users"]).toBe("RWAD");
    expect(byPath["Attendance"]).toBe("");
    const why = (await d.admin.client.get(`/api/users/${d.staff.id}/explain?tool=${encodeURIComponent("System Administration > User Security > Users")}`)).json();
    expect(why).toMatchObject({ rights: "RWAD", grantees: expect.arrayContaining([expect.objectContaining({ kind: "group", name: "Security Staff", entryPath: "System Administration > User Security" })]) });
    const calendar = (await d.admin.client.get(`/api/users/${d.staff.id}/effective-rights?school=Ballard%20High&year=2026-27&calendar=Main`)).json();
    expect(calendar.tools.find((x: { path: string }) => x.path === "Health").rights).toBe("");
    const unknown = await d.admin.client.get(`/api/users/${d.staff.id}/explain?tool=Helth`);
    expect(unknown.json()).toMatchObject({ code: "unknown-tool", suggestion: "Health" });
  });

  it("finds who has access, with the grant that gives it", async () => {
    await buildRightsGroup(t.database.db, d.districtId, { name: "Nurses", rights: { "Student Information > Health": "RW" }, members: [d.groupAdmin.id] });
    const res = await d.admin.client.get(`/api/who-has-access?tool=${encodeURIComponent("Student Information > Health > Conditions")}&right=W`);
    expect(res.statusCode, res.body).toBe(200);
    const holders = res.json().holders as { username: string; userId: string; via: { name: string }[] }[];
    expect(holders.find((h) => h.userId === d.groupAdmin.id)?.via).toEqual([expect.objectContaining({ kind: "group", name: "Nurses", entryPath: "Student Information > Health" })]);
    expect(holders.find((h) => h.userId === d.admin.id)?.via).toEqual([expect.objectContaining({ kind: "role" })]);
  });

  it("changes a role with a version; the new role applies on the next request", async () => {
    const user = (await d.admin.client.get(`/api/users/${d.staff.id}`)).json();
    const res = await d.admin.client.put(`/api/users/${d.staff.id}/role`, { role: "sis-group-assignment", version: user.version });
    expect(res.json()).toMatchObject({ productSecurityRole: "sis-group-assignment" });
    const stale = await d.admin.client.put(`/api/users/${d.staff.id}/role`, { role: "none", version: user.version });
    expect(stale.json().code).toBe("version-conflict");
  });
});
