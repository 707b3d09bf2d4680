import { recordAudit } from "../../platform/audit.js";
import type { AppDeps } from "../../platform/deps.js";
import { supportCases } from "../../platform/db/schema/support.js";
import type { Actor } from "../../platform/http/actor.js";
import { notFound } from "../../platform/http/errors.js";
import { recordContactActivity } from "../contacts/record-contact-activity.js";
import { findContact } from "../contacts/repo.js";
import { notifyCase, notifyVendorTeam } from "./notify-case.js";
import { addEvent } from "./repo.js";
import type { EmergencyCase } from "./schema.js";

/**
 * In an emergency vendor staff open a case under an existing active contact of the district
 * (the seed: "a case may be created under an existing Authorized Contact"). The case is marked,
 * the audit entry names the staff member, and it counts as that contact's activity.
 */
export async function openEmergencyCase(deps: AppDeps, actor: Actor, input: EmergencyCase) {
  const now = deps.clock.now();
  const scope = { districtId: input.districtId };
  return deps.database.db.transaction(async (tx) => {
    const contact = await findContact(tx, scope, input.contactId);
    if (!contact || contact.status === "deactivated") throw notFound("Active authorized contact in that district");
    const [created] = await tx
      .insert(supportCases)
      .values({
        districtId: input.districtId,
        contactId: contact.id,
        openedById: actor.userId,
        openedByName: actor.displayName,
        emergency: true,
        emergencyReason: input.reason,
        subject: input.subject,
        description: input.description,
        productArea: input.productArea,
        priority: input.priority,
        status: "open",
        assigneeId: actor.userId,
        createdAt: now,
        updatedAt: now,
      })
      .returning();
    const c = created!;
    await addEvent(tx, {
      districtId: c.districtId,
      caseId: c.id,
      at: now,
      actorId: actor.userId,
      actorName: actor.displayName,
      actorSide: "vendor",
      kind: "emergency-opened",
      body: input.reason,
      data: { onBehalfOf: contact.name, openedBy: actor.displayName },
    });
    await recordContactActivity(tx, { districtId: c.districtId, contactId: contact.id, kind: "emergency-case", at: now, caseId: c.id });
    await recordAudit(tx, {
      districtId: c.districtId,
      actor: { id: actor.userId, name: actor.displayName },
      action: "case.emergency-opened",
      target: { type: "case", id: c.id, name: `#${c.number} ${c.subject}` },
      after: { onBehalfOf: contact.username, contactId: contact.id, openedBy: actor.displayName, reason: input.reason, priority: c.priority },
    });
    await notifyCase(tx, deps.config, c, [{ userId: contact.userId, email: contact.email }], {
      audience: "district",
      kind: "case-emergency-opened",
      headline: `${actor.displayName} of Support opened an emergency case on your behalf`,
      body: `${input.reason}\n\n${c.description}`,
    });
    await notifyVendorTeam(tx, deps.config, c, {
      kind: "case-emergency-opened-vendor",
      headline: `${actor.displayName} opened an emergency case for ${contact.name}`,
      body: `${input.reason}\n\n${c.description}`,
    });
    return c;
  });
}
