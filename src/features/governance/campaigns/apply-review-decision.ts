import { and, eq } from "drizzle-orm";
import type { Db } from "../../../platform/db/connect.js";
import { userGroupMembers } from "../../../platform/db/schema/rights.js";
import { inDistrict } from "../../../platform/db/tenancy.js";
import type { DistrictActor } from "../../../platform/http/actor.js";
import { AppError } from "../../../platform/http/errors.js";
import { getUserRights, replaceUserRights, setUserRole } from "../../rights/manage-users.js";
import { addMember, removeMember } from "../../rights/manage-members.js";
import type { ItemRow } from "./campaigns-repo.js";

const endOf = (until: Date | null, endOn: Date) => (until && until < endOn ? until : endOn);

/**
 * Carries out one decision through the same operations as any change (so the same rules,
 * conflict checks and audit rows, done by `reviewer`), and says in words what happened.
 */
export async function applyReviewDecision(db: Db, reviewer: DistrictActor, item: ItemRow, decision: "keep" | "remove" | "end", now: Date): Promise<string> {
  if (decision === "keep") return "kept";
  try {
    if (item.source === "group") {
      if (decision === "remove") {
        await removeMember(db, reviewer, item.groupId!, item.userId, now);
        return `removed from ${item.groupName}`;
      }
      const [m] = await db.select().from(userGroupMembers).where(inDistrict(userGroupMembers, reviewer, and(eq(userGroupMembers.groupId, item.groupId!), eq(userGroupMembers.userId, item.userId))));
      if (!m) return `already not a member of ${item.groupName}`;
      const until = endOf(m.validUntil, item.endOn!);
      await addMember(db, reviewer, item.groupId!, { userId: item.userId, from: m.validFrom ?? undefined, until, confirmOverLimit: true }, now);
      return `membership of ${item.groupName} ends ${until.toISOString().slice(0, 10)}`;
    }
    const account = await getUserRights(db, reviewer, item.userId, now);
    if (item.source === "role") {
      if (decision === "end") return "kept: a role cannot end on a date; remove it instead";
      await setUserRole(db, reviewer, item.userId, { role: "none", version: account.version });
      return "Product Security Role removed";
    }
    const entries = decision === "remove" ? [] : account.entries.map((e) => ({ ...e, rights: e.rights as string, from: e.from ?? undefined, until: endOf(e.until, item.endOn!) }));
    await replaceUserRights(db, reviewer, item.userId, { version: account.version, entries, confirmPastUntil: true }, now);
    return decision === "remove" ? "individual rights removed" : `individual rights end ${item.endOn!.toISOString().slice(0, 10)}`;
  } catch (e) {
    if (e instanceof AppError && e.status < 500) return `not applied: ${e.message}`;
    throw e;
  }
}
