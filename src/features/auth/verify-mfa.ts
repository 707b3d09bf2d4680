import { eq } from "drizzle-orm";
import { recordAudit } from "../../platform/audit.js";
import { rotateSession, type SessionRow } from "../../platform/auth/session-store.js";
import type { AppDeps } from "../../platform/deps.js";
import { users } from "../../platform/db/schema/users.js";
import { AppError } from "../../platform/http/errors.js";
import { checkUnderLockout } from "./attempt-guard.js";
import { recordSuccessfulLogin } from "./repo.js";
import { useSecondFactor } from "./use-second-factor.js";

/**
 * Second step of sign-in: an authenticator code (each accepted once), or one unused recovery
 * code. Wrong codes count towards the same smart lockout as wrong passwords. Success rotates the
 * session token.
 */
export async function verifyMfa(deps: AppDeps, session: SessionRow, code: string, address: string): Promise<string> {
  const { db } = deps.database;
  const now = deps.clock.now();
  if (session.stage !== "mfa") throw new AppError(409, "mfa-not-pending", "This session is not waiting for an authenticator code.");
  const [user] = await db.select().from(users).where(eq(users.id, session.userId)).limit(1);
  if (!user?.mfaSecret) throw new AppError(409, "mfa-not-enabled", "This account has no authenticator set up.");

  const ok = await checkUnderLockout(deps, user, address, "auth.mfa-failed", () => useSecondFactor(db, user, code, now));
  if (!ok) {
    throw new AppError(401, "mfa-code-invalid", "That code is not right, or was used already. Enter the current 6-digit code from your authenticator app, or a recovery code.", { path: "body.code" });
  }
  await recordSuccessfulLogin(db, user.id, now);
  await recordAudit(db, { districtId: user.districtId, actor: { id: user.id, name: user.username }, action: "auth.signed-in", target: { type: "user", id: user.id, name: user.username } });
  return rotateSession(db, session.id, "active", now);
}
