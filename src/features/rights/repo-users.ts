import { and, asc, eq, ilike, or, sql } from "drizzle-orm";
import type { Db } from "../../platform/db/connect.js";
import { userGroupMembers, userGroups } from "../../platform/db/schema/rights.js";
import { signInAttempts } from "../../platform/db/schema/auth.js";
import { users } from "../../platform/db/schema/users.js";
import { serviceAccounts } from "../../platform/db/schema/api-tokens.js";
import { inDistrict, type DistrictScope } from "../../platform/db/tenancy.js";
import { USER_SORTS } from "./sorts.js";
import { countAll, keyset, toPage, type PageQuery, type SortKey } from "../../platform/http/paging.js";

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

const userSortKeys: Record<(typeof USER_SORTS)[number], SortKey> = {
  username: { expr: sql`lower(${users.username})`, type: "text" },
  name: { expr: sql`lower(${users.displayName})`, type: "text" },
  email: { expr: sql`lower(${users.email})`, type: "text" },
  lastLogin: { expr: users.lastLoginAt, type: "timestamptz" },
  groups: { expr: sql`cast(${userColumns.groupCount} as integer)`, type: "integer" },
};

export type UserFilters = { search: string; status?: "active" | "disabled" | "locked"; role?: "none" | "student-information-system" | "sis-group-assignment" };

/** One page of district users; `search` matches username, name or email; `status` and `role` narrow it. */
export async function pageUsers(db: Db, scope: DistrictScope, query: PageQuery & UserFilters) {
  const like = `%${query.search.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  const status =
    query.status === "disabled" ? eq(users.disabled, true)
    : query.status === "locked" ? userColumns.locked
    : query.status === "active" ? and(eq(users.disabled, false), sql`not ${userColumns.locked}`)
    : undefined;
  const filter = inDistrict(
    users,
    scope,
    query.search ? or(ilike(users.username, like), ilike(users.displayName, like), ilike(users.email, like)) : undefined,
    status,
    query.role ? eq(users.productSecurityRole, query.role) : undefined,
  );
  const page = keyset(query, userSortKeys, { column: users.id, type: "uuid" });
  const rows = await db.select({ ...userColumns, pageKey: page.key }).from(users).where(and(filter, page.after)).orderBy(...page.orderBy).limit(page.limit);
  const [counted] = await db.select({ n: countAll }).from(users).where(filter);
  return toPage(rows, query, counted?.n ?? 0);
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
