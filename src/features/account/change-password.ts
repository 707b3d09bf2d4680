import { eq } from "drizzle-orm";
import { recordAudit } from "../../platform/audit.js";
import { hashPassword, passwordProblem, verifyPassword } from "../../platform/auth/passwords.js";
import { revokeUserSessions } from "../../platform/auth/session-store.js";
import type { AppDeps } from "../../platform/deps.js";
import { users } from "../../platform/db/schema/users.js";
import { AppError, notFound } from "../../platform/http/errors.js";
import type { Actor } from "../../platform/http/actor.js";
import { checkUnderLockout } from "../auth/attempt-guard.js";

/**
 * Changes the caller's password and signs out every other session of theirs. Wrong current
 * passwords count towards the same smart lockout as sign-in, so an open session cannot be used
 * to guess the password.
 */
export async function changePassword(deps: AppDeps, actor: Actor, input: { currentPassword: string; newPassword: string }, address: string) {
  const { db } = deps.database;
  const [user] = await db.select().from(users).where(eq(users.id, actor.userId)).limit(1);
  if (!user) throw notFound("Your account");
  if (!(await checkUnderLockout(deps, user, address, "account.password-check-failed", () => verifyPassword(user.passwordHash, input.currentPassword)))) {
    throw new AppError(400, "current-password-wrong", "Your current password is not right.", { path: "body.currentPassword" });
  }
  const problem = await passwordProblem(input.newPassword, user.username);
  if (problem) throw new AppError(400, "password-too-weak", problem, { path: "body.newPassword" });
  const now = deps.clock.now();
  await db.transaction(async (tx) => {
    await tx.update(users).set({ passwordHash: await hashPassword(input.newPassword), passwordChangedAt: now }).where(eq(users.id, user.id));
    await revokeUserSessions(tx, user.id, now, actor.sessionId);
    await recordAudit(tx, {
      districtId: user.districtId,
      actor: { id: user.id, name: user.username },
      action: "account.password-changed",
      target: { type: "user", id: user.id, name: user.username },
    });
  });
}
