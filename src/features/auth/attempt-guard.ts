import { refusedUntil } from "../../domain/auth/lockout.js";
import { recordAudit } from "../../platform/audit.js";
import type { AppDeps } from "../../platform/deps.js";
import { AppError } from "../../platform/http/errors.js";
import { accountKey, ALL_ADDRESSES, asCounts, readAttempts, recordFailure, recordSuccess } from "./attempts-repo.js";

export type CheckedUser = { id: string; districtId: string | null; username: string };

export function tooManyAttempts(until: Date, now: Date) {
  const seconds = Math.max(1, Math.ceil((until.getTime() - now.getTime()) / 1000));
  return new AppError(429, "too-many-attempts", `Too many wrong attempts on this account from here. Try again in ${Math.ceil(seconds / 60)} minute${seconds > 60 ? "s" : ""}.`, {
    detail: { retryAfterSeconds: seconds },
  });
}

/**
 * Runs a secret check (a password, an authenticator or recovery code) for a signed-in or
 * half-signed-in user under the same smart lockout as sign-in: refused while the account is
 * locked for this address or paused, a wrong answer counted, a right one clearing the count.
 */
export async function checkUnderLockout(
  deps: AppDeps,
  user: CheckedUser,
  address: string,
  failedAction: string,
  check: () => Promise<boolean>,
): Promise<boolean> {
  const { db } = deps.database;
  const now = deps.clock.now();
  const key = accountKey(user.districtId, user.username);
  const until = refusedUntil(asCounts(await readAttempts(db, key, address)), asCounts(await readAttempts(db, key, ALL_ADDRESSES)), now);
  if (until) throw tooManyAttempts(until, now);
  const target = { type: "user", id: user.id, name: user.username };
  const actor = { id: user.id, name: user.username };
  if (await check()) {
    await recordSuccess(db, key, address, user.id, now);
    return true;
  }
  const { locked, row } = await recordFailure(db, key, address, user.id, now);
  await recordAudit(db, { districtId: user.districtId, actor, action: failedAction, target });
  if (locked) {
    await recordAudit(db, { districtId: user.districtId, actor, action: "auth.account-locked", target, after: { address, lockedUntil: row.lockedUntil } });
  }
  return false;
}
