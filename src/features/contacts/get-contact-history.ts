import { and, desc, eq } from "drizzle-orm";
import type { Db } from "../../platform/db/connect.js";
import { auditLog } from "../../platform/db/schema/audit.js";
import { authorizedContacts, contactActivity } from "../../platform/db/schema/contacts.js";
import { districts } from "../../platform/db/schema/districts.js";
import { inDistrict } from "../../platform/db/tenancy.js";
import { notFound } from "../../platform/http/errors.js";
import { findContact } from "./repo.js";

/** One contact for vendor staff: status, recent activity and every change to the designation. */
export async function getContactHistory(db: Db, contactId: string) {
  const [owner] = await db
    .select({ districtId: authorizedContacts.districtId, districtName: districts.name })
    .from(authorizedContacts)
    .innerJoin(districts, eq(districts.id, authorizedContacts.districtId))
    .where(eq(authorizedContacts.id, contactId))
    .limit(1);
  if (!owner) throw notFound("Authorized contact");
  const scope = { districtId: owner.districtId };
  const contact = (await findContact(db, scope, contactId))!;
  const activity = await db
    .select({ at: contactActivity.at, kind: contactActivity.kind, caseId: contactActivity.caseId })
    .from(contactActivity)
    .where(inDistrict(contactActivity, scope, eq(contactActivity.contactId, contactId)))
    .orderBy(desc(contactActivity.at))
    .limit(50);
  const changes = await db
    .select({ at: auditLog.at, action: auditLog.action, actorName: auditLog.actorName, before: auditLog.before, after: auditLog.after })
    .from(auditLog)
    .where(and(eq(auditLog.districtId, owner.districtId), eq(auditLog.targetType, "authorized-contact"), eq(auditLog.targetId, contactId)))
    .orderBy(desc(auditLog.id))
    .limit(100);
  return { contact, district: { id: owner.districtId, name: owner.districtName }, activity, changes };
}
