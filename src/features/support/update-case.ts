import { and, eq } from "drizzle-orm";
import { recordAudit } from "../../platform/audit.js";
import type { AppDeps } from "../../platform/deps.js";
import { users } from "../../platform/db/schema/users.js";
import type { Actor } from "../../platform/http/actor.js";
import { AppError, conflict, notFound } from "../../platform/http/errors.js";
import { getCaseForVendor } from "./get-case.js";
import { notifyCase } from "./notify-case.js";
import { addEvent, districtRecipients, findAnyCase, lockCase, updateCase } from "./repo.js";
import type { CaseUpdate } from "./schema.js";

/** Vendor staff change a case's status, priority or assignee; each change goes on the timeline. */
export async function updateCaseAsVendor(deps: AppDeps, actor: Actor, caseId: string, input: CaseUpdate) {
  const now = deps.clock.now();
  const { db } = deps.database;
  const found = await findAnyCase(db, caseId);
  if (!found) throw notFound("Case");
  const scope = { districtId: found.districtId };
  let assigneeName: string | null = null;
  if (input.assigneeId) {
    const [staff] = await db.select({ name: users.displayName }).from(users).where(and(eq(users.id, input.assigneeId), eq(users.kind, "vendor"))).limit(1);
    if (!staff) throw new AppError(400, "assignee-not-vendor-staff", "Cases can be assigned only to vendor support staff.", { path: "body.assigneeId" });
    assigneeName = staff.name;
  }
  await db.transaction(async (tx) => {
    const c = (await lockCase(tx, scope, caseId))!;
    if (c.version !== input.version) {
      throw conflict("version-conflict", "Someone else changed this case while you were working on it. Review it and try again.", { current: await getCaseForVendor(tx, caseId) });
    }
    const event = (kind: string, data: Record<string, unknown>) =>
      addEvent(tx, { districtId: c.districtId, caseId, at: now, actorId: actor.userId, actorName: actor.displayName, actorSide: "vendor", kind, data });
    const set: Parameters<typeof updateCase>[3] = {};
    if (input.status && input.status !== c.status) {
      set.status = input.status;
      set.closedAt = input.status === "closed" ? now : null;
      await event("status-changed", { from: c.status, to: input.status });
    }
    if (input.priority && input.priority !== c.priority) {
      set.priority = input.priority;
      await event("priority-changed", { from: c.priority, to: input.priority });
    }
    if (input.assigneeId !== undefined && input.assigneeId !== c.assigneeId) {
      set.assigneeId = input.assigneeId;
      await event("assigned", { to: assigneeName });
    }
    if (Object.keys(set).length === 0) return;
    const updated = await updateCase(tx, scope, caseId, set, now);
    await recordAudit(tx, {
      districtId: c.districtId,
      actor: { id: actor.userId, name: actor.displayName },
      action: "case.updated",
      target: { type: "case", id: c.id, name: `#${c.number} ${c.subject}` },
      before: { status: c.status, priority: c.priority, assigneeId: c.assigneeId },
      after: { status: updated.status, priority: updated.priority, assigneeId: updated.assigneeId },
    });
    if (set.status) {
      await notifyCase(tx, deps.config, updated, await districtRecipients(tx, scope, c), {
        audience: "district",
        kind: "case-status",
        headline: `Support set the case to ${set.status.replace("-", " ")}`,
      });
    }
  });
  return getCaseForVendor(db, caseId);
}
