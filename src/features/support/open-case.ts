import { and, eq, inArray, ne } from "drizzle-orm";
import { recordAudit } from "../../platform/audit.js";
import type { AppDeps } from "../../platform/deps.js";
import type { Db } from "../../platform/db/connect.js";
import { authorizedContacts } from "../../platform/db/schema/contacts.js";
import { caseWatchers, supportCases } from "../../platform/db/schema/support.js";
import { AppError } from "../../platform/http/errors.js";
import { recordContactActivity } from "../contacts/record-contact-activity.js";
import type { PortalCaller } from "../contacts/require-portal-contact.js";
import { notifyCase, notifyVendorTeam } from "./notify-case.js";
import { addEvent, districtRecipients } from "./repo.js";
import type { NewCase } from "./schema.js";

/** Watchers must be current authorized contacts of the case's own district. */
export async function checkWatchers(tx: Db, districtId: string, contactIds: string[]) {
  if (contactIds.length === 0) return;
  const found = await tx
    .select({ id: authorizedContacts.id })
    .from(authorizedContacts)
    .where(and(eq(authorizedContacts.districtId, districtId), inArray(authorizedContacts.id, contactIds), ne(authorizedContacts.status, "deactivated")));
  const missing = contactIds.filter((id) => !found.some((f) => f.id === id));
  if (missing.length) {
    throw new AppError(400, "watcher-not-a-contact", "Watchers must be active authorized contacts of your district.", { path: "body.watcherContactIds" });
  }
}

/** An active authorized contact opens a case for their district; it counts as their activity. */
export async function openCase(deps: AppDeps, caller: PortalCaller, input: NewCase) {
  return deps.database.db.transaction((tx) => createCaseIn(tx, deps, caller, input, "issue"));
}

/** Creates the case inside the caller's transaction (a Modify Support Contact case adds its request to it). */
export async function createCaseIn(tx: Db, deps: AppDeps, caller: PortalCaller, input: NewCase, kind: "issue" | "modify-contact") {
  const { actor, contact } = caller;
  const now = deps.clock.now();
  const watcherIds = [...new Set(input.watcherContactIds)].filter((id) => id !== contact.id);
  {
    await checkWatchers(tx, actor.districtId, watcherIds);
    const [created] = await tx
      .insert(supportCases)
      .values({
        districtId: actor.districtId,
        kind,
        contactId: contact.id,
        openedById: actor.userId,
        openedByName: actor.displayName,
        subject: input.subject,
        description: input.description,
        productArea: input.productArea,
        priority: input.priority,
        status: "new",
        createdAt: now,
        updatedAt: now,
      })
      .returning();
    const c = created!;
    await addEvent(tx, { districtId: c.districtId, caseId: c.id, at: now, actorId: actor.userId, actorName: actor.displayName, actorSide: "district", kind: "opened", body: null, data: { priority: c.priority, productArea: c.productArea } });
    if (watcherIds.length) {
      await tx.insert(caseWatchers).values(watcherIds.map((contactId) => ({ caseId: c.id, districtId: c.districtId, contactId, addedAt: now, addedByName: actor.displayName })));
      await addEvent(tx, { districtId: c.districtId, caseId: c.id, at: now, actorId: actor.userId, actorName: actor.displayName, actorSide: "district", kind: "watchers-added", data: { contactIds: watcherIds } });
    }
    await recordContactActivity(tx, { districtId: c.districtId, contactId: contact.id, kind: "case-created", at: now, caseId: c.id });
    await recordAudit(tx, {
      districtId: c.districtId,
      actor: { id: actor.userId, name: actor.username },
      action: "case.opened",
      target: { type: "case", id: c.id, name: `#${c.number} ${c.subject}` },
      after: { kind, priority: c.priority, productArea: c.productArea },
    });
    await notifyCase(tx, deps.config, c, await districtRecipients(tx, actor, c), {
      audience: "district",
      kind: "case-opened",
      headline: `Case #${c.number} was received by Support`,
      body: c.description,
    });
    await notifyVendorTeam(tx, deps.config, c, {
      kind: "case-opened-vendor",
      headline: `${actor.displayName} (${contact.type} contact) opened ${kind === "modify-contact" ? "a Modify Support Contact case" : `${/^[aeiou]/i.test(c.priority) ? "an" : "a"} ${c.priority}-priority case`}`,
      body: c.description,
    });
    return c;
  }
}
