import { asc, desc, eq, isNull, sql } from "drizzle-orm";
import type { Db } from "../../platform/db/connect.js";
import { apiTokens, serviceAccounts } from "../../platform/db/schema/api-tokens.js";
import { users } from "../../platform/db/schema/users.js";
import { inDistrict, type DistrictScope } from "../../platform/db/tenancy.js";

const tokenColumns = {
  id: apiTokens.id,
  name: apiTokens.name,
  serviceAccountId: apiTokens.serviceAccountId,
  serviceAccount: users.username,
  hint: apiTokens.hint,
  scopes: apiTokens.scopes,
  createdAt: apiTokens.createdAt,
  createdBy: apiTokens.createdByName,
  lastUsedAt: apiTokens.lastUsedAt,
  expiresAt: apiTokens.expiresAt,
  revokedAt: apiTokens.revokedAt,
};

type TokenRow = { [K in keyof typeof tokenColumns]: (typeof tokenColumns)[K]["_"]["data"] } & { revokedAt: Date | null; lastUsedAt: Date | null; createdBy: string | null };

export function withStatus(row: TokenRow, now: Date) {
  return { ...row, status: row.revokedAt ? ("revoked" as const) : row.expiresAt <= now ? ("expired" as const) : ("active" as const) };
}

/** The district's tokens, newest first (revoked and expired ones too: the history stays readable). */
export async function listTokens(db: Db, scope: DistrictScope, now: Date) {
  const rows = await db.select(tokenColumns).from(apiTokens).innerJoin(users, eq(users.id, apiTokens.serviceAccountId)).where(inDistrict(apiTokens, scope)).orderBy(desc(apiTokens.createdAt), asc(apiTokens.name));
  return rows.map((r) => withStatus(r as TokenRow, now));
}

export async function findToken(db: Db, scope: DistrictScope, tokenId: string) {
  const [row] = await db.select(tokenColumns).from(apiTokens).innerJoin(users, eq(users.id, apiTokens.serviceAccountId)).where(inDistrict(apiTokens, scope, eq(apiTokens.id, tokenId))).limit(1);
  return (row as TokenRow | undefined) ?? null;
}

export async function listServiceAccounts(db: Db, scope: DistrictScope, now: Date) {
  return db
    .select({
      userId: users.id,
      username: users.username,
      displayName: users.displayName,
      disabled: users.disabled,
      productSecurityRole: users.productSecurityRole,
      createdAt: serviceAccounts.createdAt,
      activeTokens: sql<number>`(select count(*) from ${apiTokens} t where t.service_account_id = ${serviceAccounts.userId} and t.revoked_at is null and t.expires_at > ${now})`.mapWith(Number),
    })
    .from(serviceAccounts)
    .innerJoin(users, eq(users.id, serviceAccounts.userId))
    .where(inDistrict(serviceAccounts, scope))
    .orderBy(asc(users.username));
}

/** The district's user by username (case-insensitive), and whether it is a service account. */
export async function findAccountByName(db: Db, scope: DistrictScope, username: string) {
  const [row] = await db
    .select({ user: users, serviceAccountId: serviceAccounts.userId })
    .from(users)
    .leftJoin(serviceAccounts, eq(serviceAccounts.userId, users.id))
    .where(inDistrict(users, scope, sql`lower(${users.username}) = lower(${username})`))
    .limit(1);
  return row ?? null;
}

export async function findServiceAccount(db: Db, scope: DistrictScope, userId: string) {
  const [row] = await db.select({ user: users }).from(serviceAccounts).innerJoin(users, eq(users.id, serviceAccounts.userId)).where(inDistrict(serviceAccounts, scope, eq(serviceAccounts.userId, userId))).limit(1);
  return row?.user ?? null;
}

/** Revokes live tokens (one, or all of a service account); answers those revoked. */
export async function markRevoked(db: Db, scope: DistrictScope, which: { tokenId: string } | { serviceAccountId: string }, now: Date) {
  const target = "tokenId" in which ? eq(apiTokens.id, which.tokenId) : eq(apiTokens.serviceAccountId, which.serviceAccountId);
  return db.update(apiTokens).set({ revokedAt: now }).where(inDistrict(apiTokens, scope, target, isNull(apiTokens.revokedAt))).returning({ id: apiTokens.id, name: apiTokens.name, hint: apiTokens.hint });
}
