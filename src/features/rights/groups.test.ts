import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditLog } from "../../platform/db/schema/audit.js";
import { buildRightsDistrict, type RightsDistrict } from "../../../test/support/rights-factories.js";
import { createTestApp, type TestApp } from "../../../test/support/test-app.js";

let t: TestApp;
let d: RightsDistrict;
beforeAll(async () => {
  t = await createTestApp();
  d = await buildRightsDistrict(t.app, t.database.db);
});
afterAll(() => t.close());

type Entry = { toolPath: string; rights: string; deny: boolean; from: string | null; until: string | null };

async function create(body: Record<string, unknown>) {
  const res = await d.admin.client.post("/api/groups", body);
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { id: string; version: number; entries: Entry[]; memberLimit: number | null; description: string; calendarGrants: unknown[] };
}

describe("user groups", () => {
  it("creates a group from a seed template, with the ** rows lasting until the end of master scheduling", async () => {
    const g = await create({ name: "Schedulers 26", template: "Schedulers", masterSchedulingEnds: "2026-08-15" });
    const wizard = g.entries.filter((e) => e.toolPath === "Scheduling > Schedule Wizard");
    expect(wizard).toEqual(
      expect.arrayContaining([
        { toolPath: "Scheduling > Schedule Wizard", rights: "RWAD", deny: false, from: null, until: "2026-08-15T00:00:00.000Z" },
        { toolPath: "Scheduling > Schedule Wizard", rights: "", deny: false, from: "2026-08-15T00:00:00.000Z", until: null },
      ]),
    );
    // the seed's blank row is kept as an explicit ""
    expect(g.entries).toContainEqual({ toolPath: "Scheduling > Courses > Sections > Roster Setup", rights: "", deny: false, from: null, until: null });
  });

  it("turns the seed's 'limited members' note into a member limit", async () => {
    const g = await create({ name: "Health Admins", template: "Health Administrators" });
    expect(g.memberLimit).toBe(5);
    expect(g.description).toMatch(/limited members/);
  });

  it("refuses an unknown template with a suggestion", async () => {
    const res = await d.admin.client.post("/api/groups", { name: "X", template: "Counselers" });
    expect(res.statusCode).toBe(422);
    expect(res.json()).toMatchObject({ code: "unknown-template", suggestion: "Counselors" });
  });

  it("copies another group and refuses a duplicate name", async () => {
    const source = await create({ name: "Counselors A", template: "Counselors" });
    const copy = await create({ name: "Counselors B", copyOf: source.id });
    expect(copy.entries).toEqual(source.entries);
    const dup = await d.admin.client.post("/api/groups", { name: "counselors b" });
    expect(dup.statusCode).toBe(409);
    expect(dup.json().code).toBe("group-name-taken");
  });

  it("lists groups with search and member counts", async () => {
    const res = await d.admin.client.get("/api/groups?search=security");
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ items: [expect.objectContaining({ name: "Security Staff", memberCount: 2, entryCount: 1 })], total: 1, nextCursor: null });
  });

  it("replaces tool rights; a second save from the same version gets 409 with the current entries and loses nothing", async () => {
    const g = await create({ name: "Clerks" });
    const first = await d.admin.client.put(`/api/groups/${g.id}/rights`, { version: g.version, entries: [{ toolPath: "Attendance", rights: "RWAD" }] });
    expect(first.statusCode, first.body).toBe(200);
    const second = await d.admin.client.put(`/api/groups/${g.id}/rights`, { version: g.version, entries: [{ toolPath: "Census", rights: "R" }] });
    expect(second.statusCode).toBe(409);
    const problem = second.json();
    expect(problem.code).toBe("version-conflict");
    expect(problem.current.entries).toEqual([{ toolPath: "Attendance", rights: "RWAD", deny: false, from: null, until: null }]);
    expect(problem.current.updatedBy).toBeTruthy();
    const now = (await d.admin.client.get(`/api/groups/${g.id}`)).json();
    expect(now.entries.map((e: Entry) => e.toolPath)).toEqual(["Attendance"]);
    const audits = await t.database.db.select().from(auditLog).where(and(eq(auditLog.targetId, g.id), eq(auditLog.action, "group.rights-replaced")));
    expect(audits).toHaveLength(1);
    expect(audits[0]!.before).toMatchObject({ entries: [] });
    expect(audits[0]!.after).toMatchObject({ entries: [{ toolPath: "Attendance", rights: "RWAD" }] });
  });

  it("closes rights upwards and refuses bad entries with where and why, saving nothing", async () => {
    const g = await create({ name: "Validation" });
    const ok = await d.admin.client.put(`/api/groups/${g.id}/rights`, { version: g.version, entries: [{ toolPath: "student information > general > summary", rights: "w" }] });
    expect(ok.json().entries).toEqual([{ toolPath: "Student Information > General > Summary", rights: "RW", deny: false, from: null, until: null }]);
    const bad = await d.admin.client.put(`/api/groups/${g.id}/rights`, {
      version: ok.json().version,
      entries: [
        { toolPath: "Scheduling > Schedule Wizzard", rights: "R" },
        { toolPath: "Campus Instruction > Grade Book", rights: "R" },
      ],
    });
    expect(bad.statusCode).toBe(422);
    const problem = bad.json();
    expect(problem.errors[0]).toMatchObject({ path: "entries[0].toolPath", message: expect.stringContaining('did you mean "Scheduling > Schedule Wizard"') });
    expect(problem.errors[1]).toMatchObject({ path: "entries[1].rights", message: expect.stringContaining("all or nothing") });
    const now = (await d.admin.client.get(`/api/groups/${g.id}`)).json();
    expect(now.entries).toHaveLength(1);
  });

  it("previews who gains and loses what without saving", async () => {
    const g = await create({ name: "Preview" });
    await d.admin.client.post(`/api/groups/${g.id}/members`, { userId: d.staff.id });
    const res = await d.admin.client.post(`/api/groups/${g.id}/rights/preview`, { entries: [{ toolPath: "Behavior", rights: "RW" }] });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().gains).toEqual([{ userId: d.staff.id, username: expect.any(String), changes: [{ toolPath: "Behavior", before: "", after: "RW" }] }]);
    expect(res.json().losses).toEqual([]);
    expect((await d.admin.client.get(`/api/groups/${g.id}`)).json().entries).toEqual([]);
  });

  it("shows what a deletion removes, then deletes with an audit record of everything", async () => {
    const g = await create({ name: "Doomed", template: "Surveys" });
    await d.admin.client.post(`/api/groups/${g.id}/members`, { userId: d.staff.id });
    const preview = await d.admin.client.get(`/api/groups/${g.id}/deletion-preview`);
    expect(preview.json()).toMatchObject({ entries: 1, members: [{ userId: d.staff.id }], loses: [{ userId: d.staff.id, tools: 1 }] });
    const current = (await d.admin.client.get(`/api/groups/${g.id}`)).json();
    const del = await d.admin.client.delete(`/api/groups/${g.id}?version=${current.version}`);
    expect(del.statusCode).toBe(204);
    expect((await d.admin.client.get(`/api/groups/${g.id}`)).statusCode).toBe(404);
    const [audit] = await t.database.db.select().from(auditLog).where(and(eq(auditLog.targetId, g.id), eq(auditLog.action, "group.deleted")));
    expect(audit!.before).toMatchObject({ name: "Doomed", members: [{ userId: d.staff.id }] });
  });

  it("renames with a version and replaces calendar rights", async () => {
    const g = await create({ name: "Old name" });
    const renamed = await d.admin.client.patch(`/api/groups/${g.id}`, { name: "New name", version: g.version });
    expect(renamed.json()).toMatchObject({ name: "New name", version: g.version + 1 });
    const stale = await d.admin.client.patch(`/api/groups/${g.id}`, { description: "x", version: g.version });
    expect(stale.statusCode).toBe(409);
    const cal = await d.admin.client.put(`/api/groups/${g.id}/calendar-rights`, {
      version: g.version + 1,
      calendarGrants: [{ school: "Ballard High", year: "2026-27", calendar: "*", modify: false }],
    });
    expect(cal.statusCode, cal.body).toBe(200);
    expect(cal.json().calendarGrants).toEqual([{ school: "Ballard High", year: "2026-27", calendar: "*", modify: false, from: null, until: null }]);
  });
});
