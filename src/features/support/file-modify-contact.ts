import { and, eq } from "drizzle-orm";
import type { AppDeps } from "../../platform/deps.js";
import { modifyContactRequests } from "../../platform/db/schema/support.js";
import { AppError, notFound } from "../../platform/http/errors.js";
import { findContact, findContactByUser, findDistrictUser } from "../contacts/repo.js";
import type { PortalCaller } from "../contacts/require-portal-contact.js";
import { createCaseIn } from "./open-case.js";
import type { NewModifyContact } from "./schema.js";

const VERB = { add: "Add", remove: "Remove", "change-type": "Change type of", reactivate: "Reactivate" } as const;

/**
 * An active contact asks Support to add, remove, retype or reactivate a contact of their own
 * district. It is a case like any other (timeline, comments, activity) carrying one request
 * that vendor staff approve or decline. A deactivated contact never gets here (the portal gate
 * refuses them), so nobody can file for their own reactivation.
 */
export async function fileModifyContact(deps: AppDeps, caller: PortalCaller, input: NewModifyContact) {
  const { db } = deps.database;
  const scope = caller.actor;
  let target: { userId: string; contactId: string | null; name: string };
  if (input.action === "add") {
    const user = await findDistrictUser(db, scope, input.userId);
    if (!user || user.disabled) throw new AppError(404, "not-found", "There is no such user in your district.", { path: "body.userId" });
    const existing = await findContactByUser(db, scope, input.userId);
    if (existing) {
      throw new AppError(409, "already-a-contact", existing.status === "deactivated" ? `${user.name} is a deactivated contact: ask for a reactivation instead.` : `${user.name} is already a ${existing.type} contact.`, { path: "body.userId" });
    }
    target = { userId: user.id, contactId: null, name: user.name };
  } else {
    const contact = await findContact(db, scope, input.contactId);
    if (!contact) throw notFound("Authorized contact");
    if (input.action === "reactivate" && contact.status !== "deactivated") throw new AppError(409, "contact-not-deactivated", `${contact.name} is not deactivated.`, { path: "body.contactId" });
    if (input.action === "remove" && contact.status === "deactivated") throw new AppError(409, "contact-already-deactivated", `${contact.name} is already deactivated.`, { path: "body.contactId" });
    if (input.action === "change-type" && contact.type === input.newType) throw new AppError(409, "contact-type-unchanged", `${contact.name} is already a ${input.newType} contact.`, { path: "body.newType" });
    target = { userId: contact.userId, contactId: contact.id, name: contact.name };
  }
  const newType = input.action === "add" || input.action === "change-type" ? input.newType : null;
  return db.transaction(async (tx) => {
    const [pending] = await tx
      .select({ id: modifyContactRequests.id })
      .from(modifyContactRequests)
      .where(and(eq(modifyContactRequests.districtId, scope.districtId), eq(modifyContactRequests.targetUserId, target.userId), eq(modifyContactRequests.status, "pending")))
      .limit(1);
    if (pending) throw new AppError(409, "modify-request-pending", `There is already an open Modify Support Contact case about ${target.name}.`);
    const subject = `Modify Support Contact: ${VERB[input.action]} ${target.name}${newType ? ` (${newType})` : ""}`;
    const c = await createCaseIn(tx, deps, caller, { subject, description: input.reason, productArea: "Authorized Contacts", priority: "normal", watcherContactIds: [] }, "modify-contact");
    await tx.insert(modifyContactRequests).values({ districtId: scope.districtId, caseId: c.id, action: input.action, targetUserId: target.userId, targetContactId: target.contactId, newType });
    return c;
  });
}
