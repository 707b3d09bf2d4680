import { and, eq, isNull, lt, or } from "drizzle-orm";
import { hashRecoveryCode, totpStep } from "../../platform/auth/totp.js";
import type { Db } from "../../platform/db/connect.js";
import { mfaRecoveryCodes, users } from "../../platform/db/schema/users.js";

/**
 * Accepts a TOTP code once: the step is stored, and a step at or before the stored one is refused
 * (one statement, so two requests racing with one code cannot both win).
 */
export async function useTotpCode(db: Db, userId: string, secret: string, code: string): Promise<boolean> {
  const step = totpStep(secret, code);
  if (step === null) return false;
  const used = await db
    .update(users)
    .set({ totpLastStep: step })
    .where(and(eq(users.id, userId), or(isNull(users.totpLastStep), lt(users.totpLastStep, step))))
    .returning({ id: users.id });
  return used.length > 0;
}

/** Uses up one unused recovery code. */
export async function useRecoveryCode(db: Db, userId: string, code: string, now: Date): Promise<boolean> {
  const used = await db
    .update(mfaRecoveryCodes)
    .set({ usedAt: now })
    .where(and(eq(mfaRecoveryCodes.userId, userId), eq(mfaRecoveryCodes.codeHash, hashRecoveryCode(code)), isNull(mfaRecoveryCodes.usedAt)))
    .returning({ id: mfaRecoveryCodes.id });
  return used.length > 0;
}

/** A current authenticator code (once) or an unused recovery code, for a user with MFA on. */
export async function useSecondFactor(db: Db, user: { id: string; mfaSecret: string | null }, code: string, now: Date): Promise<boolean> {
  if (user.mfaSecret && (await useTotpCode(db, user.id, user.mfaSecret, code))) return true;
  return useRecoveryCode(db, user.id, code, now);
}
