import { asc, eq, ilike, or, sql } from "drizzle-orm";
import type { Db } from "../../platform/db/connect.js";
import { userGroupMembers, userGroups } from "../../platform/db/schema/rights.js";
import { signInAttempts } from "../../platform/db/schema/auth.js";
import { users } from "../../platform/db/schema/users.js";
import { serviceAccounts } from "../../platform/db/schema/api-tokens.js";
import { inDistrict, type DistrictScope } from "../../platform/db/tenancy.js";

const userColumns = {
  id: users.id,
  username: users.username,
  displayName: users.displayName,
  email: users.email,
  productSecurityRole: users.productSecurityRole,
  disabled: users.disabled,
  locked: sql<boolean>`exists (select 1 from ${signInAttempts} a where a.user_id = "users"."id" and a.locked_until > now())`,
  lastLoginAt: users.lastLoginAt,
  version: users.version,
  groupCount: sql<number>`(select count(*) from ${userGroupMembers} m where m.user_id = "users"."id")`.mapWith(Number),
  serviceAccount: sql<boolean>`exists (select 1 from ${serviceAccounts} s where s.user_id = "users"."id")`,
};

/** District users by username; `search` matches username, name or email. At most `limit`. */
export async function searchUsers(db: Db, scope: DistrictScope, search: string, limit: number) {
  const like = `%${search.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  const match = search ? or(ilike(users.username, like), ilike(users.displayName, like), ilike(users.email, like)) : undefined;
  return db.select(userColumns).from(users).where(inDistrict(users, scope, match)).orderBy(asc(users.username)).limit(limit);
}

export async function findUserAccount(db: Db, scope: DistrictScope, userId: string) {
  const [row] = await db.select(userColumns).from(users).where(inDistrict(users, scope, eq(users.id, userId))).limit(1);
  return row ?? null;
}

export async function findUserByUsername(db: Db, scope: DistrictScope, username: string) {
  const [row] = await db.select(userColumns).from(users).where(inDistrict(users, scope, sql`lower(${users.username}) = lower(${username})`)).limit(1);
  return row ?? null;
}

export async function readUserGroups(db: Db, scope: DistrictScope, userId: string) {
  return db
    .select({ groupId: userGroups.id, name: userGroups.name, from: userGroupMembers.validFrom, until: userGroupMembers.validUntil })
    .from(userGroupMembers)
    .innerJoin(userGroups, eq(userGroups.id, userGroupMembers.groupId))
    .where(inDistrict(userGroupMembers, scope, eq(userGroupMembers.userId, userId)))
    .orderBy(asc(userGroups.name));
}
