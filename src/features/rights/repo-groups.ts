import { and, asc, eq, ilike, isNotNull, sql } from "drizzle-orm";
import type { Db } from "../../platform/db/connect.js";
import { calendarGrants, rightEntries, userGroupMembers, userGroups } from "../../platform/db/schema/rights.js";
import { users } from "../../platform/db/schema/users.js";
import { prepared } from "../../platform/db/prepared.js";
import { inDistrict, type DistrictScope } from "../../platform/db/tenancy.js";
import { countAll, keyset, toPage, type PageQuery, type SortKey } from "../../platform/http/paging.js";
import type { Entry, Grant, GroupSummary } from "./schema.js";
import { GROUP_SORTS, MEMBER_SORTS } from "./sorts.js";

export type GroupRow = typeof userGroups.$inferSelect;
export type Grantee = { groupId: string } | { userId: string };

/** The counts are columns kept by triggers in the writing transaction (migration 0027), not counted per request. */
const summaryColumns = {
  id: userGroups.id,
  name: userGroups.name,
  description: userGroups.description,
  memberLimit: userGroups.memberLimit,
  template: userGroups.template,
  memberCount: userGroups.memberCount,
  entryCount: userGroups.entryCount,
  calendarGrantCount: userGroups.calendarGrantCount,
  version: userGroups.version,
  // node-postgres parses a timestamptz by regular expression (≈ half the list's cost at 100 rows); epoch milliseconds are one parseFloat
  updatedAt: sql<Date>`extract(epoch from ${userGroups.updatedAt}) * 1000`.mapWith((ms) => new Date(Number(ms))),
  updatedBy: userGroups.updatedByName,
};

const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

const groupSortKeys: Record<(typeof GROUP_SORTS)[number], SortKey> = {
  name: { expr: sql`lower(${userGroups.name})`, type: "text" },
  members: { expr: userGroups.memberCount, type: "integer" },
  entries: { expr: userGroups.entryCount, type: "integer" },
  updated: { expr: userGroups.updatedAt, type: "timestamptz" },
};

type GroupListQuery = PageQuery & { search: string; limited?: boolean };

/** One page of groups, sorted by a whitelisted key; `search` matches the name, `limited` the groups with a member limit. */
export async function pageGroups(db: Db, scope: DistrictScope, query: GroupListQuery) {
  const values = { districtId: scope.districtId, like: `%${escapeLike(query.search)}%`, limit: query.limit + 1 };
  const page = keyset(query, groupSortKeys, { column: userGroups.id, type: "uuid" });
  // the first page is what every opening of the list reads: one prepared statement per list shape
  const name = `gh_groups_${query.sort}_${query.order}_${query.search ? "search" : "all"}_${String(query.limited ?? "any")}`;
  const statement = page.after ? groupPageQuery(db, query, page) : prepared(db, name, (pdb) => groupPageQuery(pdb, query, page).prepare(name));
  const rows = await statement.execute(values);
  const counted = rows.length > 0 ? rows[0]!.total : ((await db.select({ n: countAll }).from(userGroups).where(groupFilter(query)).execute(values))[0]?.n ?? 0);
  return toPage(rows.map(({ total: _t, ...row }) => row), query, counted);
}

/** The list's filter, its values bound at execution (district, search pattern). */
const groupFilter = (query: GroupListQuery) =>
  and(
    eq(userGroups.districtId, sql.placeholder("districtId")),
    query.search ? ilike(userGroups.name, sql.placeholder("like")) : undefined,
    query.limited === undefined ? undefined : query.limited ? isNotNull(userGroups.memberLimit) : sql`${userGroups.memberLimit} is null`,
  );

function groupPageQuery(db: Db, query: GroupListQuery, page: ReturnType<typeof keyset>) {
  const filter = groupFilter(query);
  // the total rides along as an uncorrelated subquery (evaluated once): one round trip, not two
  const total = sql<number>`(${db.select({ n: countAll }).from(userGroups).where(filter)})`.mapWith(Number);
  return db
    .select({ ...summaryColumns, pageKey: page.key, total })
    .from(userGroups)
    .where(and(filter, page.after))
    .orderBy(...page.orderBy)
    .limit(sql.placeholder("limit"));
}

const memberSortKeys: Record<(typeof MEMBER_SORTS)[number], SortKey> = {
  username: { expr: sql`lower(${users.username})`, type: "text" },
  name: { expr: sql`lower(${users.displayName})`, type: "text" },
  from: { expr: userGroupMembers.validFrom, type: "timestamptz" },
  until: { expr: userGroupMembers.validUntil, type: "timestamptz" },
};

/** One page of a group's members; `search` matches username or name. */
export async function pageMembers(db: Db, scope: DistrictScope, groupId: string, query: PageQuery & { search: string }) {
  const like = `%${escapeLike(query.search)}%`;
  const filter = inDistrict(userGroupMembers, scope, eq(userGroupMembers.groupId, groupId), query.search ? sql`(${users.username} ilike ${like} or ${users.displayName} ilike ${like})` : undefined);
  const page = keyset(query, memberSortKeys, { column: users.id, type: "uuid" });
  const rows = await db
    .select({ id: users.id, userId: users.id, username: users.username, displayName: users.displayName, from: userGroupMembers.validFrom, until: userGroupMembers.validUntil, pageKey: page.key })
    .from(userGroupMembers)
    .innerJoin(users, eq(users.id, userGroupMembers.userId))
    .where(and(filter, page.after))
    .orderBy(...page.orderBy)
    .limit(page.limit);
  const [counted] = await db.select({ n: countAll }).from(userGroupMembers).innerJoin(users, eq(users.id, userGroupMembers.userId)).where(filter);
  return toPage(rows, query, counted?.n ?? 0);
}

export async function findGroupSummary(db: Db, scope: DistrictScope, groupId: string): Promise<GroupSummary | null> {
  const [row] = await db.select(summaryColumns).from(userGroups).where(inDistrict(userGroups, scope, eq(userGroups.id, groupId))).limit(1);
  return row ?? null;
}

/** The person answerable for the group's membership, if one is named. */
export async function findGroupOwner(db: Db, scope: DistrictScope, groupId: string) {
  const [row] = await db
    .select({ id: users.id, username: users.username, displayName: users.displayName })
    .from(userGroups)
    .innerJoin(users, eq(users.id, userGroups.ownerId))
    .where(inDistrict(userGroups, scope, eq(userGroups.id, groupId)))
    .limit(1);
  return row ?? null;
}

/** The group row, locked for update when inside a transaction that changes it. */
export async function findGroup(db: Db, scope: DistrictScope, groupId: string, lock = false): Promise<GroupRow | null> {
  const q = db.select().from(userGroups).where(inDistrict(userGroups, scope, eq(userGroups.id, groupId))).limit(1);
  const [row] = lock ? await q.for("update") : await q;
  return row ?? null;
}

export async function findGroupByName(db: Db, scope: DistrictScope, name: string): Promise<GroupRow | null> {
  const [row] = await db.select().from(userGroups).where(inDistrict(userGroups, scope, sql`lower(${userGroups.name}) = lower(${name})`)).limit(1);
  return row ?? null;
}

const granteeCondition = (table: typeof rightEntries | typeof calendarGrants, grantee: Grantee) =>
  "groupId" in grantee ? eq(table.groupId, grantee.groupId) : eq(table.userId, grantee.userId);

export async function readEntries(db: Db, scope: DistrictScope, grantee: Grantee): Promise<Entry[]> {
  const rows = await db.select().from(rightEntries).where(inDistrict(rightEntries, scope, granteeCondition(rightEntries, grantee))).orderBy(asc(rightEntries.toolPath), asc(rightEntries.validFrom));
  return rows.map((r) => ({ toolPath: r.toolPath, rights: r.deny ? "" : r.rights, deny: r.deny, from: r.validFrom, until: r.validUntil }));
}

export async function readGrants(db: Db, scope: DistrictScope, grantee: Grantee): Promise<Grant[]> {
  const rows = await db
    .select()
    .from(calendarGrants)
    .where(inDistrict(calendarGrants, scope, granteeCondition(calendarGrants, grantee)))
    .orderBy(asc(calendarGrants.school), asc(calendarGrants.year), asc(calendarGrants.calendar));
  return rows.map((r) => ({ school: r.school, year: r.year, calendar: r.calendar, modify: r.modify, from: r.validFrom, until: r.validUntil }));
}

/** Replaces a grantee's whole entry set (the caller validated and locked). */
export async function writeEntries(tx: Db, scope: DistrictScope, grantee: Grantee, entries: Entry[]): Promise<void> {
  await tx.delete(rightEntries).where(inDistrict(rightEntries, scope, granteeCondition(rightEntries, grantee)));
  if (entries.length === 0) return;
  await tx.insert(rightEntries).values(
    entries.map((e) => ({
      districtId: scope.districtId,
      ...("groupId" in grantee ? { groupId: grantee.groupId } : { userId: grantee.userId }),
      toolPath: e.toolPath,
      rights: e.deny ? ("" as const) : e.rights,
      deny: e.deny,
      validFrom: e.from,
      validUntil: e.until,
    })),
  );
}

export async function writeGrants(tx: Db, scope: DistrictScope, grantee: Grantee, grants: Grant[]): Promise<void> {
  await tx.delete(calendarGrants).where(inDistrict(calendarGrants, scope, granteeCondition(calendarGrants, grantee)));
  if (grants.length === 0) return;
  await tx.insert(calendarGrants).values(
    grants.map((g) => ({
      districtId: scope.districtId,
      ...("groupId" in grantee ? { groupId: grantee.groupId } : { userId: grantee.userId }),
      school: g.school,
      year: g.year,
      calendar: g.calendar,
      modify: g.modify,
      validFrom: g.from,
      validUntil: g.until,
    })),
  );
}

export type MemberRow = { userId: string; username: string; displayName: string; from: Date | null; until: Date | null };

export async function readMembers(db: Db, scope: DistrictScope, groupId: string): Promise<MemberRow[]> {
  return db
    .select({ userId: users.id, username: users.username, displayName: users.displayName, from: userGroupMembers.validFrom, until: userGroupMembers.validUntil })
    .from(userGroupMembers)
    .innerJoin(users, eq(users.id, userGroupMembers.userId))
    .where(inDistrict(userGroupMembers, scope, eq(userGroupMembers.groupId, groupId)))
    .orderBy(asc(users.username));
}

/** Marks the group changed: new version, who and when (shown on a version conflict). */
export async function touchGroup(tx: Db, scope: DistrictScope, groupId: string, actor: { id: string; name: string } | null, set: Partial<GroupRow> = {}) {
  const [row] = await tx
    .update(userGroups)
    .set({ ...set, version: sql`${userGroups.version} + 1`, updatedAt: sql`now()`, updatedById: actor?.id ?? null, updatedByName: actor?.name ?? null })
    .where(inDistrict(userGroups, scope, eq(userGroups.id, groupId)))
    .returning();
  return row!;
}

/** True when the group holds calendar rights (any) — the automatic staff accounts rule needs it. */
export async function hasCalendarGrants(db: Db, scope: DistrictScope, groupId: string): Promise<boolean> {
  const [row] = await db.select({ id: calendarGrants.id }).from(calendarGrants).where(inDistrict(calendarGrants, scope, and(eq(calendarGrants.groupId, groupId), isNotNull(calendarGrants.groupId)))).limit(1);
  return row !== undefined;
}
