import { asc, eq, inArray } from "drizzle-orm";
import { findNode, getCatalog, type Catalog } from "../../domain/rights/catalog.js";
import type { CalendarGrant, DistrictModel, GroupModel, RightEntry, UserModel } from "../../domain/rights/model.js";
import type { Db } from "../../platform/db/connect.js";
import { calendarGrants, districtProtectedTools, rightEntries, userGroupMembers, userGroups } from "../../platform/db/schema/rights.js";
import { users } from "../../platform/db/schema/users.js";
import { inDistrict, type DistrictScope } from "../../platform/db/tenancy.js";

type EntryRow = typeof rightEntries.$inferSelect;
type GrantRow = typeof calendarGrants.$inferSelect;

const bounds = (r: { validFrom: Date | null; validUntil: Date | null }) => ({
  ...(r.validFrom ? { from: r.validFrom } : {}),
  ...(r.validUntil ? { until: r.validUntil } : {}),
});

export function entryFromRow(r: EntryRow): RightEntry {
  return { toolPath: r.toolPath, rights: r.deny ? "" : r.rights, ...(r.deny ? { deny: true } : {}), ...bounds(r) };
}

export function grantFromRow(r: GrantRow): CalendarGrant {
  return { school: r.school, year: r.year, calendar: r.calendar, modify: r.modify, ...bounds(r) };
}

/**
 * Entries on a path the catalog does not have (retired by a newer catalog, or written by a
 * server running an older one) are left out: no node lies below a missing path, so they grant
 * and narrow nothing, and the engine refuses paths it does not know.
 */
const onKnownTool = (catalog: Catalog) => (e: EntryRow) => findNode(catalog, e.toolPath) !== undefined;

/** Only some groups / users (an incremental reload), or all when `ids` is absent. */
type Only = { groupIds?: string[]; userIds?: string[] };

async function loadGroups(db: Db, scope: DistrictScope, catalog: Catalog, ids?: string[]): Promise<GroupModel[]> {
  if (ids?.length === 0) return [];
  const groupFilter = ids ? inArray(userGroups.id, ids) : undefined;
  const rows = await db.select({ id: userGroups.id, name: userGroups.name }).from(userGroups).where(inDistrict(userGroups, scope, groupFilter)).orderBy(asc(userGroups.name));
  const entryRows = await db.select().from(rightEntries).where(inDistrict(rightEntries, scope, ids ? inArray(rightEntries.groupId, ids) : undefined));
  const grantRows = await db.select().from(calendarGrants).where(inDistrict(calendarGrants, scope, ids ? inArray(calendarGrants.groupId, ids) : undefined));
  const byId = new Map(rows.map((g): [string, GroupModel] => [g.id, { id: g.id, name: g.name, entries: [], calendarGrants: [] }]));
  for (const e of entryRows.filter(onKnownTool(catalog))) if (e.groupId) byId.get(e.groupId)?.entries.push(entryFromRow(e));
  for (const g of grantRows) if (g.groupId) byId.get(g.groupId)?.calendarGrants.push(grantFromRow(g));
  return [...byId.values()];
}

async function loadUsers(db: Db, scope: DistrictScope, catalog: Catalog, ids?: string[]): Promise<UserModel[]> {
  if (ids?.length === 0) return [];
  const rows = await db
    .select({ id: users.id, username: users.username, role: users.productSecurityRole })
    .from(users)
    .where(inDistrict(users, scope, ids ? inArray(users.id, ids) : undefined))
    .orderBy(asc(users.username));
  const memberRows = await db.select().from(userGroupMembers).where(inDistrict(userGroupMembers, scope, ids ? inArray(userGroupMembers.userId, ids) : undefined));
  const entryRows = await db.select().from(rightEntries).where(inDistrict(rightEntries, scope, ids ? inArray(rightEntries.userId, ids) : undefined));
  const grantRows = await db.select().from(calendarGrants).where(inDistrict(calendarGrants, scope, ids ? inArray(calendarGrants.userId, ids) : undefined));
  const byId = new Map(
    rows.map((u): [string, UserModel] => [u.id, { id: u.id, username: u.username, productSecurityRole: u.role, memberships: [], entries: [], calendarGrants: [] }]),
  );
  for (const m of memberRows) byId.get(m.userId)?.memberships.push({ groupId: m.groupId, ...bounds(m) });
  for (const e of entryRows.filter(onKnownTool(catalog))) if (e.userId) byId.get(e.userId)?.entries.push(entryFromRow(e));
  for (const g of grantRows) if (g.userId) byId.get(g.userId)?.calendarGrants.push(grantFromRow(g));
  return [...byId.values()];
}

/** The whole district as the engine's model: every district user, group, entry and grant. */
export async function loadDistrictModel(db: Db, scope: DistrictScope, catalog: Catalog = getCatalog()): Promise<DistrictModel> {
  const [groups, districtUsers] = [await loadGroups(db, scope, catalog), await loadUsers(db, scope, catalog)];
  return { groups, users: districtUsers, protectedTools: await loadProtectedTools(db, scope) };
}

/** The tools the district marked as protected beyond the seed's list, in path order. */
export async function loadProtectedTools(db: Db, scope: DistrictScope): Promise<string[]> {
  const rows = await db.select({ toolPath: districtProtectedTools.toolPath }).from(districtProtectedTools).where(inDistrict(districtProtectedTools, scope)).orderBy(asc(districtProtectedTools.toolPath));
  return rows.map((r) => r.toolPath);
}

/**
 * A new model snapshot with the given groups and users re-read from the database (removed
 * ones dropped); everything else is shared with `model`, which is left untouched.
 */
export async function reloadPartOfModel(db: Db, scope: DistrictScope, model: DistrictModel, only: Only, catalog: Catalog = getCatalog()): Promise<DistrictModel> {
  const groupIds = [...new Set(only.groupIds ?? [])];
  const userIds = [...new Set(only.userIds ?? [])];
  const freshGroups = new Map((await loadGroups(db, scope, catalog, groupIds)).map((g) => [g.id, g]));
  const freshUsers = new Map((await loadUsers(db, scope, catalog, userIds)).map((u) => [u.id, u]));
  return { groups: replaceSome(model.groups, groupIds, freshGroups), users: replaceSome(model.users, userIds, freshUsers), protectedTools: model.protectedTools ?? [] };
}

/**
 * The list with the touched ids replaced in place (so everyone else keeps their position and
 * object, which lets an incremental recompile skip them), dropped when gone, or appended when
 * new. One pass over the list, and no copy at all when nothing in it was touched.
 */
function replaceSome<T extends { id: string }>(list: T[], ids: string[], fresh: Map<string, T>): T[] {
  if (ids.length === 0) return list;
  const touched = new Set(ids);
  const out = list.slice();
  const present = new Set<string>();
  let removed = false;
  for (let i = 0; i < out.length; i++) {
    const id = out[i]!.id;
    if (!touched.has(id)) continue;
    present.add(id);
    const f = fresh.get(id);
    if (f) out[i] = f;
    else removed = true;
  }
  const kept = removed ? out.filter((x) => !touched.has(x.id) || fresh.has(x.id)) : out;
  for (const [id, f] of fresh) if (!present.has(id)) kept.push(f);
  return kept;
}

/** Users who are members of a group (any window), e.g. to recompile them after it is deleted. */
export async function memberIdsOfGroup(db: Db, scope: DistrictScope, groupId: string): Promise<string[]> {
  const rows = await db.select({ userId: userGroupMembers.userId }).from(userGroupMembers).where(inDistrict(userGroupMembers, scope, eq(userGroupMembers.groupId, groupId)));
  return rows.map((r) => r.userId);
}

/** One group as the engine's model (its entries and calendar grants), or undefined when not in the district. */
export async function loadGroupModel(db: Db, scope: DistrictScope, groupId: string, catalog: Catalog = getCatalog()): Promise<GroupModel | undefined> {
  return (await loadGroups(db, scope, catalog, [groupId]))[0];
}
