import { and, eq, sql } from "drizzle-orm";
import { recordAudit } from "../../platform/audit.js";
import type { Db } from "../../platform/db/connect.js";
import { users } from "../../platform/db/schema/users.js";
import { inDistrict } from "../../platform/db/tenancy.js";
import type { DistrictActor } from "../../platform/http/actor.js";
import { AppError, notFound } from "../../platform/http/errors.js";
import { disableAccount } from "../governance/dormant-accounts.js";
import { auditActor } from "../rights/guards.js";
import { findUserAccount } from "../rights/repo-users.js";
import { createUser } from "./create-user.js";

export type NewStaffAccount = { username: string; displayName: string; email?: string | undefined };

/**
 * A new staff account of the actor's district, with no password and no role: the administrator
 * then sends a set-password link and adds the person to groups. Audited in the same transaction.
 */
export async function createStaffAccount(db: Db, actor: DistrictActor, input: NewStaffAccount) {
  const created = await db.transaction((tx) => createUser(tx, { districtId: actor.districtId, ...input }, auditActor(actor)));
  return (await findUserAccount(db, actor, created.id))!;
}

/**
 * Disables (sign-in refused, open sessions ended) or re-enables one account of the district.
 * Your own account cannot be disabled: that would lock you out mid-task.
 */
export async function setAccountDisabled(db: Db, actor: DistrictActor, userId: string, disabled: boolean, reason: string, now: Date) {
  if (disabled && userId === actor.userId) {
    throw new AppError(422, "cannot-disable-self", "You cannot disable the account you are signed in with. Ask another administrator if it must be disabled.");
  }
  await db.transaction(async (tx) => {
    const [user] = await tx.select({ id: users.id, username: users.username, disabled: users.disabled }).from(users).where(inDistrict(users, actor, eq(users.id, userId))).for("update");
    if (!user) throw notFound("That user");
    if (user.disabled === disabled) return;
    if (disabled) {
      await disableAccount(tx, { ...user, districtId: actor.districtId }, auditActor(actor), reason || "disabled by an administrator", now);
      return;
    }
    await tx.update(users).set({ disabled: false, version: sql`${users.version} + 1` }).where(and(eq(users.id, user.id), eq(users.disabled, true)));
    await recordAudit(tx, {
      districtId: actor.districtId,
      actor: auditActor(actor),
      action: "user.enabled",
      target: { type: "user", id: user.id, name: user.username },
      before: { disabled: true },
      after: { disabled: false, ...(reason ? { reason } : {}) },
    });
  });
  return (await findUserAccount(db, actor, userId))!;
}
