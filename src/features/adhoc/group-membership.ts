import { and, asc, eq, gt, inArray, isNull, lte, or, sql } from "drizzle-orm";
import type { Db } from "../../platform/db/connect.js";
import { userGroupMembers, userGroups } from "../../platform/db/schema/rights.js";
import { inDistrict, type DistrictScope } from "../../platform/db/tenancy.js";

/**
 * User groups belong to the rights feature; Ad hoc asks only these two questions of them.
 * A membership outside its from/until window counts as absent, as the rights engine counts it.
 */
export async function memberGroupIds(db: Db, scope: DistrictScope, userId: string): Promise<string[]> {
  const rows = await db
    .select({ id: userGroupMembers.groupId })
    .from(userGroupMembers)
    .where(
      inDistrict(
        userGroupMembers,
        scope,
        eq(userGroupMembers.userId, userId),
        or(isNull(userGroupMembers.validFrom), lte(userGroupMembers.validFrom, sql`now()`)),
        or(isNull(userGroupMembers.validUntil), gt(userGroupMembers.validUntil, sql`now()`)),
      ),
    );
  return rows.map((r) => r.id);
}

/** The district's user groups a filter can be shared with: names only, nothing about their rights or members. */
export async function listShareGroups(db: Db, scope: DistrictScope): Promise<{ id: string; name: string }[]> {
  return db.select({ id: userGroups.id, name: userGroups.name }).from(userGroups).where(inDistrict(userGroups, scope)).orderBy(asc(userGroups.name));
}

export async function existingGroupIds(db: Db, scope: DistrictScope, ids: string[]): Promise<string[]> {
  if (ids.length === 0) return [];
  const rows = await db.select({ id: userGroups.id }).from(userGroups).where(and(inDistrict(userGroups, scope), inArray(userGroups.id, ids)));
  return rows.map((r) => r.id);
}
