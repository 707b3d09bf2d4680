import type { Db } from "../../src/platform/db/connect.js";
import { calendarGrants, rightEntries, userGroupMembers, userGroups } from "../../src/platform/db/schema/rights.js";

type Rights = "" | "R" | "RW" | "RWA" | "RWAD";
type EntryRow = { toolPath: string; rights: Rights; deny?: boolean; until?: Date };

/**
 * Writes rights rows straight into the tables, for tests of features that only read them
 * (reviews). Features that change rights go through the rights API instead.
 */
export async function insertGroup(
  db: Db,
  districtId: string,
  group: { name: string; memberLimit?: number; entries?: EntryRow[]; members?: { userId: string; until?: Date }[]; calendars?: { school: string; year: string; calendar: string; modify: boolean }[] },
) {
  const [row] = await db.insert(userGroups).values({ districtId, name: group.name, memberLimit: group.memberLimit ?? null }).returning();
  const groupId = row!.id;
  for (const e of group.entries ?? []) {
    await db.insert(rightEntries).values({ districtId, groupId, toolPath: e.toolPath, rights: e.rights, deny: e.deny ?? false, validUntil: e.until ?? null });
  }
  for (const m of group.members ?? []) {
    await db.insert(userGroupMembers).values({ districtId, groupId, userId: m.userId, validUntil: m.until ?? null });
  }
  for (const c of group.calendars ?? []) await db.insert(calendarGrants).values({ districtId, groupId, ...c });
  return groupId;
}

export async function insertUserEntry(db: Db, districtId: string, userId: string, e: EntryRow) {
  await db.insert(rightEntries).values({ districtId, userId, toolPath: e.toolPath, rights: e.rights, deny: e.deny ?? false, validUntil: e.until ?? null });
}
