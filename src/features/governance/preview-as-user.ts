import { and, eq } from "drizzle-orm";
import { recordAudit } from "../../platform/audit.js";
import type { Db } from "../../platform/db/connect.js";
import { sessions } from "../../platform/db/schema/sessions.js";
import { users } from "../../platform/db/schema/users.js";
import { inDistrict } from "../../platform/db/tenancy.js";
import type { SessionRow } from "../../platform/auth/session-store.js";
import type { DistrictActor } from "../../platform/http/actor.js";
import { AppError, notFound } from "../../platform/http/errors.js";
import { auditActor } from "../rights/guards.js";

/**
 * Starts reading the app as another user of the district: every screen, menu and disabled
 * button is theirs, computed by the same engine; nothing can be changed until the preview ends.
 */
export async function startPreview(db: Db, actor: DistrictActor, userId: string, now: Date) {
  if (userId === actor.userId) throw new AppError(422, "preview-self", "Choose someone else: you already see the app as yourself.", { path: "body.userId" });
  const [target] = await db.select({ id: users.id, username: users.username, disabled: users.disabled }).from(users).where(inDistrict(users, actor, eq(users.id, userId))).limit(1);
  if (!target) throw notFound("That user");
  if (target.disabled) throw new AppError(422, "preview-disabled-user", `${target.username}'s account is disabled, so there is nothing to preview. Enable it first if you need to.`, { path: "body.userId" });
  return db.transaction(async (tx) => {
    await tx.update(sessions).set({ previewUserId: target.id, previewStartedAt: now }).where(eq(sessions.id, actor.sessionId));
    await recordAudit(tx, { districtId: actor.districtId, actor: auditActor(actor), action: "preview.started", target: { type: "user", id: target.id, name: target.username } });
    return { previewing: { id: target.id, username: target.username }, startedAt: now };
  });
}

/** Ends a preview and says for how long it ran; the session reads as its own user again. */
export async function endPreview(db: Db, session: SessionRow, by: { id: string; name: string }, now: Date) {
  if (!session.previewUserId) return { ended: false };
  await db.transaction(async (tx) => {
    await tx.update(sessions).set({ previewUserId: null, previewStartedAt: null }).where(and(eq(sessions.id, session.id), eq(sessions.userId, by.id)));
    await recordAudit(tx, {
      districtId: session.districtId,
      actor: by,
      action: "preview.ended",
      target: { type: "user", id: session.previewUserId! },
      after: { startedAt: session.previewStartedAt, endedAt: now, seconds: session.previewStartedAt ? Math.round((now.getTime() - session.previewStartedAt.getTime()) / 1000) : null },
    });
  });
  return { ended: true };
}
