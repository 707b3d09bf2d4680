import { recordAudit } from "../../platform/audit.js";
import type { Db } from "../../platform/db/connect.js";
import { accountKey, clearAttempts } from "../auth/attempts-repo.js";
import { findScopedUser } from "./repo.js";

/**
 * Clears every smart-lockout lock and count of an account, from every address. `districtId`
 * scopes the lookup: a district administrator reaches only their own district's users; null
 * means vendor staff accounts (reached by other vendor staff and the CLI).
 */
export async function unlockUser(db: Db, scope: { districtId: string | null }, userId: string, actor: { id: string; name: string } | null, now = new Date()) {
  const user = await findScopedUser(db, scope, userId);
  const lockedAddresses = await clearAttempts(db, accountKey(user.districtId, user.username), now);
  await recordAudit(db, {
    districtId: user.districtId,
    actor,
    action: "user.unlocked",
    target: { type: "user", id: user.id, name: user.username },
    before: { lockedAddresses },
    after: { lockedAddresses: [] },
  });
  return user;
}
