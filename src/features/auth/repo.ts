import { and, eq, isNull, sql } from "drizzle-orm";
import type { Db } from "../../platform/db/connect.js";
import { districts } from "../../platform/db/schema/districts.js";
import { users } from "../../platform/db/schema/users.js";

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

export async function recordSuccessfulLogin(db: Db, userId: string, now: Date) {
  await db.update(users).set({ lastLoginAt: now }).where(eq(users.id, userId));
}
