import { eq, inArray } from "drizzle-orm";
import type { Db } from "../../platform/db/connect.js";
import { userGroupMembers } from "../../platform/db/schema/rights.js";
import { inDistrict } from "../../platform/db/tenancy.js";
import type { DistrictActor } from "../../platform/http/actor.js";
import { addMember, removeMember } from "./manage-members.js";

export type BulkAdd = { userIds: string[]; until?: Date | undefined; confirmOverLimit: boolean; confirmPastUntil?: boolean };

/** Who of `userIds` is a member of the group already (their dates are left alone by a bulk add). */
export async function existingMembers(tx: Db, actor: DistrictActor, groupId: string, userIds: string[]): Promise<Set<string>> {
  if (userIds.length === 0) return new Set();
  const rows = await tx.select({ userId: userGroupMembers.userId }).from(userGroupMembers).where(inDistrict(userGroupMembers, actor, eq(userGroupMembers.groupId, groupId), inArray(userGroupMembers.userId, userIds)));
  return new Set(rows.map((r) => r.userId));
}

/**
 * Adds several people to a group in one transaction: each addition is checked and audited as a
 * single one would be (escalation, member limit, past dates), and one refusal adds nobody.
 * People already in the group are left as they are.
 */
export async function addMembers(db: Db, actor: DistrictActor, groupId: string, input: BulkAdd, now: Date) {
  return db.transaction(async (tx) => {
    const wanted = [...new Set(input.userIds)];
    const already = await existingMembers(tx, actor, groupId, wanted);
    let overLimit = false;
    for (const userId of wanted.filter((id) => !already.has(id))) {
      const r = await addMember(tx, actor, groupId, { userId, until: input.until, confirmOverLimit: input.confirmOverLimit, confirmPastUntil: input.confirmPastUntil ?? false }, now);
      overLimit ||= r.overLimit;
    }
    return { added: wanted.length - already.size, alreadyMembers: already.size, overLimit };
  });
}

/** Removes several members in one transaction, each audited; one that is not a member removes nobody. */
export async function removeMembers(db: Db, actor: DistrictActor, groupId: string, userIds: string[], now: Date) {
  return db.transaction(async (tx) => {
    for (const userId of new Set(userIds)) await removeMember(tx, actor, groupId, userId, now);
    return { removed: new Set(userIds).size };
  });
}
