import { and, eq, isNull, ne, sql } from "drizzle-orm";
import type { Db } from "../db/connect.js";
import { prepared } from "../db/prepared.js";
import { districtRightsState } from "../db/schema/rights.js";
import { sessions } from "../db/schema/sessions.js";
import { users } from "../db/schema/users.js";
import { newToken, sha256 } from "./tokens.js";

export type SessionStage = "mfa" | "mfa-enrol" | "active";
export type SessionLimits = { idleMinutes: number; absoluteHours: number };
export type SessionRow = typeof sessions.$inferSelect;
export type UserRow = typeof users.$inferSelect;

// Writing last_seen_at on every request would turn reads into writes; a minute is precise enough.
const TOUCH_EVERY_MS = 60_000;

export async function createSession(
  db: Db,
  input: { user: UserRow; stage: SessionStage; userAgent?: string; ip?: string; now: Date; limits: SessionLimits },
): Promise<{ token: string; session: SessionRow }> {
  const token = newToken();
  const [session] = await db
    .insert(sessions)
    .values({
      tokenHash: sha256(token),
      userId: input.user.id,
      districtId: input.user.districtId,
      stage: input.stage,
      csrfToken: newToken(24),
      userAgent: input.userAgent?.slice(0, 300),
      ip: input.ip,
      createdAt: input.now,
      lastSeenAt: input.now,
      expiresAt: new Date(input.now.getTime() + input.limits.absoluteHours * 3_600_000),
    })
    .returning();
  return { token, session: session! };
}

/**
 * One round trip per request: the session, its user and the district's rights version (0 when
 * none, or for a vendor user), so the rights cache need not ask for the version separately. The
 * statement is prepared once per database handle: Drizzle does not rebuild it per request.
 */
function prepareFindSession(db: Db) {
  return db
    .select({ session: sessions, user: users, rightsVersion: sql`coalesce(${districtRightsState.rightsVersion}, 0)`.mapWith(Number) })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .leftJoin(districtRightsState, eq(districtRightsState.districtId, users.districtId))
    .where(and(eq(sessions.tokenHash, sql.placeholder("tokenHash")), isNull(sessions.revokedAt)))
    .limit(1)
    .prepare("gh_find_session");
}

export type FoundSession = { session: SessionRow; user: UserRow; rightsVersion: number };

/** The live session behind a cookie token, or null when unknown, revoked, idle or expired. */
export async function findSession(db: Db, token: string, now: Date, limits: SessionLimits): Promise<FoundSession | null> {
  const [row] = await prepared(db, "gh_find_session", prepareFindSession).execute({ tokenHash: sha256(token) });
  if (!row || row.user.disabled) return null;
  const idleSince = now.getTime() - row.session.lastSeenAt.getTime();
  if (row.session.expiresAt <= now || idleSince > limits.idleMinutes * 60_000) return null;
  if (idleSince > TOUCH_EVERY_MS) {
    await db.update(sessions).set({ lastSeenAt: now }).where(eq(sessions.id, row.session.id));
  }
  return row;
}

/**
 * The user a session previews as: an enabled user of the previewer's own district, else null
 * (the preview then ends by itself: the session reads as the previewer again).
 */
export async function findPreviewTarget(db: Db, previewer: UserRow, targetId: string): Promise<UserRow | null> {
  if (!previewer.districtId || previewer.productSecurityRole !== "student-information-system") return null;
  const [target] = await db.select().from(users).where(and(eq(users.id, targetId), eq(users.districtId, previewer.districtId), eq(users.disabled, false))).limit(1);
  return target ?? null;
}

/** Moves a session to a new stage under a new token, so a token seen before sign-in is worthless after. */
export async function rotateSession(db: Db, sessionId: string, stage: SessionStage, now: Date): Promise<string> {
  const token = newToken();
  await db
    .update(sessions)
    .set({ tokenHash: sha256(token), stage, lastSeenAt: now, csrfToken: newToken(24) })
    .where(eq(sessions.id, sessionId));
  return token;
}

export async function revokeSession(db: Db, userId: string, sessionId: string, now: Date): Promise<boolean> {
  const revoked = await db
    .update(sessions)
    .set({ revokedAt: now })
    .where(and(eq(sessions.id, sessionId), eq(sessions.userId, userId), isNull(sessions.revokedAt)))
    .returning({ id: sessions.id });
  return revoked.length > 0;
}

/** Signs a user out everywhere, optionally keeping the session that asked. */
export async function revokeUserSessions(db: Db, userId: string, now: Date, keepSessionId?: string): Promise<number> {
  const revoked = await db
    .update(sessions)
    .set({ revokedAt: now })
    .where(
      and(eq(sessions.userId, userId), isNull(sessions.revokedAt), keepSessionId ? ne(sessions.id, keepSessionId) : undefined),
    )
    .returning({ id: sessions.id });
  return revoked.length;
}

export async function listUserSessions(db: Db, userId: string, now: Date): Promise<SessionRow[]> {
  const rows = await db
    .select()
    .from(sessions)
    .where(and(eq(sessions.userId, userId), isNull(sessions.revokedAt)));
  return rows.filter((s) => s.expiresAt > now).sort((a, b) => b.lastSeenAt.getTime() - a.lastSeenAt.getTime());
}
