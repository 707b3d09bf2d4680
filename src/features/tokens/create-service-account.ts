import { recordAudit } from "../../platform/audit.js";
import type { Db } from "../../platform/db/connect.js";
import { serviceAccounts } from "../../platform/db/schema/api-tokens.js";
import type { DistrictScope } from "../../platform/db/tenancy.js";
import { createUser } from "../users/create-user.js";

type AuditActor = { id: string; name: string } | null;

/**
 * A service account: a district user with no password (it signs in with API tokens only) and,
 * until someone gives it some, no groups, rights or role. Call inside a transaction.
 */
export async function createServiceAccount(tx: Db, scope: DistrictScope, username: string, actor: AuditActor) {
  const user = await createUser(tx, { districtId: scope.districtId, username, displayName: `${username} (service account)` }, actor);
  await tx.insert(serviceAccounts).values({ userId: user.id, districtId: scope.districtId });
  await recordAudit(tx, { districtId: scope.districtId, actor, action: "service-account.created", target: { type: "user", id: user.id, name: user.username } });
  return user;
}
