import escapeHtml from "escape-html";
import { eq, sql } from "drizzle-orm";
import { recordAudit } from "../../platform/audit.js";
import type { AppDeps } from "../../platform/deps.js";
import { updateRequests } from "../../platform/db/schema/support.js";
import type { Actor } from "../../platform/http/actor.js";
import { AppError, conflict, notFound } from "../../platform/http/errors.js";
import { enqueueEmail } from "../../platform/mail/enqueue-email.js";
import { KIND_LABELS } from "./file-update-request.js";
import type { UpdateRequestDecision } from "./schema.js";
import { listUpdateRequestRows, requesterEmail } from "./update-requests-repo.js";

const NEXT = { schedule: "scheduled", complete: "completed", decline: "declined" } as const;

/** Vendor staff schedule, complete or decline an update request; the requester is emailed. */
export async function processUpdateRequest(deps: AppDeps, actor: Actor, requestId: string, input: UpdateRequestDecision) {
  const { db } = deps.database;
  if (input.action === "schedule" && !input.scheduledFor) throw new AppError(400, "scheduled-for-required", "Give the date and time the update is scheduled for.", { path: "body.scheduledFor" });
  if (input.action === "decline" && !input.note) throw new AppError(400, "note-required", "Say why the request is declined; the contact will read it.", { path: "body.note" });
  const now = deps.clock.now();
  await db.transaction(async (tx) => {
    const [r] = await tx.select().from(updateRequests).where(eq(updateRequests.id, requestId)).for("update");
    if (!r) throw notFound("Update request");
    if (r.version !== input.version) {
      const [current] = await listUpdateRequestRows(tx, null, eq(updateRequests.id, requestId));
      throw conflict("version-conflict", "Someone else changed this request. Review it and try again.", { current });
    }
    if (r.status === "completed" || r.status === "declined") throw new AppError(409, "update-request-finished", `This request is already ${r.status}.`);
    const status = NEXT[input.action];
    await tx
      .update(updateRequests)
      .set({
        status,
        scheduledFor: input.action === "schedule" ? input.scheduledFor! : r.scheduledFor,
        vendorNote: input.note ?? r.vendorNote,
        decidedByName: actor.displayName,
        updatedAt: now,
        version: sql`${updateRequests.version} + 1`,
      })
      .where(eq(updateRequests.id, requestId));
    await recordAudit(tx, {
      districtId: r.districtId,
      actor: { id: actor.userId, name: actor.displayName },
      action: `update-request.${status}`,
      target: { type: "update-request", id: r.id, name: `${KIND_LABELS[r.kind]} #${r.number}` },
      before: { status: r.status, scheduledFor: r.scheduledFor },
      after: { status, scheduledFor: input.scheduledFor ?? r.scheduledFor, note: input.note ?? null },
    });
    const to = await requesterEmail(tx, { districtId: r.districtId }, r.contactId);
    if (to) {
      const when = input.action === "schedule" ? ` for ${input.scheduledFor!.toISOString().replace("T", " ").slice(0, 16)} UTC` : "";
      const line = `${KIND_LABELS[r.kind]} request #${r.number} was ${status}${when} by ${actor.displayName}.${input.note ? `\n\n${input.note}` : ""}`;
      await enqueueEmail(tx, { districtId: r.districtId, kind: `update-request-${status}`, to, subject: `${KIND_LABELS[r.kind]} request #${r.number} ${status}`, text: line, html: `<p style="white-space:pre-wrap">${escapeHtml(line)}</p>` });
    }
  });
  const [updated] = await listUpdateRequestRows(db, null, eq(updateRequests.id, requestId));
  return updated!;
}
