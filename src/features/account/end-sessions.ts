import { eq } from "drizzle-orm";
import { recordAudit } from "../../platform/audit.js";
import { revokeSession, revokeUserSessions, type SessionRow } from "../../platform/auth/session-store.js";
import type { AppDeps } from "../../platform/deps.js";
import { users } from "../../platform/db/schema/users.js";
import { notFound } from "../../platform/http/errors.js";

type Db = AppDeps["database"]["db"];

async function auditFor(tx: Db, userId: string, action: string, after: unknown) {
  const [user] = await tx.select({ id: users.id, username: users.username, districtId: users.districtId }).from(users).where(eq(users.id, userId)).limit(1);
  if (!user) return;
  await recordAudit(tx, { districtId: user.districtId, actor: { id: user.id, name: user.username }, action, target: { type: "user", id: user.id, name: user.username }, after });
}

/** Signs this session out (also one still waiting for its MFA code). */
export async function signOut(deps: AppDeps, session: SessionRow) {
  await deps.database.db.transaction(async (tx) => {
    if (await revokeSession(tx, session.userId, session.id, deps.clock.now())) await auditFor(tx, session.userId, "auth.signed-out", { sessionId: session.id });
  });
}

/** Ends one of the caller's own sessions; another user's session id is "not found". */
export async function endSession(deps: AppDeps, userId: string, sessionId: string) {
  await deps.database.db.transaction(async (tx) => {
    if (!(await revokeSession(tx, userId, sessionId, deps.clock.now()))) throw notFound("That session");
    await auditFor(tx, userId, "account.session-ended", { sessionId });
  });
}

/** Signs the caller out of every session but this one; returns how many were ended. */
export async function signOutEverywhere(deps: AppDeps, userId: string, keepSessionId: string): Promise<number> {
  return deps.database.db.transaction(async (tx) => {
    const signedOut = await revokeUserSessions(tx, userId, deps.clock.now(), keepSessionId);
    await auditFor(tx, userId, "account.signed-out-everywhere", { signedOut });
    return signedOut;
  });
}
