import { and, eq, isNull } from "drizzle-orm";
import { recordAudit } from "../../platform/audit.js";
import type { Db } from "../../platform/db/connect.js";
import { users } from "../../platform/db/schema/users.js";
import { notFound } from "../../platform/http/errors.js";

/**
 * Clears a lockout. `districtId` scopes the lookup: a district administrator can only reach their
 * own district's users (null means vendor staff accounts, reachable only from the CLI).
 */
export async function unlockUser(db: Db, scope: { districtId: string | null }, userId: string, actor: { id: string; name: string } | null) {
  const [user] = await db
    .select()
    .from(users)
    .where(and(eq(users.id, userId), scope.districtId ? eq(users.districtId, scope.districtId) : isNull(users.districtId)))
    .limit(1);
  if (!user) throw notFound("That user");
  await db.update(users).set({ lockedAt: null, failedLogins: 0 }).where(eq(users.id, user.id));
  await recordAudit(db, {
    districtId: user.districtId,
    actor,
    action: "user.unlocked",
    target: { type: "user", id: user.id, name: user.username },
    before: { lockedAt: user.lockedAt, failedLogins: user.failedLogins },
    after: { lockedAt: null, failedLogins: 0 },
  });
  return user;
}
