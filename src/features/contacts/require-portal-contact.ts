import type { Db } from "../../platform/db/connect.js";
import { isDistrictActor, type Actor, type DistrictActor } from "../../platform/http/actor.js";
import { AppError, notFound } from "../../platform/http/errors.js";
import { findContactByUser, listContacts, type ContactRow } from "./repo.js";

export type PortalContact = ContactRow;
export type PortalCaller = { actor: DistrictActor; contact: PortalContact };

/** Name, type and email of the district's current contacts: what a refused user is shown. */
export async function listContactCard(db: Db, districtId: string) {
  const contacts = await listContacts(db, { districtId }, { current: true });
  return contacts.map((c) => ({ name: c.name, type: c.type, email: c.email }));
}

/** Why a deactivated contact can no longer use the portal: the true reason, and the way back. */
export function deactivatedSentence(reason: PortalContact["deactivatedReason"]): string {
  const back = "An active authorized contact of your district can ask for your reactivation with a Modify Support Contact case.";
  if (reason === "removed") return `Your authorized contact designation was removed by a Modify Support Contact case your district filed and Support approved. ${back}`;
  if (reason === "inactivity") return `Your authorized contact designation was deactivated after 210 days without activity (signing in with your authenticator app, or working on a case). ${back}`;
  return `Your authorized contact designation was deactivated. ${back}`;
}

/**
 * The gate of the Support Case Portal. It is not a tool right: the seed says only active
 * Authorized Contacts may open or manage cases, so the designation itself is the permission.
 * Everyone else gets a 403 whose `contacts` lists the district's contacts to turn to (the seed's
 * "redirected to their district's Authorized Contact"), never a blank error. Contacts must use
 * MFA (credentials are personal), so one without it is sent to set it up first.
 */
export async function requirePortalContact(db: Db, actor: Actor): Promise<PortalCaller> {
  if (!isDistrictActor(actor)) throw notFound("The district support portal");
  const contact = await findContactByUser(db, actor, actor.userId);
  if (!contact || contact.status === "deactivated") {
    const contacts = await listContactCard(db, actor.districtId);
    const why = contact ? deactivatedSentence(contact.deactivatedReason) : "Only your district's authorized contacts can open or manage support cases.";
    const turnTo = contacts.length ? " Please contact one of the people listed." : " Your district has no active authorized contacts yet; ask your system administrator.";
    throw new AppError(403, "not-authorized-contact", why + turnTo, { detail: { contacts } });
  }
  if (!contact.mfaEnabled) {
    throw new AppError(403, "contact-mfa-required", "Authorized contacts must sign in with an authenticator app. Set it up under My account, then come back to the portal.");
  }
  return { actor, contact };
}
