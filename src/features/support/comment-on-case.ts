import type { AppDeps } from "../../platform/deps.js";
import type { Actor } from "../../platform/http/actor.js";
import { AppError, notFound } from "../../platform/http/errors.js";
import type { CaseStatus } from "../../platform/db/schema/support.js";
import { recordContactActivity } from "../contacts/record-contact-activity.js";
import type { PortalCaller } from "../contacts/require-portal-contact.js";
import { auditCaseChange } from "./audit-case.js";
import { notifyCase } from "./notify-case.js";
import { addEvent, districtRecipients, findAnyCase, lockCase, updateCase, vendorRecipient } from "./repo.js";

const closedError = () => new AppError(409, "case-closed", "This case is closed. Reopen it to add to it.");

/** A contact adds to a case: it goes back to Support's court (pending-vendor). */
export async function commentAsContact(deps: AppDeps, caller: PortalCaller, caseId: string, body: string) {
  const { actor, contact } = caller;
  const now = deps.clock.now();
  return deps.database.db.transaction(async (tx) => {
    const c = await lockCase(tx, actor, caseId);
    if (!c) throw notFound("Case");
    if (c.status === "closed") throw closedError();
    const status: CaseStatus = c.status === "new" ? "new" : "pending-vendor";
    await addEvent(tx, { districtId: c.districtId, caseId, at: now, actorId: actor.userId, actorName: actor.displayName, actorSide: "district", kind: "comment", body });
    if (status !== c.status) {
      await addEvent(tx, { districtId: c.districtId, caseId, at: now, actorId: actor.userId, actorName: actor.displayName, actorSide: "district", kind: "status-changed", data: { from: c.status, to: status } });
    }
    const updated = await updateCase(tx, actor, caseId, { status }, now);
    await auditCaseChange(tx, actor, c, "case.commented", { before: { status: c.status }, after: { status, side: "district" } });
    await recordContactActivity(tx, { districtId: c.districtId, contactId: contact.id, kind: "case-activity", at: now, caseId });
    await notifyCase(tx, deps.config, updated, [await vendorRecipient(tx, c.assigneeId)], {
      audience: "vendor",
      kind: "case-comment",
      headline: `${actor.displayName} (${contact.type} contact) added a comment`,
      body,
    });
    return updated;
  });
}

/**
 * Vendor staff reply (shown to the district, emailed, case waits on the district) or add an
 * internal note (never shown to the district, no email, no status change). Replying does not
 * assign the case: who owns it is changed only by assigning it.
 */
export async function commentAsVendor(deps: AppDeps, actor: Actor, caseId: string, input: { body: string; internal: boolean }) {
  const now = deps.clock.now();
  const found = await findAnyCase(deps.database.db, caseId);
  if (!found) throw notFound("Case");
  const scope = { districtId: found.districtId };
  return deps.database.db.transaction(async (tx) => {
    const c = (await lockCase(tx, scope, caseId))!;
    if (c.status === "closed" && !input.internal) throw closedError();
    const kind = input.internal ? "internal-note" : "reply";
    await auditCaseChange(tx, actor, input.internal ? { ...c, districtId: null } : c, input.internal ? "case.internal-note-added" : "case.replied", {});
    await addEvent(tx, { districtId: c.districtId, caseId, at: now, actorId: actor.userId, actorName: actor.displayName, actorSide: "vendor", kind, body: input.body, internal: input.internal });
    if (input.internal) return updateCase(tx, scope, caseId, {}, now);
    const status: CaseStatus = ["new", "open", "pending-vendor"].includes(c.status) ? "pending-district" : c.status;
    if (status !== c.status) {
      await addEvent(tx, { districtId: c.districtId, caseId, at: now, actorId: actor.userId, actorName: actor.displayName, actorSide: "vendor", kind: "status-changed", data: { from: c.status, to: status } });
    }
    const updated = await updateCase(tx, scope, caseId, { status }, now);
    await notifyCase(tx, deps.config, updated, await districtRecipients(tx, scope, c), {
      audience: "district",
      kind: "case-reply",
      headline: `${actor.displayName} of Support replied`,
      body: input.body,
    });
    return updated;
  });
}
