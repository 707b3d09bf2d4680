import { and, desc, eq, inArray, or, sql } from "drizzle-orm";
import type { Db } from "../../platform/db/connect.js";
import { adhocFilterShares, adhocFilters, type AdhocDefinition } from "../../platform/db/schema/adhoc.js";
import { users } from "../../platform/db/schema/users.js";
import { inDistrict, type DistrictScope } from "../../platform/db/tenancy.js";
import { memberGroupIds } from "./group-membership.js";

export type FilterRow = {
  id: string;
  name: string;
  ownerId: string;
  ownerName: string;
  definition: AdhocDefinition;
  version: number;
  updatedAt: Date;
  sharedWith: string[];
};

const columns = {
  id: adhocFilters.id,
  name: adhocFilters.name,
  ownerId: adhocFilters.ownerId,
  ownerName: users.displayName,
  definition: adhocFilters.definition,
  version: adhocFilters.version,
  updatedAt: adhocFilters.updatedAt,
};

/** Filters the user may run: their own, and those shared with a group they are a member of. */
export async function listVisibleFilters(db: Db, scope: DistrictScope, userId: string, filterId?: string): Promise<FilterRow[]> {
  const groups = await memberGroupIds(db, scope, userId);
  const sharedToMe = groups.length
    ? inArray(
        adhocFilters.id,
        db.select({ id: adhocFilterShares.filterId }).from(adhocFilterShares).where(inDistrict(adhocFilterShares, scope, inArray(adhocFilterShares.groupId, groups))),
      )
    : undefined;
  const rows = await db
    .select(columns)
    .from(adhocFilters)
    .innerJoin(users, eq(users.id, adhocFilters.ownerId))
    .where(inDistrict(adhocFilters, scope, or(eq(adhocFilters.ownerId, userId), sharedToMe), filterId ? eq(adhocFilters.id, filterId) : undefined))
    .orderBy(desc(adhocFilters.updatedAt));
  return withShares(db, scope, rows);
}

export async function findVisibleFilter(db: Db, scope: DistrictScope, userId: string, filterId: string): Promise<FilterRow | undefined> {
  return (await listVisibleFilters(db, scope, userId, filterId))[0];
}

async function withShares(db: Db, scope: DistrictScope, rows: Omit<FilterRow, "sharedWith">[]): Promise<FilterRow[]> {
  if (rows.length === 0) return [];
  const shares = await db
    .select({ filterId: adhocFilterShares.filterId, groupId: adhocFilterShares.groupId })
    .from(adhocFilterShares)
    .where(inDistrict(adhocFilterShares, scope, inArray(adhocFilterShares.filterId, rows.map((r) => r.id))));
  return rows.map((r) => ({ ...r, sharedWith: shares.filter((s) => s.filterId === r.id).map((s) => s.groupId).sort() }));
}

export async function insertFilter(db: Db, scope: DistrictScope, ownerId: string, name: string, definition: AdhocDefinition) {
  const [row] = await db.insert(adhocFilters).values({ districtId: scope.districtId, ownerId, name, definition }).returning();
  return row!;
}

/** Compare-and-set on version: undefined when someone saved in between. */
export async function updateFilter(db: Db, scope: DistrictScope, id: string, version: number, name: string, definition: AdhocDefinition) {
  const [row] = await db
    .update(adhocFilters)
    .set({ name, definition, version: sql`${adhocFilters.version} + 1`, updatedAt: sql`now()` })
    .where(inDistrict(adhocFilters, scope, eq(adhocFilters.id, id), eq(adhocFilters.version, version)))
    .returning();
  return row;
}

export async function deleteFilter(db: Db, scope: DistrictScope, id: string): Promise<void> {
  await db.delete(adhocFilters).where(inDistrict(adhocFilters, scope, eq(adhocFilters.id, id)));
}

export async function replaceShares(db: Db, scope: DistrictScope, filterId: string, groupIds: string[]): Promise<void> {
  await db.delete(adhocFilterShares).where(inDistrict(adhocFilterShares, scope, eq(adhocFilterShares.filterId, filterId)));
  if (groupIds.length) {
    await db.insert(adhocFilterShares).values(groupIds.map((groupId) => ({ districtId: scope.districtId, filterId, groupId })));
  }
  await db.update(adhocFilters).set({ updatedAt: sql`now()` }).where(and(eq(adhocFilters.id, filterId), eq(adhocFilters.districtId, scope.districtId)));
}
