import { and, eq } from "drizzle-orm";
import type { AppDeps } from "../../platform/deps.js";
import { modifyContactRequests } from "../../platform/db/schema/support.js";
import { users } from "../../platform/db/schema/users.js";
import type { Actor } from "../../platform/http/actor.js";
import { AppError, notFound } from "../../platform/http/errors.js";
import { applyContactChange, type ContactChange } from "../contacts/apply-contact-change.js";
import { getCaseForVendor } from "./get-case.js";
import { notifyCase } from "./notify-case.js";
import { addEvent, districtRecipients, findAnyCase, lockCase, updateCase } from "./repo.js";
import type { ModifyDecision } from "./schema.js";

/**
 * Vendor staff approve or decline a Modify Support Contact case. Approval applies the change,
 * its audit entry, the timeline event and the emails in one transaction: all or nothing.
 */
export async function decideModifyContact(deps: AppDeps, actor: Actor, caseId: string, input: ModifyDecision) {
  const { db } = deps.database;
  const found = await findAnyCase(db, caseId);
  if (!found || found.kind !== "modify-contact") throw notFound("Modify Support Contact case");
  if (input.decision === "decline" && !input.note) throw new AppError(400, "note-required", "Say why the request is declined; the district will read it.", { path: "body.note" });
  const scope = { districtId: found.districtId };
  const now = deps.clock.now();
  await db.transaction(async (tx) => {
    const c = (await lockCase(tx, scope, caseId))!;
    const [request] = await tx.select().from(modifyContactRequests).where(and(eq(modifyContactRequests.caseId, caseId), eq(modifyContactRequests.districtId, scope.districtId))).for("update");
    if (!request) throw notFound("Modify Support Contact request");
    if (request.status !== "pending") throw new AppError(409, "modify-request-decided", `This request was already ${request.status}.`);
    let targetEmail: string | null = null;
    if (input.decision === "approve") {
      const change: ContactChange =
        request.action === "add"
          ? { action: "add", userId: request.targetUserId, type: request.newType! }
          : request.action === "change-type"
            ? { action: "change-type", contactId: request.targetContactId!, type: request.newType! }
            : { action: request.action, contactId: request.targetContactId! };
      const applied = await applyContactChange(tx, scope.districtId, change, {
        approver: { id: actor.userId, name: actor.displayName },
        approveOverAllowance: input.approveOverAllowance,
        confirmConsequences: input.confirmConsequences,
        now,
        source: `case #${c.number}`,
      });
      targetEmail = applied.email;
    } else {
      const [user] = await tx.select({ email: users.email }).from(users).where(eq(users.id, request.targetUserId)).limit(1);
      targetEmail = user?.email ?? null;
    }
    const status = input.decision === "approve" ? "approved" : "declined";
    await tx.update(modifyContactRequests).set({ status, decidedByName: actor.displayName, decidedAt: now, decisionNote: input.note ?? null }).where(eq(modifyContactRequests.id, request.id));
    await addEvent(tx, { districtId: c.districtId, caseId, at: now, actorId: actor.userId, actorName: actor.displayName, actorSide: "vendor", kind: `modify-${status}`, body: input.note ?? null, data: { action: request.action } });
    const updated = await updateCase(tx, scope, caseId, { status: "resolved" }, now);
    await notifyCase(tx, deps.config, updated, [...(await districtRecipients(tx, scope, c)), input.decision === "approve" ? { userId: request.targetUserId, email: targetEmail } : null], {
      audience: "district",
      kind: `modify-contact-${status}`,
      headline: `${actor.displayName} of Support ${status} the request`,
      body: input.note ?? null,
    });
  });
  return getCaseForVendor(db, caseId);
}
