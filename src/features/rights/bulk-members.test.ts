import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditLog } from "../../platform/db/schema/audit.js";
import { buildUser } from "../../../test/support/factories.js";
import { buildRightsDistrict, buildRightsGroup, type RightsDistrict } from "../../../test/support/rights-factories.js";
import { createTestApp, type TestApp } from "../../../test/support/test-app.js";

let t: TestApp;
let d: RightsDistrict;
const people: { id: string; username: string }[] = [];
beforeAll(async () => {
  t = await createTestApp();
  d = await buildRightsDistrict(t.app, t.database.db);
  for (let i = 0; i < 4; i++) people.push(await buildUser(t.database.db, { districtId: d.districtId, username: `bulk${i}` }));
});
afterAll(() => t.close());

const memberIds = async (groupId: string) => ((await d.admin.client.get(`/api/groups/${groupId}/members`)).json().items as { userId: string }[]).map((m) => m.userId).sort();

describe("bulk membership changes", () => {
  it("adds and removes several people at once, one audit row each", async () => {
    const g = await buildRightsGroup(t.database.db, d.districtId, { name: "Bulk target" });
    const add = await d.admin.client.post(`/api/groups/${g}/members/bulk-add`, { userIds: people.map((p) => p.id) });
    expect(add.statusCode, add.body).toBe(200);
    expect(add.json()).toMatchObject({ added: 4, alreadyMembers: 0 });
    expect(await memberIds(g)).toEqual(people.map((p) => p.id).sort());
    const again = await d.admin.client.post(`/api/groups/${g}/members/bulk-add`, { userIds: [people[0]!.id] });
    expect(again.json()).toMatchObject({ added: 0, alreadyMembers: 1 });
    const rows = await t.database.db.select().from(auditLog).where(and(eq(auditLog.action, "group.member-added"), eq(auditLog.targetId, g)));
    expect(rows).toHaveLength(4);
    const removed = await d.admin.client.post(`/api/groups/${g}/members/bulk-remove`, { userIds: [people[0]!.id, people[1]!.id] });
    expect(removed.json()).toEqual({ removed: 2 });
    expect(await memberIds(g)).toEqual([people[2]!.id, people[3]!.id].sort());
  });

  it("adds nobody when one addition is refused (the member limit)", async () => {
    const g = await buildRightsGroup(t.database.db, d.districtId, { name: "Bulk limited", memberLimit: 2 });
    const res = await d.admin.client.post(`/api/groups/${g}/members/bulk-add`, { userIds: people.slice(0, 3).map((p) => p.id) });
    expect(res.statusCode).toBe(409);
    expect(res.json()).toMatchObject({ code: "member-limit-reached" });
    expect(await memberIds(g)).toEqual([]);
    const confirmed = await d.admin.client.post(`/api/groups/${g}/members/bulk-add`, { userIds: people.slice(0, 3).map((p) => p.id), confirmOverLimit: true });
    expect(confirmed.json()).toMatchObject({ added: 3, overLimit: true });
  });

  it("refuses removing someone who is not a member, removing nobody", async () => {
    const g = await buildRightsGroup(t.database.db, d.districtId, { name: "Bulk partial", members: [people[0]!.id] });
    const res = await d.admin.client.post(`/api/groups/${g}/members/bulk-remove`, { userIds: [people[0]!.id, people[1]!.id] });
    expect(res.statusCode).toBe(404);
    expect(await memberIds(g)).toEqual([people[0]!.id]);
  });
});

describe("CSV import of memberships", () => {
  it("checks the whole file first and reports every problem by row, writing nothing", async () => {
    const g = await buildRightsGroup(t.database.db, d.districtId, { name: "Import A" });
    const csv = ["username,group", "bulk0,Import A", "nobody,Import A", "bulk1,No Such Group", "bulk2", "bulk0,import a", ""].join("\n");
    const res = await d.admin.client.post("/api/memberships/import", { csv });
    expect(res.statusCode).toBe(422);
    const body = res.json() as { code: string; errors: { path: string; message: string }[] };
    expect(body.code).toBe("import-invalid");
    expect(body.errors.map((e) => e.path)).toEqual(["row 3", "row 4", "row 5", "row 6"]);
    expect(body.errors[0]!.message).toMatch(/no user "nobody"/);
    expect(body.errors[1]!.message).toMatch(/no group "No Such Group"/);
    expect(body.errors[3]!.message).toMatch(/repeats bulk0/);
    expect(await memberIds(g)).toEqual([]);
  });

  it("imports a valid file in one transaction, audited, leaving existing memberships alone", async () => {
    const a = await buildRightsGroup(t.database.db, d.districtId, { name: "Import B", members: [people[0]!.id] });
    const b = await buildRightsGroup(t.database.db, d.districtId, { name: "Import C" });
    const res = await d.admin.client.post("/api/memberships/import", { csv: "bulk0,Import B\nbulk1,Import B\n\"bulk2\",Import C\n" });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({ rows: 3, added: 2, unchanged: 1 });
    expect(await memberIds(a)).toEqual([people[0]!.id, people[1]!.id].sort());
    expect(await memberIds(b)).toEqual([people[2]!.id]);
    const [audit] = await t.database.db.select().from(auditLog).where(eq(auditLog.action, "memberships.imported"));
    expect(audit!.after).toMatchObject({ rows: 3, added: 2, unchanged: 1 });
  });

  it("names the row a later refusal came from and imports nothing", async () => {
    await buildRightsGroup(t.database.db, d.districtId, { name: "Import limited", memberLimit: 1 });
    const open = await buildRightsGroup(t.database.db, d.districtId, { name: "Import open" });
    const res = await d.admin.client.post("/api/memberships/import", { csv: "bulk3,Import open\nbulk0,Import limited\nbulk1,Import limited\n" });
    expect(res.statusCode).toBe(409);
    expect(res.json().errors).toEqual([expect.objectContaining({ path: "row 3" })]);
    expect(await memberIds(open)).toEqual([]);
  });

  it("leaves the import to membership administrators", async () => {
    expect([403, 404]).toContain((await d.staff.client.post("/api/memberships/import", { csv: "bulk0,Import B" })).statusCode);
  });
});
