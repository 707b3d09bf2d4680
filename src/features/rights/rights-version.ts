import { and, eq, gt, lte, sql } from "drizzle-orm";
import type { Db } from "../../platform/db/connect.js";
import { districtRightsState, rightsChanges } from "../../platform/db/schema/rights.js";
import type { DistrictScope } from "../../platform/db/tenancy.js";

/** What one change touched: the groups and users whose compiled rights must be rebuilt. */
export type RightsChange = { groups?: string[]; users?: string[]; district?: boolean };

/**
 * Moves the district's rights version on, inside the caller's transaction, and records what
 * changed. The upsert takes the row lock, so concurrent changes get consecutive versions.
 */
export async function bumpRightsVersion(tx: Db, scope: DistrictScope, change: RightsChange): Promise<number> {
  const [row] = await tx
    .insert(districtRightsState)
    .values({ districtId: scope.districtId, rightsVersion: 1 })
    .onConflictDoUpdate({
      target: districtRightsState.districtId,
      set: { rightsVersion: sql`${districtRightsState.rightsVersion} + 1`, updatedAt: sql`now()` },
    })
    .returning({ version: districtRightsState.rightsVersion });
  const version = row!.version;
  const rows = [
    ...(change.district ? [{ kind: "district" as const, targetId: scope.districtId }] : []),
    ...[...new Set(change.groups ?? [])].map((id) => ({ kind: "group" as const, targetId: id })),
    ...[...new Set(change.users ?? [])].map((id) => ({ kind: "user" as const, targetId: id })),
  ];
  if (rows.length > 0) await tx.insert(rightsChanges).values(rows.map((r) => ({ ...r, districtId: scope.districtId, rightsVersion: version })));
  return version;
}

/** The district's current rights version (0 before its first change): one primary-key read. */
export async function readRightsVersion(db: Db, scope: DistrictScope): Promise<number> {
  const [row] = await db
    .select({ version: districtRightsState.rightsVersion })
    .from(districtRightsState)
    .where(eq(districtRightsState.districtId, scope.districtId))
    .limit(1);
  return row?.version ?? 0;
}

/** What changed after `since` up to and including `upTo`. */
export async function readChangesSince(db: Db, scope: DistrictScope, since: number, upTo: number) {
  return db
    .select({ kind: rightsChanges.kind, targetId: rightsChanges.targetId, version: rightsChanges.rightsVersion })
    .from(rightsChanges)
    .where(and(eq(rightsChanges.districtId, scope.districtId), gt(rightsChanges.rightsVersion, since), lte(rightsChanges.rightsVersion, upTo)));
}

export async function readMasterSchedulingEnds(db: Db, scope: DistrictScope): Promise<Date | null> {
  const [row] = await db
    .select({ ends: districtRightsState.masterSchedulingEnds })
    .from(districtRightsState)
    .where(eq(districtRightsState.districtId, scope.districtId))
    .limit(1);
  return row?.ends ?? null;
}

export async function saveMasterSchedulingEnds(tx: Db, scope: DistrictScope, ends: Date | null): Promise<void> {
  await tx
    .insert(districtRightsState)
    .values({ districtId: scope.districtId, masterSchedulingEnds: ends })
    .onConflictDoUpdate({ target: districtRightsState.districtId, set: { masterSchedulingEnds: ends } });
}
