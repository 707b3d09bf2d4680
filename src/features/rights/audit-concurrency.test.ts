/**
 * Every rights change through the REST API: audited with who, when, before and after; guarded by
 * the version the caller read (a stale one answers 409 with the current state, nothing is lost);
 * two saves from the same version at once: one wins, the other gets 409.
 */
import { and, desc, eq } from "drizzle-orm";
import type { LightMyRequestResponse } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditLog } from "../../platform/db/schema/audit.js";
import { buildUser } from "../../../test/support/factories.js";
import { buildRightsDistrict, type RightsDistrict } from "../../../test/support/rights-factories.js";
import { createTestApp, type TestApp } from "../../../test/support/test-app.js";

let t: TestApp;
let d: RightsDistrict;
beforeAll(async () => {
  t = await createTestApp();
  d = await buildRightsDistrict(t.app, t.database.db);
});
afterAll(() => t.close());

type Variant = "a" | "b";
type Case = {
  name: string;
  action: string;
  /** a target for the change (fresh where it can be) and the version a client would have read */
  prepare(): Promise<{ id: string; version: number }>;
  send(id: string, version: number, v: Variant): Promise<LightMyRequestResponse>;
  /** the target's state as the API shows it, reduced to what the change sets */
  read(id: string): Promise<unknown>;
  /** the state after variant v */
  state(v: Variant): unknown;
  audit(v: Variant): { before: unknown; after: unknown };
};

const admin = () => d.admin.client;
let n = 0;
const newGroup = async () => {
  const g = (await admin().post("/api/groups", { name: `Concurrency ${++n}` })).json() as { id: string; version: number; name: string };
  return { id: g.id, version: g.version };
};
const newUser = async () => {
  const u = await buildUser(t.database.db, { districtId: d.districtId });
  return { id: u.id, version: ((await admin().get(`/api/users/${u.id}`)).json() as { version: number }).version };
};
const entries = (list: { toolPath: string; rights: string; deny: boolean }[]) => list.map((e) => `${e.toolPath} ${e.deny ? "deny" : e.rights}`);
const grants = (list: { school: string; modify: boolean }[]) => list.map((g) => `${g.school} ${g.modify ? "modify" : "read-only"}`);
const RIGHTS = { a: [{ toolPath: "Attendance", rights: "RWAD" }], b: [{ toolPath: "Census", deny: true }] };
const GRANTS = { a: [{ school: "Ballard High", year: "*", calendar: "*", modify: true }], b: [{ school: "North Middle", year: "*", calendar: "*", modify: false }] };
const ROLES = { a: "sis-group-assignment", b: "student-information-system" } as const;
const ENDS = { a: "2027-08-01T00:00:00.000Z", b: "2028-08-01T00:00:00.000Z" };

const cases: Case[] = [
  {
    name: "renaming a group",
    action: "group.updated",
    prepare: newGroup,
    send: (id, version, v) => admin().patch(`/api/groups/${id}`, { name: `Renamed ${id.slice(0, 8)} ${v}`, version }),
    read: async (id) => ((await admin().get(`/api/groups/${id}`)).json() as { name: string }).name.replace(/^Renamed \S+ /, ""),
    state: (v) => v,
    audit: (v) => ({ before: { name: expect.stringMatching(/^Concurrency/) }, after: { name: expect.stringMatching(new RegExp(` ${v}$`)) } }),
  },
  {
    name: "a group's tool rights (with a deny)",
    action: "group.rights-replaced",
    prepare: newGroup,
    send: (id, version, v) => admin().put(`/api/groups/${id}/rights`, { version, entries: RIGHTS[v] }),
    read: async (id) => entries((await admin().get(`/api/groups/${id}`)).json().entries),
    state: (v) => (v === "a" ? ["Attendance RWAD"] : ["Census deny"]),
    audit: (v) => ({ before: { entries: [] }, after: { entries: [expect.objectContaining(v === "a" ? { toolPath: "Attendance", rights: "RWAD" } : { toolPath: "Census", deny: true })] } }),
  },
  {
    name: "a group's calendar rights",
    action: "group.calendar-rights-replaced",
    prepare: newGroup,
    send: (id, version, v) => admin().put(`/api/groups/${id}/calendar-rights`, { version, calendarGrants: GRANTS[v] }),
    read: async (id) => grants((await admin().get(`/api/groups/${id}`)).json().calendarGrants),
    state: (v) => (v === "a" ? ["Ballard High modify"] : ["North Middle read-only"]),
    audit: (v) => ({ before: { calendarGrants: [] }, after: { calendarGrants: [expect.objectContaining({ school: GRANTS[v][0]!.school })] } }),
  },
  {
    name: "a user's Product Security Role",
    action: "user.role-changed",
    prepare: newUser,
    send: (id, version, v) => admin().put(`/api/users/${id}/role`, { role: ROLES[v], version }),
    read: async (id) => (await admin().get(`/api/users/${id}`)).json().productSecurityRole,
    state: (v) => ROLES[v],
    audit: (v) => ({ before: { productSecurityRole: "none" }, after: { productSecurityRole: ROLES[v] } }),
  },
  {
    name: "a user's individual rights",
    action: "user.rights-replaced",
    prepare: newUser,
    send: (id, version, v) => admin().put(`/api/users/${id}/rights`, { version, entries: RIGHTS[v] }),
    read: async (id) => entries((await admin().get(`/api/users/${id}`)).json().entries),
    state: (v) => (v === "a" ? ["Attendance RWAD"] : ["Census deny"]),
    audit: (v) => ({ before: { entries: [] }, after: { entries: [expect.objectContaining({ toolPath: RIGHTS[v][0]!.toolPath })] } }),
  },
  {
    name: "a user's own calendar rights",
    action: "user.calendar-rights-replaced",
    prepare: newUser,
    send: (id, version, v) => admin().put(`/api/users/${id}/calendar-rights`, { version, calendarGrants: GRANTS[v] }),
    read: async (id) => grants((await admin().get(`/api/users/${id}`)).json().calendarGrants),
    state: (v) => (v === "a" ? ["Ballard High modify"] : ["North Middle read-only"]),
    audit: (v) => ({ before: { calendarGrants: [] }, after: { calendarGrants: [expect.objectContaining({ school: GRANTS[v][0]!.school })] } }),
  },
  {
    name: "Account Security Preferences",
    action: "preferences.updated",
    prepare: async () => ({ id: d.districtId, version: (await admin().get("/api/preferences")).json().version }),
    send: (_id, version, v) => admin().put("/api/preferences", { masterSchedulingEnds: ENDS[v], version }),
    read: async () => (await admin().get("/api/preferences")).json().masterSchedulingEnds,
    state: (v) => ENDS[v],
    audit: (v) => ({ before: { automaticStaffAccounts: false, masterSchedulingEnds: null }, after: { masterSchedulingEnds: ENDS[v] } }),
  },
];

const auditsOf = (targetId: string, action: string) =>
  t.database.db.select().from(auditLog).where(and(eq(auditLog.targetId, targetId), eq(auditLog.action, action))).orderBy(desc(auditLog.id));

describe.each(cases)("$name", (c) => {
  it("is saved with the version read and audited with who, when, before and after", async () => {
    const { id, version } = await c.prepare();
    const res = await c.send(id, version, "a");
    expect(res.statusCode, res.body).toBe(200);
    expect(await c.read(id)).toEqual(c.state("a"));
    const [audit] = await auditsOf(id, c.action);
    expect(audit).toMatchObject({ districtId: d.districtId, actorId: d.admin.id, actorName: expect.any(String), at: expect.any(Date), ...c.audit("a") });
  });

  it("from a stale version answers 409 with the current state and loses nothing", async () => {
    const { id, version } = await c.prepare();
    expect((await c.send(id, version, "a")).statusCode).toBe(200);
    const audits = (await auditsOf(id, c.action)).length;
    const stale = await c.send(id, version, "b");
    expect(stale.statusCode).toBe(409);
    expect(stale.json()).toMatchObject({ code: "version-conflict", current: expect.objectContaining({ version: expect.any(Number) }) });
    expect(await c.read(id)).toEqual(c.state("a"));
    expect(await auditsOf(id, c.action)).toHaveLength(audits);
  });

  it("sent twice at once from the same version: one is saved, the other gets 409", async () => {
    const { id, version } = await c.prepare();
    const [a, b] = await Promise.all([c.send(id, version, "a"), c.send(id, version, "b")]);
    expect([a!.statusCode, b!.statusCode].sort()).toEqual([200, 409]);
    expect(await c.read(id)).toEqual(c.state(a!.statusCode === 200 ? "a" : "b"));
  });
});

describe("deleting a group", () => {
  it("from a stale version answers 409 and keeps the group; from the current one deletes it with an audit of everything", async () => {
    const g = await newGroup();
    await admin().put(`/api/groups/${g.id}/rights`, { version: g.version, entries: RIGHTS.a });
    const stale = await admin().delete(`/api/groups/${g.id}?version=${g.version}`);
    expect(stale.statusCode).toBe(409);
    expect(stale.json().current.entries).toEqual([expect.objectContaining({ toolPath: "Attendance", rights: "RWAD" })]);
    const current = (await admin().get(`/api/groups/${g.id}`)).json();
    expect(current.entries).toHaveLength(1);
    expect((await admin().delete(`/api/groups/${g.id}?version=${current.version}`)).statusCode).toBe(204);
    const [audit] = await auditsOf(g.id, "group.deleted");
    expect(audit).toMatchObject({ actorId: d.admin.id, before: { entries: [expect.objectContaining({ toolPath: "Attendance" })] }, after: null });
  });
});

describe("group membership", () => {
  it("is audited with before and after, and a change from a stale view answers 409 and keeps the newer one", async () => {
    const g = await newGroup();
    const user = await buildUser(t.database.db, { districtId: d.districtId });
    const url = `/api/groups/${g.id}/members`;
    expect((await admin().post(url, { userId: user.id, expected: null })).statusCode).toBe(200);
    const changed = await admin().post(url, { userId: user.id, until: "2030-01-01", expected: { from: null, until: null } });
    expect(changed.statusCode, changed.body).toBe(200);
    const [change] = await auditsOf(g.id, "group.member-changed");
    expect(change).toMatchObject({ actorId: d.admin.id, before: { userId: user.id, until: null }, after: { userId: user.id, until: "2030-01-01T00:00:00.000Z" } });

    // a second administrator still looking at the open-ended membership
    const stale = await admin().post(url, { userId: user.id, until: "2031-01-01", expected: { from: null, until: null } });
    expect(stale.statusCode).toBe(409);
    expect(stale.json()).toMatchObject({ code: "membership-conflict", current: { from: null, until: "2030-01-01T00:00:00.000Z" } });
    const again = await admin().post(url, { userId: user.id, expected: null });
    expect(again.json().code).toBe("membership-conflict");
    const members = (await admin().get(url)).json().items as { userId: string; until: string | null }[];
    expect(members).toEqual([expect.objectContaining({ userId: user.id, until: "2030-01-01T00:00:00.000Z" })]);
    expect(await auditsOf(g.id, "group.member-changed")).toHaveLength(1);

    // removing what a stale view showed is refused too; removing what is there works
    const staleRemove = await admin().delete(`${url}/${user.id}?expectedFrom=open&expectedUntil=open`);
    expect(staleRemove.statusCode).toBe(409);
    expect(staleRemove.json()).toMatchObject({ code: "membership-conflict", current: { until: "2030-01-01T00:00:00.000Z" } });
    expect((await admin().delete(`${url}/${user.id}?expectedFrom=open&expectedUntil=2030-01-01T00:00:00.000Z`)).statusCode).toBe(204);
    const [removed] = await auditsOf(g.id, "group.member-removed");
    expect(removed).toMatchObject({ actorId: d.admin.id, before: { userId: user.id, until: "2030-01-01T00:00:00.000Z" } });
  });
});
