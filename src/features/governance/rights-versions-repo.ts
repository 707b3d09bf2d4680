import { and, asc, desc, eq, sql } from "drizzle-orm";
import type { Db } from "../../platform/db/connect.js";
import { groupRightsVersions, type StoredEntry, type StoredGrant } from "../../platform/db/schema/governance.js";
import { inDistrict, type DistrictScope } from "../../platform/db/tenancy.js";
import { readEntries, readGrants } from "../rights/repo-groups.js";
import type { Entry, Grant } from "../rights/schema.js";

export type RightsVersionRow = typeof groupRightsVersions.$inferSelect;

const iso = (d: Date | null) => (d ? d.toISOString() : null);
const storeEntry = (e: Entry): StoredEntry => ({ toolPath: e.toolPath, rights: e.deny ? "" : e.rights, deny: e.deny, from: iso(e.from), until: iso(e.until) });
const storeGrant = (g: Grant): StoredGrant => ({ school: g.school, year: g.year, calendar: g.calendar, modify: g.modify, from: iso(g.from), until: iso(g.until) });
const day = (s: string | null) => (s ? new Date(s) : null);
export const entryOf = (e: StoredEntry): Entry => ({ toolPath: e.toolPath, rights: e.rights, deny: e.deny, from: day(e.from), until: day(e.until) });
export const grantOf = (g: StoredGrant): Grant => ({ school: g.school, year: g.year, calendar: g.calendar, modify: g.modify, from: day(g.from), until: day(g.until) });

/**
 * Keeps the group's tool rights and calendar rights as they are now, inside the caller's
 * transaction (after its change), numbered after the group's previous version.
 */
export async function recordRightsVersion(tx: Db, scope: DistrictScope, groupId: string, by: { id: string; name: string } | null, reason: string): Promise<number> {
  const [entries, grants] = await Promise.all([readEntries(tx, scope, { groupId }), readGrants(tx, scope, { groupId })]);
  const [row] = await tx
    .insert(groupRightsVersions)
    .values({
      districtId: scope.districtId,
      groupId,
      number: sql`(select coalesce(max(${groupRightsVersions.number}), 0) + 1 from ${groupRightsVersions} where ${groupRightsVersions.groupId} = ${groupId})`,
      savedById: by?.id ?? null,
      savedByName: by?.name ?? null,
      reason,
      entries: entries.map(storeEntry),
      calendarGrants: grants.map(storeGrant),
    })
    .returning({ number: groupRightsVersions.number });
  return row!.number;
}

/** The group's saved versions, newest first (without their contents). */
export async function listRightsVersions(db: Db, scope: DistrictScope, groupId: string) {
  return db
    .select({
      number: groupRightsVersions.number,
      savedAt: groupRightsVersions.savedAt,
      savedBy: groupRightsVersions.savedByName,
      reason: groupRightsVersions.reason,
      entryCount: sql<number>`jsonb_array_length(${groupRightsVersions.entries})`.mapWith(Number),
      calendarGrantCount: sql<number>`jsonb_array_length(${groupRightsVersions.calendarGrants})`.mapWith(Number),
    })
    .from(groupRightsVersions)
    .where(inDistrict(groupRightsVersions, scope, eq(groupRightsVersions.groupId, groupId)))
    .orderBy(desc(groupRightsVersions.number));
}

export async function findRightsVersion(db: Db, scope: DistrictScope, groupId: string, number: number): Promise<RightsVersionRow | null> {
  const [row] = await db
    .select()
    .from(groupRightsVersions)
    .where(inDistrict(groupRightsVersions, scope, and(eq(groupRightsVersions.groupId, groupId), eq(groupRightsVersions.number, number))))
    .orderBy(asc(groupRightsVersions.number))
    .limit(1);
  return row ?? null;
}
