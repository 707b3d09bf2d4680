import { recordAudit } from "../../platform/audit.js";
import type { Db } from "../../platform/db/connect.js";
import type { DistrictScope } from "../../platform/db/tenancy.js";
import { AppError, notFound } from "../../platform/http/errors.js";
import { disableAccount } from "../governance/dormant-accounts.js";
import { findAccountByName, findServiceAccount, markRevoked } from "./repo.js";

type AuditActor = { id: string; name: string } | null;

async function audited(tx: Db, scope: DistrictScope, revoked: { id: string; name: string; hint: string }[], actor: AuditActor) {
  for (const t of revoked) {
    await recordAudit(tx, { districtId: scope.districtId, actor, action: "api-token.revoked", target: { type: "api-token", id: t.id, name: `${t.name} …${t.hint}` } });
  }
}

/** Revokes one token: it stops working on the very next request. A token already revoked is "not found". */
export async function revokeApiToken(db: Db, scope: DistrictScope, tokenId: string, actor: AuditActor, now: Date) {
  return db.transaction(async (tx) => {
    const revoked = await markRevoked(tx, scope, { tokenId }, now);
    if (revoked.length === 0) throw notFound("That live API token");
    await audited(tx, scope, revoked, actor);
    return revoked;
  });
}

/** Revokes every live token of the service account named (the CLI's `tokens revoke --name`). */
export async function revokeServiceAccountTokens(db: Db, scope: DistrictScope, username: string, actor: AuditActor, now: Date) {
  return db.transaction(async (tx) => {
    const found = await findAccountByName(tx, scope, username);
    if (!found?.serviceAccountId) throw new AppError(404, "service-account-not-found", `There is no service account "${username}" in this district.`);
    const revoked = await markRevoked(tx, scope, { serviceAccountId: found.user.id }, now);
    await audited(tx, scope, revoked, actor);
    return revoked;
  });
}

/** Disables a service account: every token it has is revoked with it, in one change. */
export async function disableServiceAccount(db: Db, scope: DistrictScope, userId: string, actor: AuditActor, now: Date) {
  return db.transaction(async (tx) => {
    const account = await findServiceAccount(tx, scope, userId);
    if (!account) throw notFound("That service account");
    const revoked = await markRevoked(tx, scope, { serviceAccountId: account.id }, now);
    await audited(tx, scope, revoked, actor);
    await disableAccount(tx, { ...account, districtId: scope.districtId }, actor, "service account disabled with its API tokens", now);
    return { revoked: revoked.length };
  });
}
