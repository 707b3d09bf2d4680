import { eq, gte, notInArray, sql } from "drizzle-orm";
import type { AppDeps } from "../../platform/deps.js";
import { contactActivity } from "../../platform/db/schema/contacts.js";
import { sessions } from "../../platform/db/schema/sessions.js";
import { supportCases } from "../../platform/db/schema/support.js";
import { inDistrict } from "../../platform/db/tenancy.js";
import type { Actor } from "../../platform/http/actor.js";
import { recordContactActivity } from "../contacts/record-contact-activity.js";
import { findContact, findDistrict, listContacts } from "../contacts/repo.js";
import { requirePortalContact } from "../contacts/require-portal-contact.js";

/**
 * The portal's front door. Opening it is the "login to the portal" activity of the seed: it is
 * recorded once per session (the first visit after signing in), which is what keeps a contact
 * active and clears a pending deactivation.
 */
export async function loadPortalHome(deps: AppDeps, actor: Actor) {
  const { db } = deps.database;
  const caller = await requirePortalContact(db, actor);
  const scope = caller.actor;
  const now = deps.clock.now();
  await db.transaction(async (tx) => {
    const [session] = await tx.select({ createdAt: sessions.createdAt }).from(sessions).where(eq(sessions.id, actor.sessionId)).limit(1);
    const [seen] = await tx
      .select({ id: contactActivity.id })
      .from(contactActivity)
      .where(inDistrict(contactActivity, scope, eq(contactActivity.contactId, caller.contact.id), eq(contactActivity.kind, "portal-sign-in"), session ? gte(contactActivity.at, session.createdAt) : undefined))
      .limit(1);
    if (!seen) await recordContactActivity(tx, { districtId: scope.districtId, contactId: caller.contact.id, kind: "portal-sign-in", at: now });
  });
  const [me, district, contacts, [open]] = await Promise.all([
    findContact(db, scope, caller.contact.id),
    findDistrict(db, scope.districtId),
    listContacts(db, scope),
    db.select({ n: sql<number>`count(*)::int` }).from(supportCases).where(inDistrict(supportCases, scope, notInArray(supportCases.status, ["resolved", "closed"]))),
  ]);
  return {
    contact: { id: me!.id, name: me!.name, email: me!.email, type: me!.type, status: me!.status, lastActivityAt: me!.lastActivityAt },
    district: { id: district!.id, name: district!.name, cloudChoice: district!.cloudChoice },
    contacts: contacts.map((c) => ({ id: c.id, name: c.name, email: c.email, type: c.type, status: c.status })),
    openCases: Number(open?.n ?? 0),
  };
}

