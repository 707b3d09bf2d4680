import { and, eq, gt, isNull, ne, or, sql } from "drizzle-orm";
import { recordAudit } from "../../platform/audit.js";
import type { Db } from "../../platform/db/connect.js";
import { userGroupMembers } from "../../platform/db/schema/rights.js";
import { inDistrict } from "../../platform/db/tenancy.js";
import type { DistrictActor } from "../../platform/http/actor.js";
import { AppError, notFound } from "../../platform/http/errors.js";
import { checkMembershipChange } from "./check-membership-change.js";
import { auditActor } from "./guards.js";
import { refusePastUntil } from "./past-until.js";
import { findGroup } from "./repo-groups.js";
import { bumpRightsVersion } from "./rights-version.js";
import { findDistrictUser } from "./user-version.js";

type Window = { from: Date | null; until: Date | null };
export type AddMember = { userId: string; from?: Date | undefined; until?: Date | undefined; confirmOverLimit: boolean; confirmPastUntil?: boolean; expected?: Window | null | undefined };

const sameTime = (a: Date | null, b: Date | null) => (a?.getTime() ?? null) === (b?.getTime() ?? null);

/** Optimistic concurrency for a membership: what the caller saw must still be there. */
function checkExpected(expected: Window | null | undefined, existing: { validFrom: Date | null; validUntil: Date | null } | undefined, username: string): void {
  if (expected === undefined) return;
  const current = existing ? { from: existing.validFrom, until: existing.validUntil } : null;
  const same = expected === null || current === null ? expected === current : sameTime(expected.from, current.from) && sameTime(expected.until, current.until);
  if (same) return;
  throw new AppError(409, "membership-conflict", `${username}'s membership was changed by someone else after you opened it. Nothing was saved: review it and apply your change again.`, {
    path: "body.expected",
    detail: { current },
  });
}

/**
 * Adds a user to a group, or changes the dates of an existing membership. A group with a
 * member limit refuses to go past it unless the caller confirms; the confirmation is audited.
 */
export async function addMember(db: Db, actor: DistrictActor, groupId: string, input: AddMember, now: Date) {
  if (input.from && input.until && input.from >= input.until) {
    throw new AppError(422, "bad-time-bounds", "The membership's end date must be after its start date.", { path: "body.until" });
  }
  return db.transaction(async (tx) => {
    // the group row lock serialises concurrent adds, so two of them cannot both slip under the limit
    const group = await findGroup(tx, actor, groupId, true);
    if (!group) throw notFound("That group");
    const user = await findDistrictUser(tx, actor, input.userId);
    if (!user) throw notFound("That user");
    await checkMembershipChange(tx, actor, group, user.id, now);
    const [existing] = await tx.select().from(userGroupMembers).where(inDistrict(userGroupMembers, actor, eq(userGroupMembers.groupId, groupId), eq(userGroupMembers.userId, user.id)));
    checkExpected(input.expected, existing, user.username);
    if (!input.confirmPastUntil && !sameTime(input.until ?? null, existing?.validUntil ?? null)) {
      refusePastUntil(input.until, now, "body.until", `${user.username}'s membership of "${group.name}"`);
    }
    let overLimit = false;
    if (group.memberLimit !== null) {
      const [row] = await tx
        .select({ n: sql<number>`count(*)`.mapWith(Number) })
        .from(userGroupMembers)
        .where(inDistrict(userGroupMembers, actor, eq(userGroupMembers.groupId, groupId), ne(userGroupMembers.userId, user.id), or(isNull(userGroupMembers.validUntil), gt(userGroupMembers.validUntil, now))));
      overLimit = row!.n >= group.memberLimit;
      if (overLimit && !input.confirmOverLimit) {
        throw new AppError(409, "member-limit-reached", `"${group.name}" is limited to ${group.memberLimit} ${group.memberLimit === 1 ? "member" : "members"} and already has ${row!.n}. Its rights should go to few people: confirm to add ${user.username} anyway (the confirmation is recorded in the audit log).`, {
          detail: { memberLimit: group.memberLimit, members: row!.n },
        });
      }
    }
    const window = { validFrom: input.from ?? null, validUntil: input.until ?? null };
    if (existing) await tx.update(userGroupMembers).set(window).where(eq(userGroupMembers.id, existing.id));
    else await tx.insert(userGroupMembers).values({ districtId: actor.districtId, groupId, userId: user.id, ...window });
    await recordAudit(tx, {
      districtId: actor.districtId,
      actor: auditActor(actor),
      action: existing ? "group.member-changed" : "group.member-added",
      target: { type: "group", id: groupId, name: group.name },
      before: existing ? { userId: user.id, username: user.username, from: existing.validFrom, until: existing.validUntil } : undefined,
      after: { userId: user.id, username: user.username, from: window.validFrom, until: window.validUntil, ...(overLimit ? { overLimitConfirmed: true, memberLimit: group.memberLimit } : {}) },
    });
    await bumpRightsVersion(tx, actor, { users: [user.id] });
    return { overLimit };
  });
}

/** Removes a membership; with `expected`, only the one the caller saw (else 409, nothing removed). */
export async function removeMember(db: Db, actor: DistrictActor, groupId: string, userId: string, now: Date, expected?: Window): Promise<void> {
  await db.transaction(async (tx) => {
    const group = await findGroup(tx, actor, groupId, true);
    if (!group) throw notFound("That group");
    await checkMembershipChange(tx, actor, group, userId, now);
    if (expected) {
      const [existing] = await tx.select().from(userGroupMembers).where(inDistrict(userGroupMembers, actor, eq(userGroupMembers.groupId, groupId), eq(userGroupMembers.userId, userId)));
      if (existing) checkExpected(expected, existing, (await findDistrictUser(tx, actor, userId))?.username ?? "This user");
    }
    const [removed] = await tx
      .delete(userGroupMembers)
      .where(inDistrict(userGroupMembers, actor, and(eq(userGroupMembers.groupId, groupId), eq(userGroupMembers.userId, userId))))
      .returning();
    if (!removed) throw notFound("That membership");
    const user = await findDistrictUser(tx, actor, userId);
    await recordAudit(tx, {
      districtId: actor.districtId,
      actor: auditActor(actor),
      action: "group.member-removed",
      target: { type: "group", id: groupId, name: group.name },
      before: { userId, username: user?.username ?? null, from: removed.validFrom, until: removed.validUntil },
    });
    await bumpRightsVersion(tx, actor, { users: [userId] });
  });
}
