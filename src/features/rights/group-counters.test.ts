import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { calendarGrants, rightEntries, userGroupMembers } from "../../platform/db/schema/rights.js";
import { users } from "../../platform/db/schema/users.js";
import { buildUser } from "../../../test/support/factories.js";
import { buildRightsDistrict, buildRightsGroup, type RightsDistrict } from "../../../test/support/rights-factories.js";
import { createTestApp, type TestApp } from "../../../test/support/test-app.js";

/**
 * The group list reads member, entry and calendar-right counts from columns on user_groups that
 * statement triggers keep (migration 0027). After every kind of write, each group's columns must
 * equal a fresh count of its rows, and the list must show them.
 */
let t: TestApp;
let d: RightsDistrict;
const people: { id: string; username: string }[] = [];
beforeAll(async () => {
  t = await createTestApp();
  d = await buildRightsDistrict(t.app, t.database.db);
  for (let i = 0; i < 12; i++) people.push(await buildUser(t.database.db, { districtId: d.districtId, username: `counted${i}` }));
});
afterAll(() => t.close());

type Counted = { id: string; name: string; members: number; entries: number; grants: number };

/** Every group of the district: the kept counters and a fresh count, side by side. */
async function counters(): Promise<{ kept: Counted[]; counted: Counted[] }> {
  const rows = await t.database.query<Record<string, unknown>>(
    `select g.id, g.name, g.member_count, g.entry_count, g.calendar_grant_count,
            (select count(*) from user_group_members m where m.group_id = g.id)::int as members,
            (select count(*) from right_entries e where e.group_id = g.id)::int as entries,
            (select count(*) from calendar_grants c where c.group_id = g.id)::int as grants
     from user_groups g where g.district_id = $1 order by g.name`,
    [d.districtId],
  );
  const base = (r: Record<string, unknown>) => ({ id: r.id as string, name: r.name as string });
  return {
    kept: rows.map((r) => ({ ...base(r), members: Number(r.member_count), entries: Number(r.entry_count), grants: Number(r.calendar_grant_count) })),
    counted: rows.map((r) => ({ ...base(r), members: Number(r.members), entries: Number(r.entries), grants: Number(r.grants) })),
  };
}

/** The counters are right in the tables and in what GET /api/groups shows; returns the one group's counts. */
async function expectTrue(groupId?: string): Promise<Counted | undefined> {
  const { kept, counted } = await counters();
  expect(kept).toEqual(counted);
  const listed = (await d.admin.client.get("/api/groups?limit=500")).json().items as { id: string; name: string; memberCount: number; entryCount: number; calendarGrantCount: number }[];
  expect(listed.map((g) => ({ id: g.id, name: g.name, members: g.memberCount, entries: g.entryCount, grants: g.calendarGrantCount })).sort((a, b) => a.name.localeCompare(b.name))).toEqual(
    [...counted].sort((a, b) => a.name.localeCompare(b.name)),
  );
  return groupId ? counted.find((g) => g.id === groupId) : undefined;
}

const version = async (groupId: string) => ((await d.admin.client.get(`/api/groups/${groupId}`)).json() as { version: number }).version;

describe("group counters kept by the database", () => {
  it("starts from what the group was created with and follows rights, calendar rights and members", async () => {
    const created = await d.admin.client.post("/api/groups", { name: "Counted A" });
    expect(created.statusCode, created.body).toBe(201);
    const g = created.json().id as string;
    expect(await expectTrue(g)).toMatchObject({ members: 0, entries: 0, grants: 0 });

    const rights = await d.admin.client.put(`/api/groups/${g}/rights`, {
      version: await version(g),
      entries: [{ toolPath: "Student Information", rights: "R" }, { toolPath: "Attendance", rights: "RW" }, { toolPath: "Attendance > Attendance Letters", rights: "" }],
    });
    expect(rights.statusCode, rights.body).toBe(200);
    expect(await expectTrue(g)).toMatchObject({ entries: 3 });
    await d.admin.client.put(`/api/groups/${g}/rights`, { version: await version(g), entries: [{ toolPath: "Student Information", rights: "R" }] });
    expect(await expectTrue(g)).toMatchObject({ entries: 1 });

    const grants = await d.admin.client.put(`/api/groups/${g}/calendar-rights`, {
      version: await version(g),
      calendarGrants: [{ school: "*", year: "*", calendar: "*" }, { school: "North", year: "2025-26", calendar: "North 25-26", modify: true }],
    });
    expect(grants.statusCode, grants.body).toBe(200);
    expect(await expectTrue(g)).toMatchObject({ grants: 2 });

    for (const p of people.slice(0, 3)) expect((await d.admin.client.post(`/api/groups/${g}/members`, { userId: p.id })).statusCode).toBe(200);
    expect(await expectTrue(g)).toMatchObject({ members: 3 });
    // changing a membership's dates is an UPDATE of its row: the count stays
    expect((await d.admin.client.post(`/api/groups/${g}/members`, { userId: people[0]!.id, until: "2099-06-30" })).statusCode).toBe(200);
    expect(await expectTrue(g)).toMatchObject({ members: 3 });
    expect((await d.admin.client.delete(`/api/groups/${g}/members/${people[1]!.id}`)).statusCode).toBe(204);
    expect(await expectTrue(g)).toMatchObject({ members: 2, entries: 1, grants: 2 });
  });

  it("follows bulk adds and removes and the CSV import, and a refused import changes nothing", async () => {
    const g = (await d.admin.client.post("/api/groups", { name: "Counted B" })).json().id as string;
    const other = (await d.admin.client.post("/api/groups", { name: "Counted C", memberLimit: 1 })).json().id as string;
    const add = await d.admin.client.post(`/api/groups/${g}/members/bulk-add`, { userIds: people.slice(0, 6).map((p) => p.id) });
    expect(add.json()).toMatchObject({ added: 6 });
    expect(await expectTrue(g)).toMatchObject({ members: 6 });
    expect((await d.admin.client.post(`/api/groups/${g}/members/bulk-remove`, { userIds: people.slice(0, 2).map((p) => p.id) })).json()).toEqual({ removed: 2 });
    expect(await expectTrue(g)).toMatchObject({ members: 4 });

    const csv = [people[0], people[1], people[6]].map((p) => `${p!.username},Counted B`).concat(`${people[7]!.username},Counted C`).join("\n");
    expect((await d.admin.client.post("/api/memberships/import", { csv })).json()).toMatchObject({ added: 4 });
    expect(await expectTrue(g)).toMatchObject({ members: 7 });
    expect(await expectTrue(other)).toMatchObject({ members: 1 });
    // the limit refuses the second row: the whole file is rolled back, counters with it
    const refused = await d.admin.client.post("/api/memberships/import", { csv: `${people[8]!.username},Counted B\n${people[9]!.username},Counted C` });
    expect(refused.statusCode).toBe(409);
    expect(await expectTrue(g)).toMatchObject({ members: 7 });
  });

  it("copies a group's counts with its rights, and a deleted group or user leaves no count behind", async () => {
    const source = await buildRightsGroup(t.database.db, d.districtId, {
      name: "Counted D",
      rights: { "Student Information": "R", Attendance: "deny" },
      calendars: [{ school: "*", year: "*", calendar: "*", modify: false }],
      members: people.slice(0, 5).map((p) => p.id),
    });
    expect(await expectTrue(source)).toMatchObject({ members: 5, entries: 2, grants: 1 });
    const copy = await d.admin.client.post("/api/groups", { name: "Counted D copy", copyOf: source });
    expect(copy.statusCode, copy.body).toBe(201);
    expect(await expectTrue(copy.json().id as string)).toMatchObject({ members: 0, entries: 2, grants: 1 });

    // a user's rows go by cascade: the groups they were in count one fewer
    const gone = await buildUser(t.database.db, { districtId: d.districtId, username: "counted-gone" });
    await t.database.db.insert(userGroupMembers).values({ districtId: d.districtId, groupId: source, userId: gone.id });
    expect(await expectTrue(source)).toMatchObject({ members: 6 });
    await t.database.db.delete(users).where(eq(users.id, gone.id));
    expect(await expectTrue(source)).toMatchObject({ members: 5 });

    const del = await d.admin.client.delete(`/api/groups/${source}?version=${await version(source)}`);
    expect(del.statusCode, del.body).toBe(204);
    await expectTrue();
    // individual entries and grants (no group) are not counted anywhere, and break nothing
    await t.database.db.insert(rightEntries).values({ districtId: d.districtId, userId: people[0]!.id, toolPath: "Attendance", rights: "R" });
    await t.database.db.insert(calendarGrants).values({ districtId: d.districtId, userId: people[0]!.id, school: "*", year: "*", calendar: "*" });
    await expectTrue();
  });

  it("loses no update when writers change the same groups at once", async () => {
    const [a, b, c] = await Promise.all(["Counted E", "Counted F", "Counted G"].map(async (name) => (await d.admin.client.post("/api/groups", { name })).json().id as string));
    // through the API: every add serialises on the group row it locks
    const adds = await Promise.all(people.map((p) => d.admin.client.post(`/api/groups/${a}/members`, { userId: p.id })));
    expect(adds.map((r) => r.statusCode)).toEqual(people.map(() => 200));
    expect(await expectTrue(a)).toMatchObject({ members: people.length });
    // straight to the tables, the writers taking no lock of their own: overlapping transactions
    // on PostgreSQL, each writing two groups in one statement (in either order) and holding the
    // transaction open a moment before removing its person from a third
    await Promise.all(
      people.map((p, i) =>
        t.database.db.transaction(async (tx) => {
          const groups = i % 2 ? [b!, c!] : [c!, b!];
          await tx.insert(userGroupMembers).values(groups.map((groupId) => ({ districtId: d.districtId, groupId, userId: p.id })));
          await tx.execute(sql`select pg_sleep(0.02)`);
          await tx.delete(userGroupMembers).where(sql`${userGroupMembers.groupId} = ${a} and ${userGroupMembers.userId} = ${p.id}`);
        }),
      ),
    );
    expect(await expectTrue(a)).toMatchObject({ members: 0 });
    expect(await expectTrue(b)).toMatchObject({ members: people.length });
    expect(await expectTrue(c)).toMatchObject({ members: people.length });
  });

  it("sorts the list by the kept counts", async () => {
    const bySize = (await d.admin.client.get("/api/groups?sort=members&order=desc&limit=2")).json() as { items: { name: string; memberCount: number }[]; nextCursor: string | null; total: number };
    const { counted } = await counters();
    const top = [...counted].sort((x, y) => y.members - x.members || (x.id < y.id ? 1 : -1)).slice(0, 2);
    expect(bySize.items.map((g) => g.memberCount)).toEqual(top.map((g) => g.members));
    expect(bySize.total).toBe(counted.length);
    expect(bySize.nextCursor).not.toBeNull();
  });
});
