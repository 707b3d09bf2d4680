import { and, eq, sql } from "drizzle-orm";
import { recordAudit } from "../../platform/audit.js";
import type { Db } from "../../platform/db/connect.js";
import { authorizedContacts, contactActivity, type ContactType } from "../../platform/db/schema/contacts.js";
import { districts } from "../../platform/db/schema/districts.js";
import { AppError, notFound } from "../../platform/http/errors.js";
import { contactAllowance, exceedsAllowance } from "./allowance.js";
import { countCurrentContacts, findContact, findContactByUser, findDistrictUser, type ContactRow } from "./repo.js";

export type ContactChange =
  | { action: "add"; userId: string; type: ContactType }
  | { action: "remove"; contactId: string }
  | { action: "change-type"; contactId: string; type: ContactType }
  | { action: "reactivate"; contactId: string };

export type ChangeOptions = {
  approver: { id: string; name: string };
  /** Vendor staff's explicit, recorded approval to go past the district's allowance. */
  approveOverAllowance: boolean;
  now: Date;
  /** Where the change came from, kept in the audit entry (e.g. "case #1042"). */
  source: string;
  /** The approver saw and accepted the change's consequence (no technical contact left, a contact with no email). */
  confirmConsequences?: boolean;
};

/** A change whose consequence must be confirmed first: 409 with the consequence in a sentence. */
const needsConfirmation = (code: string, sentence: string) =>
  new AppError(409, code, `${sentence} Send it again with confirmConsequences to go ahead.`, { path: "body.confirmConsequences", detail: { consequence: sentence } });

/**
 * Applies one change to a district's authorized contacts inside the caller's transaction: the
 * allowance check, the change and its audit entry commit together. The district row is locked
 * first so two approvals at once cannot both take the last place in the allowance.
 */
export async function applyContactChange(tx: Db, districtId: string, change: ContactChange, options: ChangeOptions): Promise<ContactRow> {
  const scope = { districtId };
  const [district] = await tx.select().from(districts).where(eq(districts.id, districtId)).for("update");
  if (!district) throw notFound("District");
  const existing = change.action === "add" ? null : await findContact(tx, scope, change.contactId);
  if (change.action !== "add" && !existing) throw notFound("Authorized contact");

  const typeAfter = change.action === "add" || change.action === "change-type" ? change.type : existing!.type;
  const takesPlace = change.action === "add" || change.action === "reactivate" || (change.action === "change-type" && change.type !== existing!.type);
  let overAllowance = false;
  if (takesPlace) {
    const allowance = contactAllowance(district.addOnProducts);
    const counts = await countCurrentContacts(tx, scope);
    if (change.action === "change-type" && existing!.status !== "deactivated") counts[existing!.type] -= 1;
    overAllowance = exceedsAllowance(allowance, counts, typeAfter);
    if (overAllowance && !options.approveOverAllowance) {
      throw new AppError(
        409,
        "allowance-exceeded",
        `${district.name} already has ${counts[typeAfter]} ${typeAfter} contact(s) and its allowance is ${allowance[typeAfter]}. Approve going past the allowance to continue; the approval is recorded.`,
        { detail: { allowance, counts } },
      );
    }
  }
  if (!options.confirmConsequences) {
    const leavesTechnical = existing && existing.type === "technical" && existing.status !== "deactivated" && (change.action === "remove" || (change.action === "change-type" && change.type !== "technical"));
    if (leavesTechnical && (await countCurrentContacts(tx, scope)).technical <= 1) {
      throw needsConfirmation("last-technical-contact", `${existing.name} is ${district.name}'s last technical contact: after this, no one at the district can file update requests until a new technical contact is designated.`);
    }
    if (change.action === "add") {
      const user = await findDistrictUser(tx, scope, change.userId);
      if (user && !user.disabled && !user.email) {
        throw needsConfirmation("contact-without-email", `${user.name} has no email address: they will never receive case emails or the notices that warn before their access is deactivated.`);
      }
    }
  }
  const approval = overAllowance ? { allowanceApprovedBy: options.approver.id, allowanceApprovedAt: options.now } : {};
  const bump = { version: sql`${authorizedContacts.version} + 1` };
  const where = (id: string) => and(eq(authorizedContacts.id, id), eq(authorizedContacts.districtId, districtId));
  let contactId: string;

  switch (change.action) {
    case "add": {
      const user = await findDistrictUser(tx, scope, change.userId);
      if (!user || user.disabled) throw notFound("District user");
      const already = await findContactByUser(tx, scope, change.userId);
      if (already) {
        throw new AppError(409, "already-a-contact", already.status === "deactivated"
          ? `${user.name} is a deactivated ${already.type} contact; ask for a reactivation instead.`
          : `${user.name} is already a ${already.type} contact.`, { path: "body.userId" });
      }
      const [row] = await tx
        .insert(authorizedContacts)
        .values({ districtId, userId: change.userId, type: change.type, status: "active", lastActivityAt: options.now, designatedAt: options.now, ...approval })
        .returning({ id: authorizedContacts.id });
      contactId = row!.id;
      break;
    }
    case "remove":
      if (existing!.status === "deactivated") throw new AppError(409, "contact-already-deactivated", `${existing!.name} is already deactivated.`);
      await tx.update(authorizedContacts).set({ status: "deactivated", deactivatedAt: options.now, deactivatedReason: "removed", ...bump }).where(where(existing!.id));
      contactId = existing!.id;
      break;
    case "change-type":
      if (existing!.type === change.type) throw new AppError(409, "contact-type-unchanged", `${existing!.name} is already a ${change.type} contact.`, { path: "body.newType" });
      await tx.update(authorizedContacts).set({ type: change.type, ...approval, ...bump }).where(where(existing!.id));
      contactId = existing!.id;
      break;
    case "reactivate":
      if (existing!.status !== "deactivated") throw new AppError(409, "contact-not-deactivated", `${existing!.name} is not deactivated.`);
      // A new inactivity cycle starting now: the notices of the old one must not count.
      await tx
        .update(authorizedContacts)
        .set({ status: "active", deactivatedAt: null, deactivatedReason: null, lastActivityAt: options.now, inactivityCycle: sql`${authorizedContacts.inactivityCycle} + 1`, ...approval, ...bump })
        .where(where(existing!.id));
      await tx.insert(contactActivity).values({ districtId, contactId: existing!.id, kind: "reactivated", at: options.now });
      contactId = existing!.id;
      break;
  }
  const after = (await findContact(tx, scope, contactId))!;
  await recordAudit(tx, {
    districtId,
    actor: options.approver,
    action: AUDIT_ACTIONS[change.action],
    target: { type: "authorized-contact", id: after.id, name: after.name },
    before: existing ? pick(existing) : null,
    after: { ...pick(after), source: options.source, ...(overAllowance ? { approvedPastAllowance: true } : {}) },
  });
  return after;
}

const AUDIT_ACTIONS = { add: "contact.designated", remove: "contact.removed", "change-type": "contact.type-changed", reactivate: "contact.reactivated" } as const;

const pick = (c: ContactRow) => ({ username: c.username, type: c.type, status: c.status, lastActivityAt: c.lastActivityAt, deactivatedAt: c.deactivatedAt });
