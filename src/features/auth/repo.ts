import { and, eq, isNull, sql } from "drizzle-orm";
import type { Db } from "../../platform/db/connect.js";
import { districts } from "../../platform/db/schema/districts.js";
import { users } from "../../platform/db/schema/users.js";

export const MAX_FAILED_LOGINS = 5;

export async function findDistrictBySlug(db: Db, slug: string) {
  const [row] = await db.select().from(districts).where(eq(districts.slug, slug.toLowerCase())).limit(1);
  return row ?? null;
}

/** Usernames match case-insensitively within the district (or among vendor staff when districtId is null). */
export async function findLoginUser(db: Db, districtId: string | null, username: string) {
  const [row] = await db
    .select()
    .from(users)
    .where(
      and(
        districtId ? eq(users.districtId, districtId) : isNull(users.districtId),
        sql`lower(${users.username}) = lower(${username})`,
      ),
    )
    .limit(1);
  return row ?? null;
}

/** Counts one failure atomically and locks at the limit; returns the new state. */
export async function recordFailedLogin(db: Db, userId: string, now: Date) {
  const [row] = await db
    .update(users)
    .set({
      failedLogins: sql`${users.failedLogins} + 1`,
      lockedAt: sql`case when ${users.failedLogins} + 1 >= ${MAX_FAILED_LOGINS} then coalesce(${users.lockedAt}, ${now.toISOString()}::timestamptz) else ${users.lockedAt} end`,
    })
    .where(eq(users.id, userId))
    .returning({ failedLogins: users.failedLogins, lockedAt: users.lockedAt });
  return row!;
}

export async function recordSuccessfulLogin(db: Db, userId: string, now: Date) {
  await db.update(users).set({ failedLogins: 0, lastLoginAt: now }).where(eq(users.id, userId));
}
