import { and, eq, gt, isNull, lt, sql } from "drizzle-orm";
import { LOCKOUT, type AttemptCounts } from "../../domain/auth/lockout.js";
import type { Db } from "../../platform/db/connect.js";
import { signInAttempts } from "../../platform/db/schema/auth.js";

/** The row of an account across every address. */
export const ALL_ADDRESSES = "*";

export type AttemptRow = typeof signInAttempts.$inferSelect;

/** "<district id | vendor>:<lower-case username>": the same key whether or not such a user exists. */
export function accountKey(districtId: string | null, username: string): string {
  return `${districtId ?? "vendor"}:${username.trim().toLowerCase()}`;
}

const t = signInAttempts;
const ts = (d: Date) => sql`${d.toISOString()}::timestamptz`;

/**
 * Counts one attempt in the address's one-minute window (the sign-in rate limit) and returns the
 * address's row, created when missing. One statement, so concurrent servers count exactly.
 */
export async function countAttempt(db: Db, key: string, address: string, now: Date): Promise<AttemptRow> {
  const windowOver = sql`${t.windowStartedAt} is null or ${t.windowStartedAt} <= ${ts(now)} - interval '1 minute'`;
  const [row] = await db
    .insert(t)
    .values({ accountKey: key, address, windowStartedAt: now, windowAttempts: 1 })
    .onConflictDoUpdate({
      target: [t.accountKey, t.address],
      set: {
        windowStartedAt: sql`case when ${windowOver} then ${ts(now)} else ${t.windowStartedAt} end`,
        windowAttempts: sql`case when ${windowOver} then 1 else ${t.windowAttempts} + 1 end`,
      },
    })
    .returning();
  return row!;
}

export async function readAttempts(db: Db, key: string, address: string): Promise<AttemptRow | undefined> {
  const [row] = await db.select().from(t).where(and(eq(t.accountKey, key), eq(t.address, address))).limit(1);
  return row;
}

/**
 * One more failure from this address and on the account as a whole. The address locks at the
 * threshold, for a time that doubles with each lock; the count starts again after a lock.
 * Returns the address's row and whether this failure locked it.
 */
export async function recordFailure(db: Db, key: string, address: string, userId: string | null, now: Date): Promise<{ row: AttemptRow; locked: boolean }> {
  const reaches = sql`${t.failures} + 1 >= ${LOCKOUT.perAddress}`;
  const lockFor = sql`least(interval '1 minute' * ${LOCKOUT.lockMinutes} * power(2, ${t.lockouts}), interval '1 minute' * ${LOCKOUT.maxLockMinutes})`;
  const [row] = await db
    .insert(t)
    .values({ accountKey: key, address, userId, failures: 1, lastFailureAt: now })
    .onConflictDoUpdate({
      target: [t.accountKey, t.address],
      set: {
        userId,
        failures: sql`case when ${reaches} then 0 else ${t.failures} + 1 end`,
        lockouts: sql`case when ${reaches} then ${t.lockouts} + 1 else ${t.lockouts} end`,
        lockedUntil: sql`case when ${reaches} then ${ts(now)} + ${lockFor} else ${t.lockedUntil} end`,
        lastFailureAt: now,
      },
    })
    .returning();
  await db
    .insert(t)
    .values({ accountKey: key, address: ALL_ADDRESSES, userId, failures: 1, lastFailureAt: now })
    .onConflictDoUpdate({ target: [t.accountKey, t.address], set: { userId, failures: sql`${t.failures} + 1`, lastFailureAt: now } });
  // The count restarts only when this failure reached the threshold (a first failure inserts 1).
  return { row: row!, locked: row!.failures === 0 };
}

/** A success makes the address familiar and clears its count and the account's. */
export async function recordSuccess(db: Db, key: string, address: string, userId: string, now: Date): Promise<void> {
  await db
    .insert(t)
    .values({ accountKey: key, address, userId, lastSuccessAt: now })
    .onConflictDoUpdate({ target: [t.accountKey, t.address], set: { userId, failures: 0, lockouts: 0, lockedUntil: null, lastSuccessAt: now } });
  await db.update(t).set({ failures: 0 }).where(and(eq(t.accountKey, key), eq(t.address, ALL_ADDRESSES)));
}

/** Clears every lock and count of an account (an administrator's unlock); returns the addresses that were locked. */
export async function clearAttempts(db: Db, key: string, now: Date): Promise<string[]> {
  const locked = await db
    .select({ address: t.address })
    .from(t)
    .where(and(eq(t.accountKey, key), gt(t.lockedUntil, now)));
  await db.update(t).set({ failures: 0, lockouts: 0, lockedUntil: null }).where(eq(t.accountKey, key));
  return locked.map((r) => r.address).sort();
}

export function asCounts(row: AttemptRow | undefined): AttemptCounts | undefined {
  return row && { failures: row.failures, lockedUntil: row.lockedUntil, lastFailureAt: row.lastFailureAt, lastSuccessAt: row.lastSuccessAt };
}

/**
 * Deletes up to 100 day-old rows of names that match no user. Called on each failure for an
 * unknown name, so guessing random usernames cannot grow the table beyond about a day of guesses.
 */
export async function pruneUnknownNames(db: Db, now: Date): Promise<void> {
  const stale = db
    .select({ accountKey: t.accountKey, address: t.address })
    .from(t)
    .where(and(isNull(t.userId), lt(t.lastFailureAt, new Date(now.getTime() - 86_400_000))))
    .limit(100);
  await db.delete(t).where(sql`(${t.accountKey}, ${t.address}) in (${stale})`);
}
