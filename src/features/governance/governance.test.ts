import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditLog } from "../../platform/db/schema/audit.js";
import { users } from "../../platform/db/schema/users.js";
import { buildUser } from "../../../test/support/factories.js";
import { buildRightsDistrict, buildRightsGroup, type RightsDistrict } from "../../../test/support/rights-factories.js";
import { createTestApp, signIn, type TestApp } from "../../../test/support/test-app.js";

let t: TestApp;
let d: RightsDistrict;
beforeAll(async () => {
  t = await createTestApp();
  d = await buildRightsDistrict(t.app, t.database.db);
});
afterAll(() => t.close());

const HEALTH = "Student Information > Health";
const SUMMARY = "Student Information > General > Summary";
const ballard = { school: "Ballard High", year: "2025-26", calendar: "25-26 Ballard High" };

async function group(body: Record<string, unknown>) {
  const res = await d.admin.client.post("/api/groups", body);
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { id: string; version: number };
}
async function saveRights(id: string, version: number, entries: { toolPath: string; rights: string; deny?: boolean }[]) {
  const res = await d.admin.client.put(`/api/groups/${id}/rights`, { version, entries: entries.map((e) => ({ deny: false, ...e })) });
  expect(res.statusCode, res.body).toBe(200);
  return (res.json() as { version: number }).version;
}

describe("compare two groups", () => {
  it("lists every tool where they differ, calendar rights one lacks, and members in one only", async () => {
    const a = await group({ name: "Cmp Counselors", template: "Counselors" });
    const b = await group({ name: "Cmp Principals", template: "Principals" });
    const nurse = await buildUser(t.database.db, { districtId: d.districtId });
    await d.admin.client.post(`/api/groups/${a.id}/members`, { userId: nurse.id });
    await d.admin.client.put(`/api/groups/${b.id}/calendar-rights`, { version: b.version, calendarGrants: [{ ...ballard, modify: false }] });
    const res = await d.admin.client.get(`/api/compare/groups?a=${a.id}&b=${b.id}`);
    expect(res.statusCode, res.body).toBe(200);
    const c = res.json() as { tools: { path: string; a: { rights: string }; b: { rights: string } }[]; calendars: unknown[]; members: { onlyA: { userId: string }[]; onlyB: unknown[] } };
    expect(c.tools.length).toBeGreaterThan(0);
    for (const row of c.tools) expect(row.a).not.toEqual(row.b);
    expect(c.calendars).toEqual([{ ...ballard, a: null, b: { modify: false } }]);
    expect(c.members.onlyA.map((m) => m.userId)).toEqual([nurse.id]);
    expect(c.members.onlyB).toEqual([]);
  });

  it("shows a deny on one side as a difference even where the other gives nothing", async () => {
    const a = await group({ name: "Cmp Deny" });
    const b = await group({ name: "Cmp Empty" });
    await saveRights(a.id, a.version, [{ toolPath: HEALTH, rights: "", deny: true }]);
    const c = (await d.admin.client.get(`/api/compare/groups?a=${a.id}&b=${b.id}`)).json() as { tools: { path: string; a: { deny: boolean } }[] };
    expect(c.tools.find((x) => x.path === HEALTH)?.a.deny).toBe(true);
    expect(c.tools.every((x) => x.path.startsWith(HEALTH))).toBe(true);
  });

  it("exports the comparison as CSV with the groups' names as columns", async () => {
    const a = await group({ name: "Csv A" });
    const b = await group({ name: "Csv B" });
    await saveRights(b.id, b.version, [{ toolPath: SUMMARY, rights: "R" }]);
    const res = await d.admin.client.get(`/api/compare/groups.csv?a=${a.id}&b=${b.id}`);
    expect(res.statusCode).toBe(200);
    expect(res.headers["content-type"]).toMatch(/text\/csv/);
    expect(res.body.split("\r\n")[0]).toBe("Kind,What,Csv A,Csv B");
    expect(res.body).toContain(`tool,${SUMMARY},none,R`);
  });

  it("answers 404 naming the parameter for a group of another district", async () => {
    const a = await group({ name: "Mine" });
    const other = await buildRightsDistrict(t.app, t.database.db);
    const theirs = await buildRightsGroup(t.database.db, other.districtId, { name: "Theirs" });
    const res = await d.admin.client.get(`/api/compare/groups?a=${a.id}&b=${theirs}`);
    expect(res.statusCode).toBe(404);
    expect(res.json()).toMatchObject({ path: "querystring.b" });
  });
});

describe("compare two users", () => {
  it("gives each difference in a calendar with the group it comes from, and the calendar cap", async () => {
    const readers = await group({ name: "Summary Readers" });
    await saveRights(readers.id, readers.version, [{ toolPath: SUMMARY, rights: "RWAD" }]);
    const withModify = await buildUser(t.database.db, { districtId: d.districtId });
    const readOnly = await buildUser(t.database.db, { districtId: d.districtId });
    for (const u of [withModify, readOnly]) await d.admin.client.post(`/api/groups/${readers.id}/members`, { userId: u.id });
    await buildRightsGroup(t.database.db, d.districtId, { name: "Ballard modify", calendars: [{ ...ballard, modify: true }], members: [withModify.id] });
    await buildRightsGroup(t.database.db, d.districtId, { name: "Ballard read", calendars: [{ ...ballard, modify: false }], members: [readOnly.id] });
    const q = new URLSearchParams({ a: withModify.id, b: readOnly.id, ...ballard });
    const res = await d.admin.client.get(`/api/compare/users?${q}`);
    expect(res.statusCode, res.body).toBe(200);
    const c = res.json() as { tools: { path: string; a: { rights: string; source: string }; b: { rights: string; source: string } }[] };
    const row = c.tools.find((x) => x.path === SUMMARY)!;
    expect(row.a).toEqual({ rights: "RWAD", source: "Summary Readers" });
    expect(row.b.rights).toBe("R");
    expect(row.b.source).toMatch(/Summary Readers \(capped by calendar rights: read-only\)/);
    const csv = await d.admin.client.get(`/api/compare/users.csv?${q}`);
    expect(csv.body).toContain(`${SUMMARY},RWAD,Summary Readers,R,`);
  });
});

describe("rights history and restore", () => {
  it("keeps every saved version, shows the difference between two, and restores one as a new audited change", async () => {
    const g = await group({ name: "History" });
    let version = await saveRights(g.id, g.version, [{ toolPath: SUMMARY, rights: "R" }]);
    version = await saveRights(g.id, version, [{ toolPath: SUMMARY, rights: "RWAD" }, { toolPath: HEALTH, rights: "R" }]);
    const list = (await d.admin.client.get(`/api/groups/${g.id}/rights-history`)).json() as { number: number; reason: string; entryCount: number }[];
    expect(list.map((v) => [v.number, v.reason, v.entryCount])).toEqual([
      [3, "tool rights saved", 2],
      [2, "tool rights saved", 1],
      [1, "created", 0],
    ]);
    const diff = (await d.admin.client.get(`/api/groups/${g.id}/rights-history/diff?from=2&to=3`)).json() as { tools: { path: string; a: { rights: string }; b: { rights: string } }[] };
    expect(diff.tools.find((x) => x.path === SUMMARY)).toMatchObject({ a: { rights: "R" }, b: { rights: "RWAD" } });
    expect(diff.tools.find((x) => x.path === HEALTH)).toMatchObject({ a: { rights: "" }, b: { rights: "R" } });

    const stale = await d.admin.client.post(`/api/groups/${g.id}/rights-history/2/restore`, { version: version - 1 });
    expect(stale.statusCode).toBe(409);
    const restored = await d.admin.client.post(`/api/groups/${g.id}/rights-history/2/restore`, { version });
    expect(restored.statusCode, restored.body).toBe(200);
    expect(restored.json()).toMatchObject({ savedAs: 4 });
    const detail = (await d.admin.client.get(`/api/groups/${g.id}`)).json() as { entries: { toolPath: string; rights: string }[] };
    expect(detail.entries.map((e) => [e.toolPath, e.rights])).toEqual([[SUMMARY, "R"]]);
    const [row] = await t.database.db.select().from(auditLog).where(eq(auditLog.action, "group.rights-restored"));
    expect(row).toMatchObject({ targetId: g.id, actorId: d.admin.id });
  });

  it("keeps the calendar rights in each version and refuses a restore by someone without the role", async () => {
    const g = await group({ name: "History Calendars" });
    const put = await d.admin.client.put(`/api/groups/${g.id}/calendar-rights`, { version: g.version, calendarGrants: [{ ...ballard, modify: true }] });
    const { version } = put.json() as { version: number };
    const list = (await d.admin.client.get(`/api/groups/${g.id}/rights-history`)).json() as { number: number; calendarGrantCount: number }[];
    expect(list[0]).toMatchObject({ number: 2, calendarGrantCount: 1 });
    const refused = await d.groupAdmin.client.post(`/api/groups/${g.id}/rights-history/1/restore`, { version });
    expect(refused.statusCode).toBe(403);
    const missing = await d.admin.client.post(`/api/groups/${g.id}/rights-history/99/restore`, { version });
    expect(missing.statusCode).toBe(404);
  });
});

describe("dormant accounts", () => {
  it("lists enabled accounts idle past the chosen days, and disables them in bulk with sessions ended and audit rows", async () => {
    const old = new Date(Date.now() - 120 * 86_400_000);
    const idle = await buildUser(t.database.db, { districtId: d.districtId });
    const never = await buildUser(t.database.db, { districtId: d.districtId });
    const idleClient = await signIn(t.app, { district: d.slug, username: idle.username });
    await t.database.db.update(users).set({ lastLoginAt: old }).where(eq(users.id, idle.id));
    await t.database.db.update(users).set({ createdAt: old, lastLoginAt: null }).where(eq(users.id, never.id));
    const list = (await d.admin.client.get("/api/dormant-accounts?days=90")).json() as { accounts: { id: string; neverSignedIn: boolean; idleDays: number }[] };
    const ids = list.accounts.map((a) => a.id);
    expect(ids).toEqual(expect.arrayContaining([idle.id, never.id]));
    expect(ids).not.toContain(d.admin.id);
    expect(list.accounts.find((a) => a.id === never.id)?.neverSignedIn).toBe(true);
    expect(list.accounts.find((a) => a.id === idle.id)?.idleDays).toBeGreaterThanOrEqual(119);

    const self = await d.admin.client.post("/api/dormant-accounts/disable", { userIds: [idle.id, d.admin.id], reason: "term review" });
    expect(self.statusCode).toBe(422);
    const res = await d.admin.client.post("/api/dormant-accounts/disable", { userIds: [idle.id, never.id], reason: "no sign-in for 90 days" });
    expect(res.statusCode, res.body).toBe(200);
    expect((res.json() as { disabled: unknown[] }).disabled).toHaveLength(2);
    expect((await idleClient.get("/api/auth/me")).statusCode).toBe(401);
    const after = (await d.admin.client.get("/api/dormant-accounts?days=90")).json() as { accounts: { id: string }[] };
    expect(after.accounts.map((a) => a.id)).not.toContain(idle.id);
    const audits = await t.database.db.select().from(auditLog).where(eq(auditLog.action, "user.disabled"));
    expect(audits.map((a) => a.targetId)).toEqual(expect.arrayContaining([idle.id, never.id]));
  });

  it("refuses bulk disabling to someone without the Student Information System role", async () => {
    const u = await buildUser(t.database.db, { districtId: d.districtId });
    const res = await d.groupAdmin.client.post("/api/dormant-accounts/disable", { userIds: [u.id], reason: "x" });
    expect(res.statusCode).toBe(403);
  });
});

describe("automatic disabling of dormant accounts", () => {
  it("warns once when 14 days remain, disables only after that notice has run its course, and a sign-in starts over", async () => {
    const { disableDormantAccounts } = await import("./disable-dormant-accounts.js");
    const { outbox } = await import("../../platform/db/schema/outbox.js");
    const district = await buildRightsDistrict(t.app, t.database.db);
    const res = await district.admin.client.put("/api/dormant-accounts/policy", { disableAfterDays: 90 });
    expect(res.json()).toEqual({ disableAfterDays: 90, noticeDays: 14 });
    expect([400, 422]).toContain((await district.admin.client.put("/api/dormant-accounts/policy", { disableAfterDays: 5 })).statusCode);
    const now = Date.now();
    const at = (days: number) => new Date(now + days * 86_400_000);
    const sleeper = await buildUser(t.database.db, { districtId: district.districtId });
    const returner = await buildUser(t.database.db, { districtId: district.districtId });
    for (const u of [sleeper, returner]) await t.database.db.update(users).set({ lastLoginAt: at(-80) }).where(eq(users.id, u.id));
    // the district's other accounts signed in just now
    for (const id of [district.admin.id, district.groupAdmin.id, district.staff.id]) await t.database.db.update(users).set({ lastLoginAt: at(0) }).where(eq(users.id, id));

    expect(await disableDormantAccounts(t.database, at(0), "http://gh.test")).toMatchObject({ noticed: 2, disabled: 0 });
    expect(await disableDormantAccounts(t.database, at(1), "http://gh.test")).toMatchObject({ noticed: 0, disabled: 0 });
    const notices = await t.database.db.select().from(outbox).where(eq(outbox.kind, "dormant-notice"));
    expect(notices.find((n) => n.toAddress === sleeper.email)?.subject).toMatch(/will be disabled on \d{4}-\d{2}-\d{2} unless you sign in/);
    await t.database.db.update(users).set({ lastLoginAt: at(5) }).where(eq(users.id, returner.id));
    // day 10 after the notice: not yet; day 14: the sleeper is disabled, the one who came back is not
    expect((await disableDormantAccounts(t.database, at(10), "http://gh.test")).disabled).toBe(0);
    expect((await disableDormantAccounts(t.database, at(14), "http://gh.test")).disabled).toBe(1);
    const [s] = await t.database.db.select().from(users).where(eq(users.id, sleeper.id));
    const [r] = await t.database.db.select().from(users).where(eq(users.id, returner.id));
    expect([s!.disabled, r!.disabled]).toEqual([true, false]);
    const audit = await t.database.db.select().from(auditLog).where(eq(auditLog.targetId, sleeper.id));
    expect(audit.find((a) => a.action === "user.disabled")).toMatchObject({ actorId: null });
  });
});
