import { and, eq, isNull, sql } from "drizzle-orm";
import type { Db } from "../db/connect.js";
import { prepared } from "../db/prepared.js";
import { apiTokens, serviceAccounts, type ApiTokenScope } from "../db/schema/api-tokens.js";
import { districtRightsState } from "../db/schema/rights.js";
import { users } from "../db/schema/users.js";
import { newToken, sha256 } from "./tokens.js";

/** Every Gatehouse API token starts so: a secret scanner (or a person) can tell one in a log. */
export const API_TOKEN_PREFIX = "gh_";

// Writing last_used_at on every call would turn every read into a write; a minute is precise enough.
const TOUCH_EVERY_MS = 60_000;

export type ApiTokenRow = typeof apiTokens.$inferSelect;
export type UserRow = typeof users.$inferSelect;

/** A new secret and what is stored of it (its hash and a hint to tell tokens apart on screen). */
export function mintApiToken(): { token: string; tokenHash: string; hint: string } {
  const token = API_TOKEN_PREFIX + newToken(32);
  return { token, tokenHash: sha256(token), hint: token.slice(-4) };
}

function prepareFindApiToken(db: Db) {
  return db
    .select({ token: apiTokens, user: users, rightsVersion: sql`coalesce(${districtRightsState.rightsVersion}, 0)`.mapWith(Number) })
    .from(apiTokens)
    .innerJoin(serviceAccounts, eq(serviceAccounts.userId, apiTokens.serviceAccountId))
    .innerJoin(users, eq(users.id, serviceAccounts.userId))
    .leftJoin(districtRightsState, eq(districtRightsState.districtId, users.districtId))
    .where(and(eq(apiTokens.tokenHash, sql.placeholder("tokenHash")), isNull(apiTokens.revokedAt)))
    .limit(1)
    .prepare("gh_find_api_token");
}

export type FoundApiToken = { token: ApiTokenRow; user: UserRow; rightsVersion: number };

/**
 * The live token behind a bearer secret with its service account, or null when unknown,
 * revoked, expired, or its service account is disabled. One statement, like a session lookup.
 */
export async function findApiToken(db: Db, secret: string, now: Date): Promise<FoundApiToken | null> {
  if (!secret.startsWith(API_TOKEN_PREFIX)) return null;
  const [row] = await prepared(db, "gh_find_api_token", prepareFindApiToken).execute({ tokenHash: sha256(secret) });
  if (!row || row.user.disabled || row.token.expiresAt <= now || row.user.districtId !== row.token.districtId) return null;
  if (!row.token.lastUsedAt || now.getTime() - row.token.lastUsedAt.getTime() > TOUCH_EVERY_MS) {
    await db.update(apiTokens).set({ lastUsedAt: now }).where(eq(apiTokens.id, row.token.id));
  }
  return row;
}

/** What a token's scopes let it call: SCIM routes, or the district API (reads only with api:read). */
export function scopeAllows(scopes: readonly ApiTokenScope[], route: "scim" | "api", method: string): boolean {
  if (route === "scim") return scopes.includes("scim");
  if (scopes.includes("api:write")) return true;
  return scopes.includes("api:read") && ["GET", "HEAD", "OPTIONS"].includes(method);
}
