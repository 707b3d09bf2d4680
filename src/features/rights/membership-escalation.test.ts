import { and, eq } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import { auditLog } from "../../platform/db/schema/audit.js";
import { buildUser } from "../../../test/support/factories.js";
import { buildRightsGroup, useRightsDistrict, type RightsDistrict } from "../../../test/support/rights-factories.js";
import type { TestApp } from "../../../test/support/test-app.js";

// DESIGN.md "No escalation": a membership-only administrator (SIS Group Assignment) holds RWAD on
// System Administration > User Security through "Security Staff", and nothing else.
const ctx = useRightsDistrict();
let t: TestApp;
let d: RightsDistrict;
beforeEach(() => ({ t, d } = ctx));

const ALL_CALENDARS = { school: "*", year: "*", calendar: "*", modify: true };
const healthGroup = () => buildRightsGroup(t.database.db, d.districtId, { rights: { "Student Information > Health": "RWAD" } });
const withinGroup = () => buildRightsGroup(t.database.db, d.districtId, { rights: { "System Administration > User Security > Users": "R" } });
const members = async (groupId: string) => ((await d.admin.client.get(`/api/groups/${groupId}/members`)).json().items as { userId: string }[]).map((m) => m.userId);
const auditsOf = (groupId: string) => t.database.db.select().from(auditLog).where(and(eq(auditLog.targetId, groupId)));

describe("a membership-only administrator", () => {
  it("adds someone to a group whose rights are all within its own", async () => {
    const g = await withinGroup();
    const other = await buildUser(t.database.db, { districtId: d.districtId });
    const res = await d.groupAdmin.client.post(`/api/groups/${g}/members`, { userId: other.id });
    expect(res.statusCode, res.body).toBe(200);
    expect(await members(g)).toEqual([other.id]);
  });

  it("is refused adding anyone to a group with a tool right it does not hold, and told which", async () => {
    const g = await healthGroup();
    const res = await d.groupAdmin.client.post(`/api/groups/${g}/members`, { userId: d.staff.id });
    expect(res.statusCode, res.body).toBe(403);
    expect(res.json()).toMatchObject({ code: "rights-escalation", exceeds: ['RWAD on "Student Information > Health", where you hold no rights'] });
    expect(res.json().detail).toMatch(/gives RWAD on "Student Information > Health", where you hold no rights\. You may change the members of a group only when every right and calendar right of that group is within your own/);
    expect(await members(g)).toEqual([]);
    expect(await auditsOf(g)).toEqual([]);
  });

  it("is refused a group whose calendar rights its own do not cover", async () => {
    const g = await buildRightsGroup(t.database.db, d.districtId, { calendars: [ALL_CALENDARS] });
    const res = await d.groupAdmin.client.post(`/api/groups/${g}/members`, { userId: d.staff.id });
    expect(res.statusCode).toBe(403);
    expect(res.json().detail).toMatch(/calendar rights to all schools \/ all years \/ all calendars with modify, which your calendar rights do not cover/);
  });

  it("never changes its own memberships, not even in a group within its rights", async () => {
    const g = await withinGroup();
    const added = await d.groupAdmin.client.post(`/api/groups/${g}/members`, { userId: d.groupAdmin.id });
    expect(added.statusCode).toBe(403);
    expect(added.json()).toMatchObject({ code: "product-security-role-required", requiredRole: "student-information-system", reason: "own-membership" });
    expect(added.json().detail).toMatch(/Only a holder of the Student Information System role may change their own group memberships/);
    const nurses = await healthGroup();
    expect((await d.groupAdmin.client.post(`/api/groups/${nurses}/members`, { userId: d.groupAdmin.id })).statusCode).toBe(403);
    const own = (await d.admin.client.get(`/api/users/${d.groupAdmin.id}`)).json().groups as { groupId: string; name: string }[];
    const securityStaff = own.find((x) => x.name === "Security Staff")!.groupId;
    const left = await d.groupAdmin.client.delete(`/api/groups/${securityStaff}/members/${d.groupAdmin.id}`);
    expect(left.statusCode).toBe(403);
    expect(left.json().reason).toBe("own-membership");
    expect((await d.groupAdmin.client.get("/api/me/tools")).json().tools["Student Information > Health"]).toBe("");
  });

  it("cannot change its own rights or role either", async () => {
    const me = (await d.admin.client.get(`/api/users/${d.groupAdmin.id}`)).json();
    const role = await d.groupAdmin.client.put(`/api/users/${d.groupAdmin.id}/role`, { role: "student-information-system", version: me.version });
    expect(role.json()).toMatchObject({ code: "product-security-role-required", requiredRole: "student-information-system" });
    const rights = await d.groupAdmin.client.put(`/api/users/${d.groupAdmin.id}/rights`, { version: me.version, entries: [{ toolPath: "Student Information", rights: "RWAD" }] });
    expect(rights.statusCode).toBe(403);
    const cal = await d.groupAdmin.client.put(`/api/users/${d.groupAdmin.id}/calendar-rights`, { version: me.version, calendarGrants: [ALL_CALENDARS] });
    expect(cal.statusCode).toBe(403);
  });

  it("keeps a membership after the group gains rights, but its next change to that group's members is refused", async () => {
    const g = await withinGroup();
    const other = await buildUser(t.database.db, { districtId: d.districtId });
    expect((await d.groupAdmin.client.post(`/api/groups/${g}/members`, { userId: other.id })).statusCode).toBe(200);
    const group = (await d.admin.client.get(`/api/groups/${g}`)).json();
    const widened = await d.admin.client.put(`/api/groups/${g}/rights`, { version: group.version, entries: [{ toolPath: "System Administration > User Security > Users", rights: "R" }, { toolPath: "Student Information > Health", rights: "R" }] });
    expect(widened.statusCode, widened.body).toBe(200);
    expect(await members(g)).toEqual([other.id]);
    const dates = await d.groupAdmin.client.post(`/api/groups/${g}/members`, { userId: other.id, until: "2031-01-01" });
    expect(dates.statusCode).toBe(403);
    expect(dates.json().exceeds).toEqual(['R on "Student Information > Health", where you hold no rights']);
    const third = await buildUser(t.database.db, { districtId: d.districtId });
    expect((await d.groupAdmin.client.post(`/api/groups/${g}/members`, { userId: third.id })).statusCode).toBe(403);
    expect((await d.groupAdmin.client.delete(`/api/groups/${g}/members/${other.id}`)).statusCode).toBe(403);
    expect(await members(g)).toEqual([other.id]);
    // the Student Information System role holder is not limited by the rule
    expect((await d.admin.client.delete(`/api/groups/${g}/members/${other.id}`)).statusCode).toBe(204);
  });
});

describe("a Student Information System role holder", () => {
  it("adds anyone, itself included, to any group", async () => {
    const g = await buildRightsGroup(t.database.db, d.districtId, { rights: { "Student Information": "RWAD" }, calendars: [ALL_CALENDARS] });
    expect((await d.admin.client.post(`/api/groups/${g}/members`, { userId: d.admin.id })).statusCode).toBe(200);
    expect((await d.admin.client.post(`/api/groups/${g}/members`, { userId: d.staff.id })).statusCode).toBe(200);
    expect((await d.admin.client.delete(`/api/groups/${g}/members/${d.admin.id}`)).statusCode).toBe(204);
  });
});
