import { and, eq, isNull } from "drizzle-orm";
import { recordAudit } from "../../platform/audit.js";
import { rotateSession, type SessionRow } from "../../platform/auth/session-store.js";
import { hashRecoveryCode, verifyTotp } from "../../platform/auth/totp.js";
import type { AppDeps } from "../../platform/deps.js";
import { mfaRecoveryCodes, users } from "../../platform/db/schema/users.js";
import { AppError } from "../../platform/http/errors.js";
import { MAX_FAILED_LOGINS, recordFailedLogin, recordSuccessfulLogin } from "./repo.js";

/**
 * Second step of sign-in: an authenticator code, or one unused recovery code. Wrong codes count
 * towards the same lockout as wrong passwords. Success rotates the session token.
 */
export async function verifyMfa(deps: AppDeps, session: SessionRow, code: string, requestId: string): Promise<string> {
  const { db } = deps.database;
  const now = deps.clock.now();
  if (session.stage !== "mfa") throw new AppError(409, "mfa-not-pending", "This session is not waiting for an authenticator code.");
  const [user] = await db.select().from(users).where(eq(users.id, session.userId)).limit(1);
  if (!user?.mfaSecret) throw new AppError(409, "mfa-not-enabled", "This account has no authenticator set up.");
  if (user.lockedAt) throw new AppError(423, "account-locked", "This account is locked. Ask your system administrator to unlock it.");

  const ok = verifyTotp(user.mfaSecret, code) || (await useRecoveryCode(deps, user.id, code, now));
  const audit = (action: string) =>
    recordAudit(db, { districtId: user.districtId, actor: { id: user.id, name: user.username }, action, target: { type: "user", id: user.id, name: user.username }, requestId });
  if (!ok) {
    const state = await recordFailedLogin(db, user.id, now);
    await audit("auth.mfa-failed");
    if (state.lockedAt) {
      if (state.failedLogins === MAX_FAILED_LOGINS) await audit("auth.account-locked");
      throw new AppError(423, "account-locked", "Too many wrong codes: this account is now locked. Ask your system administrator to unlock it.");
    }
    throw new AppError(401, "mfa-code-invalid", "That code is not right. Enter the current 6-digit code from your authenticator app, or a recovery code.", { path: "body.code" });
  }
  await recordSuccessfulLogin(db, user.id, now);
  await audit("auth.signed-in");
  return rotateSession(db, session.id, "active", now);
}

async function useRecoveryCode(deps: AppDeps, userId: string, code: string, now: Date): Promise<boolean> {
  const used = await deps.database.db
    .update(mfaRecoveryCodes)
    .set({ usedAt: now })
    .where(and(eq(mfaRecoveryCodes.userId, userId), eq(mfaRecoveryCodes.codeHash, hashRecoveryCode(code)), isNull(mfaRecoveryCodes.usedAt)))
    .returning({ id: mfaRecoveryCodes.id });
  return used.length > 0;
}
