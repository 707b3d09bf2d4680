import { recordAudit } from "../../platform/audit.js";
import { mintApiToken } from "../../platform/auth/api-token-store.js";
import type { Db } from "../../platform/db/connect.js";
import { apiTokens } from "../../platform/db/schema/api-tokens.js";
import type { DistrictScope } from "../../platform/db/tenancy.js";
import { AppError } from "../../platform/http/errors.js";
import { createServiceAccount } from "./create-service-account.js";
import { findAccountByName, findToken, withStatus } from "./repo.js";
import { ZCreateToken, type CreateToken } from "./schema.js";

type AuditActor = { id: string; name: string } | null;

/**
 * Issues a token to a service account, creating the account when the district has no user by
 * that name. The secret is answered once; the database keeps its SHA-256 only, and the audit row
 * names the token by its hint. A token acts as its service account: it never has more.
 */
export async function createApiToken(db: Db, scope: DistrictScope, input: CreateToken, actor: AuditActor, now: Date) {
  const { serviceAccount, scopes, expiresInDays } = ZCreateToken.parse(input);
  return db.transaction(async (tx) => {
    const existing = await findAccountByName(tx, scope, serviceAccount);
    if (existing && !existing.serviceAccountId) {
      throw new AppError(409, "not-a-service-account", `"${existing.user.username}" is a person's account, not a service account. Give the token a service account name of its own.`, { path: "serviceAccount" });
    }
    if (existing?.user.disabled) {
      throw new AppError(409, "service-account-disabled", `The service account "${existing.user.username}" is disabled. Enable it on its user page first, or use another name.`, { path: "serviceAccount" });
    }
    const account = existing?.user ?? (await createServiceAccount(tx, scope, serviceAccount, actor));
    const { token, tokenHash, hint } = mintApiToken();
    const unique = [...new Set(scopes)].sort();
    const expiresAt = new Date(now.getTime() + expiresInDays * 86_400_000);
    const [row] = await tx
      .insert(apiTokens)
      .values({ districtId: scope.districtId, serviceAccountId: account.id, name: account.username, tokenHash, hint, scopes: unique, createdAt: now, expiresAt, createdById: actor?.id ?? null, createdByName: actor?.name ?? null })
      .returning({ id: apiTokens.id });
    await recordAudit(tx, {
      districtId: scope.districtId,
      actor,
      action: "api-token.created",
      target: { type: "api-token", id: row!.id, name: `${account.username} …${hint}` },
      after: { serviceAccount: account.username, scopes: unique, expiresAt },
    });
    const summary = await findToken(tx, scope, row!.id);
    return { token, summary: withStatus(summary!, now) };
  });
}
