import { and, asc, eq, inArray, isNull, lt, or, sql } from "drizzle-orm";
import { recordAudit } from "../../platform/audit.js";
import { revokeUserSessions } from "../../platform/auth/session-store.js";
import type { Db } from "../../platform/db/connect.js";
import { users } from "../../platform/db/schema/users.js";
import { inDistrict, type DistrictScope } from "../../platform/db/tenancy.js";
import type { DistrictActor } from "../../platform/http/actor.js";
import { AppError } from "../../platform/http/errors.js";
import { auditActor } from "../rights/guards.js";

const DAY_MS = 86_400_000;

/** Staff accounts, still enabled, whose last sign-in (or creation, if never) is older than `days`. */
export async function listDormantAccounts(db: Db, scope: DistrictScope, days: number, now: Date) {
  const cutoff = new Date(now.getTime() - days * DAY_MS);
  const rows = await db
    .select({
      id: users.id,
      username: users.username,
      displayName: users.displayName,
      email: users.email,
      productSecurityRole: users.productSecurityRole,
      lastLoginAt: users.lastLoginAt,
      createdAt: users.createdAt,
    })
    .from(users)
    .where(
      inDistrict(
        users,
        scope,
        and(eq(users.disabled, false), or(lt(users.lastLoginAt, cutoff), and(isNull(users.lastLoginAt), lt(users.createdAt, cutoff)))),
      ),
    )
    .orderBy(asc(sql`coalesce(${users.lastLoginAt}, ${users.createdAt})`), asc(users.username));
  return {
    days,
    cutoff,
    accounts: rows.map((r) => ({ ...r, idleDays: Math.floor((now.getTime() - (r.lastLoginAt ?? r.createdAt).getTime()) / DAY_MS), neverSignedIn: r.lastLoginAt === null })),
  };
}

/**
 * Disables one enabled account inside the caller's transaction: sign-in refused, its sessions
 * ended, one audit row with the reason. False when it was disabled already (nothing written).
 */
export async function disableAccount(tx: Db, user: { id: string; username: string; districtId: string }, by: { id: string; name: string } | null, reason: string, now: Date): Promise<boolean> {
  const [row] = await tx.update(users).set({ disabled: true, version: sql`${users.version} + 1` }).where(and(eq(users.id, user.id), eq(users.disabled, false))).returning({ id: users.id });
  if (!row) return false;
  const endedSessions = await revokeUserSessions(tx, user.id, now);
  await recordAudit(tx, { districtId: user.districtId, actor: by, action: "user.disabled", target: { type: "user", id: user.id, name: user.username }, before: { disabled: false }, after: { disabled: true, reason, endedSessions } });
  return true;
}

/**
 * Disables the named accounts of the district at once: sign-in refused, open sessions ended,
 * one audit row each. Your own account is refused, so a bulk action cannot lock you out.
 */
export async function disableAccounts(db: Db, actor: DistrictActor, userIds: string[], reason: string, now: Date) {
  if (userIds.includes(actor.userId)) {
    throw new AppError(422, "cannot-disable-self", "Your own account is in the list. Remove it: you cannot disable the account you are signed in with.", { path: "body.userIds" });
  }
  return db.transaction(async (tx) => {
    const found = await tx
      .select({ id: users.id, username: users.username, disabled: users.disabled })
      .from(users)
      .where(inDistrict(users, actor, inArray(users.id, userIds)))
      .for("update");
    const missing = userIds.filter((id) => !found.some((u) => u.id === id));
    if (missing.length > 0) throw new AppError(404, "not-found", `${missing.length === 1 ? "One account was" : `${missing.length} accounts were`} not found in this district; nothing was disabled.`, { path: "body.userIds", detail: { missing } });
    const disabled = [];
    for (const u of found.filter((x) => !x.disabled)) {
      await disableAccount(tx, { ...u, districtId: actor.districtId }, auditActor(actor), reason, now);
      disabled.push({ id: u.id, username: u.username });
    }
    return { disabled, alreadyDisabled: found.filter((x) => x.disabled).map((x) => ({ id: x.id, username: x.username })) };
  });
}
