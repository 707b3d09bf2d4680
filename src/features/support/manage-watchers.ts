import { and, eq } from "drizzle-orm";
import type { AppDeps } from "../../platform/deps.js";
import { caseWatchers } from "../../platform/db/schema/support.js";
import { AppError, notFound } from "../../platform/http/errors.js";
import { recordContactActivity } from "../contacts/record-contact-activity.js";
import { findContact } from "../contacts/repo.js";
import type { PortalCaller } from "../contacts/require-portal-contact.js";
import { auditCaseChange } from "./audit-case.js";
import { notifyCase } from "./notify-case.js";
import { addEvent, lockCase, updateCase } from "./repo.js";

/** Adds or removes a colleague (an authorized contact of the same district) as a case watcher. */
export async function setWatcher(deps: AppDeps, caller: PortalCaller, caseId: string, contactId: string, watching: boolean) {
  const { actor, contact } = caller;
  const now = deps.clock.now();
  return deps.database.db.transaction(async (tx) => {
    const c = await lockCase(tx, actor, caseId);
    if (!c) throw notFound("Case");
    if (c.status === "closed") throw new AppError(409, "case-closed", "This case is closed. Reopen it to change its watchers.");
    const watcher = await findContact(tx, actor, contactId);
    if (!watcher || (watching && watcher.status === "deactivated")) throw notFound("Authorized contact");
    const where = and(eq(caseWatchers.caseId, caseId), eq(caseWatchers.contactId, contactId), eq(caseWatchers.districtId, actor.districtId));
    const changed = watching
      ? (await tx.insert(caseWatchers).values({ caseId, districtId: actor.districtId, contactId, addedAt: now, addedByName: actor.displayName }).onConflictDoNothing().returning()).length > 0
      : (await tx.delete(caseWatchers).where(where).returning()).length > 0;
    if (!changed) return c;
    await addEvent(tx, {
      districtId: c.districtId,
      caseId,
      at: now,
      actorId: actor.userId,
      actorName: actor.displayName,
      actorSide: "district",
      kind: watching ? "watcher-added" : "watcher-removed",
      data: { contactId, name: watcher.name },
    });
    await auditCaseChange(tx, actor, c, watching ? "case.watcher-added" : "case.watcher-removed", { after: { watcher: watcher.name } });
    const updated = await updateCase(tx, actor, caseId, {}, now);
    await recordContactActivity(tx, { districtId: c.districtId, contactId: contact.id, kind: "case-activity", at: now, caseId });
    if (watching && watcher.id !== contact.id) {
      await notifyCase(tx, deps.config, updated, [{ userId: watcher.userId, email: watcher.email }], { audience: "district", kind: "case-watcher-added", headline: `${actor.displayName} added you as a watcher` });
    }
    return updated;
  });
}
