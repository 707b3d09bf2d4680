import { asc, isNull, sql } from "drizzle-orm";
import type { Db } from "../../platform/db/connect.js";
import { signInAttempts } from "../../platform/db/schema/auth.js";
import { users } from "../../platform/db/schema/users.js";

/** Vendor support staff, for the vendor's Staff page: who is locked out, who has MFA. */
export async function listVendorStaff(db: Db) {
  return db
    .select({
      id: users.id,
      username: users.username,
      displayName: users.displayName,
      email: users.email,
      disabled: users.disabled,
      mfaEnabled: sql<boolean>`${users.mfaEnabledAt} is not null`,
      locked: sql<boolean>`exists (select 1 from ${signInAttempts} a where a.user_id = "users"."id" and a.locked_until > now())`,
      lastLoginAt: users.lastLoginAt,
    })
    .from(users)
    .where(isNull(users.districtId))
    .orderBy(asc(users.username));
}
