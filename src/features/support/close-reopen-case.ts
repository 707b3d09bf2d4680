import type { AppDeps } from "../../platform/deps.js";
import { AppError, notFound } from "../../platform/http/errors.js";
import { recordContactActivity } from "../contacts/record-contact-activity.js";
import type { PortalCaller } from "../contacts/require-portal-contact.js";
import { auditCaseChange } from "./audit-case.js";
import { notifyCase } from "./notify-case.js";
import { addEvent, lockCase, updateCase, vendorRecipient } from "./repo.js";

/** A contact closes their district's case (done), or reopens a resolved or closed one. */
export async function setCaseOpen(deps: AppDeps, caller: PortalCaller, caseId: string, open: boolean) {
  const { actor, contact } = caller;
  const now = deps.clock.now();
  return deps.database.db.transaction(async (tx) => {
    const c = await lockCase(tx, actor, caseId);
    if (!c) throw notFound("Case");
    if (!open && c.status === "closed") throw new AppError(409, "case-closed", "This case is already closed.");
    if (open && c.status !== "closed" && c.status !== "resolved") throw new AppError(409, "case-not-closed", "Only a resolved or closed case can be reopened.");
    const kind = open ? "reopened" : "closed";
    await addEvent(tx, { districtId: c.districtId, caseId, at: now, actorId: actor.userId, actorName: actor.displayName, actorSide: "district", kind, data: { from: c.status } });
    const updated = await updateCase(tx, actor, caseId, open ? { status: "open", closedAt: null } : { status: "closed", closedAt: now }, now);
    await auditCaseChange(tx, actor, c, `case.${kind}`, { before: { status: c.status }, after: { status: updated.status } });
    await recordContactActivity(tx, { districtId: c.districtId, contactId: contact.id, kind: "case-activity", at: now, caseId });
    await notifyCase(tx, deps.config, updated, [await vendorRecipient(tx, c.assigneeId)], {
      audience: "vendor",
      kind: `case-${kind}`,
      headline: `${actor.displayName} ${kind} the case`,
    });
    return updated;
  });
}
