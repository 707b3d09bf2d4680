import { and, eq, sql } from "drizzle-orm";
import type { Db } from "../../platform/db/connect.js";
import { authorizedContacts, contactActivity } from "../../platform/db/schema/contacts.js";

export type ContactActivityKind = (typeof contactActivity.$inferInsert)["kind"];

export type ContactActivity = {
  districtId: string;
  contactId: string;
  kind: ContactActivityKind;
  at: Date;
  caseId?: string | null;
};

/**
 * Records something that keeps an authorized contact active (portal sign-in, a case created for
 * them, any case activity). Any activity clears a pending deactivation and starts a new
 * inactivity cycle, so the notices of the old cycle never block the next ones. A deactivated
 * contact stays deactivated: only an approved Modify Support Contact case reactivates.
 * Call it inside the transaction of the change it is about.
 */
export async function recordContactActivity(tx: Db, activity: ContactActivity): Promise<{ cleared: boolean }> {
  const where = and(eq(authorizedContacts.id, activity.contactId), eq(authorizedContacts.districtId, activity.districtId));
  const [before] = await tx.select({ status: authorizedContacts.status }).from(authorizedContacts).where(where).for("update");
  if (!before) throw new Error(`recordContactActivity: no contact ${activity.contactId} in district ${activity.districtId}`);
  await tx.insert(contactActivity).values({
    districtId: activity.districtId,
    contactId: activity.contactId,
    kind: activity.kind,
    at: activity.at,
    caseId: activity.caseId ?? null,
  });
  const pending = sql`${authorizedContacts.status} = 'pending-deactivation'`;
  await tx
    .update(authorizedContacts)
    .set({
      lastActivityAt: sql`greatest(${authorizedContacts.lastActivityAt}, ${activity.at.toISOString()}::timestamptz)`,
      status: sql`case when ${pending} then 'active' else ${authorizedContacts.status} end`,
      inactivityCycle: sql`${authorizedContacts.inactivityCycle} + case when ${pending} then 1 else 0 end`,
      version: sql`${authorizedContacts.version} + case when ${pending} then 1 else 0 end`,
    })
    .where(where);
  return { cleared: before.status === "pending-deactivation" };
}
