import { and, asc, eq, ilike, isNull, notInArray, or, sql, type SQL } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { Db } from "../../platform/db/connect.js";
import { authorizedContacts } from "../../platform/db/schema/contacts.js";
import { districts } from "../../platform/db/schema/districts.js";
import { caseAttachments, caseEvents, caseWatchers, supportCases } from "../../platform/db/schema/support.js";
import { users } from "../../platform/db/schema/users.js";
import { inDistrict, type DistrictScope } from "../../platform/db/tenancy.js";
import { escapeLike } from "../contacts/repo.js";
import { countAll, keyset, toPage, type SortKey } from "../../platform/http/paging.js";
import type { CASE_SORTS, CaseQuery } from "./schema.js";

export type CaseRow = typeof supportCases.$inferSelect;
export type NewEvent = Omit<typeof caseEvents.$inferInsert, "id">;

const contactUser = alias(users, "contact_user");
const assignee = alias(users, "assignee");

const summaryColumns = {
  id: supportCases.id,
  number: supportCases.number,
  kind: supportCases.kind,
  districtId: supportCases.districtId,
  districtName: districts.name,
  subject: supportCases.subject,
  productArea: supportCases.productArea,
  priority: supportCases.priority,
  status: supportCases.status,
  emergency: supportCases.emergency,
  contactName: contactUser.displayName,
  assigneeName: assignee.displayName,
  createdAt: supportCases.createdAt,
  updatedAt: supportCases.updatedAt,
};

function summaries<E extends Record<string, SQL>>(db: Db, extra?: E) {
  return db
    .select({ ...summaryColumns, ...(extra ?? ({} as E)) })
    .from(supportCases)
    .innerJoin(districts, eq(districts.id, supportCases.districtId))
    .innerJoin(authorizedContacts, eq(authorizedContacts.id, supportCases.contactId))
    .innerJoin(contactUser, eq(contactUser.id, authorizedContacts.userId))
    .leftJoin(assignee, eq(assignee.id, supportCases.assigneeId));
}

const caseSortKeys: Record<(typeof CASE_SORTS)[number], SortKey> = {
  priority: { expr: sql`(case when ${supportCases.emergency} then 0 else 10 end) + (case ${supportCases.priority} when 'urgent' then 0 when 'high' then 1 when 'normal' then 2 else 3 end)`, type: "integer" },
  number: { expr: supportCases.number, type: "integer" },
  subject: { expr: sql`lower(${supportCases.subject})`, type: "text" },
  district: { expr: sql`lower(${districts.name})`, type: "text" },
  contact: { expr: sql`lower(${contactUser.displayName})`, type: "text" },
  status: { expr: supportCases.status, type: "text" },
  assignee: { expr: sql`lower(${assignee.displayName})`, type: "text" },
  created: { expr: supportCases.createdAt, type: "timestamptz" },
  updated: { expr: supportCases.updatedAt, type: "timestamptz" },
};

/**
 * One page of the case list, for one district (a contact) or across districts (vendor staff,
 * scope null), with the total matching the filters.
 */
export async function pageCaseSummaries(db: Db, scope: DistrictScope | null, query: CaseQuery, vendorUserId?: string) {
  const conditions: (SQL | undefined)[] = [
    query.status === "active" ? notInArray(supportCases.status, ["resolved", "closed"]) : query.status === "all" ? undefined : eq(supportCases.status, query.status),
    query.priority ? eq(supportCases.priority, query.priority) : undefined,
    query.districtId ? eq(supportCases.districtId, query.districtId) : undefined,
    query.emergency ? eq(supportCases.emergency, query.emergency === "true") : undefined,
    query.assignee === "me" && vendorUserId ? eq(supportCases.assigneeId, vendorUserId) : query.assignee === "unassigned" ? isNull(supportCases.assigneeId) : undefined,
  ];
  if (query.search) {
    const pattern = `%${escapeLike(query.search)}%`;
    const number = /^#?\d{1,15}$/.test(query.search) ? Number(query.search.replace("#", "")) : null;
    conditions.push(or(ilike(supportCases.subject, pattern), ilike(supportCases.description, pattern), number !== null ? eq(supportCases.number, number) : undefined));
  }
  const where = scope ? inDistrict(supportCases, scope, ...conditions) : and(...conditions);
  const page = keyset(query, caseSortKeys, { column: supportCases.id, type: "uuid" });
  const rows = await summaries(db, { pageKey: page.key }).where(and(where, page.after)).orderBy(...page.orderBy).limit(page.limit);
  const [counted] = await db.select({ n: countAll }).from(supportCases).where(where);
  return toPage(rows, query, counted?.n ?? 0);
}

export async function findCaseSummary(db: Db, caseId: string) {
  const [row] = await summaries(db).where(eq(supportCases.id, caseId)).limit(1);
  return row ?? null;
}

/** A case inside a district; null when it does not exist there (the caller answers 404). */
export async function findCase(db: Db, scope: DistrictScope, caseId: string): Promise<CaseRow | null> {
  const [row] = await db.select().from(supportCases).where(inDistrict(supportCases, scope, eq(supportCases.id, caseId))).limit(1);
  return row ?? null;
}

/** Vendor staff reach every district's cases; the district comes from the case itself. */
export async function findAnyCase(db: Db, caseId: string): Promise<CaseRow | null> {
  const [row] = await db.select().from(supportCases).where(eq(supportCases.id, caseId)).limit(1);
  return row ?? null;
}

/** Locks the case for a change; the version guard makes a stale edit fail instead of overwrite. */
export async function lockCase(tx: Db, scope: DistrictScope, caseId: string): Promise<CaseRow | null> {
  const [row] = await tx.select().from(supportCases).where(inDistrict(supportCases, scope, eq(supportCases.id, caseId))).for("update");
  return row ?? null;
}

export async function updateCase(tx: Db, scope: DistrictScope, caseId: string, set: Partial<typeof supportCases.$inferInsert>, now: Date) {
  const [row] = await tx
    .update(supportCases)
    .set({ ...set, updatedAt: now, version: sql`${supportCases.version} + 1` })
    .where(inDistrict(supportCases, scope, eq(supportCases.id, caseId)))
    .returning();
  return row!;
}

export async function addEvent(tx: Db, event: NewEvent) {
  await tx.insert(caseEvents).values(event);
}

export async function listEvents(db: Db, scope: DistrictScope, caseId: string, includeInternal: boolean) {
  return db
    .select({ id: caseEvents.id, at: caseEvents.at, actorName: caseEvents.actorName, actorSide: caseEvents.actorSide, kind: caseEvents.kind, body: caseEvents.body, internal: caseEvents.internal, data: caseEvents.data })
    .from(caseEvents)
    .where(inDistrict(caseEvents, scope, eq(caseEvents.caseId, caseId), includeInternal ? undefined : eq(caseEvents.internal, false)))
    .orderBy(asc(caseEvents.id));
}

export async function listWatchers(db: Db, scope: DistrictScope, caseId: string) {
  return db
    .select({ contactId: caseWatchers.contactId, name: users.displayName, email: users.email, type: authorizedContacts.type })
    .from(caseWatchers)
    .innerJoin(authorizedContacts, eq(authorizedContacts.id, caseWatchers.contactId))
    .innerJoin(users, eq(users.id, authorizedContacts.userId))
    .where(inDistrict(caseWatchers, scope, eq(caseWatchers.caseId, caseId)))
    .orderBy(asc(users.displayName));
}

export async function listAttachmentMeta(db: Db, scope: DistrictScope, caseId: string) {
  return db
    .select({
      id: caseAttachments.id,
      fileName: caseAttachments.fileName,
      contentType: caseAttachments.contentType,
      sizeBytes: caseAttachments.sizeBytes,
      sha256: caseAttachments.sha256,
      uploadedByName: caseAttachments.uploadedByName,
      uploadedAt: caseAttachments.uploadedAt,
    })
    .from(caseAttachments)
    .where(inDistrict(caseAttachments, scope, eq(caseAttachments.caseId, caseId)))
    .orderBy(asc(caseAttachments.uploadedAt));
}

/** Email addresses of the case's contact and watchers: who hears about replies and changes. */
/** Someone a case event is told to: a person (emailed and notified in the app), or a bare mailbox. */
export type CaseRecipient = { userId: string | null; email: string | null };

/** The district side of a case: its contact, then its watchers by name. */
export async function districtRecipients(db: Db, scope: DistrictScope, c: CaseRow): Promise<CaseRecipient[]> {
  const person = { userId: users.id, email: users.email };
  const owner = await db
    .select(person)
    .from(authorizedContacts)
    .innerJoin(users, eq(users.id, authorizedContacts.userId))
    .where(inDistrict(authorizedContacts, scope, eq(authorizedContacts.id, c.contactId)));
  const watchers = await db
    .select(person)
    .from(caseWatchers)
    .innerJoin(authorizedContacts, eq(authorizedContacts.id, caseWatchers.contactId))
    .innerJoin(users, eq(users.id, authorizedContacts.userId))
    .where(inDistrict(caseWatchers, scope, eq(caseWatchers.caseId, c.id)))
    .orderBy(asc(users.displayName));
  return [...owner, ...watchers];
}

/** The vendor agent a case is assigned to, if any. */
export async function vendorRecipient(db: Db, userId: string | null): Promise<CaseRecipient | null> {
  if (!userId) return null;
  const [row] = await db.select({ userId: users.id, email: users.email }).from(users).where(and(eq(users.id, userId), eq(users.kind, "vendor"))).limit(1);
  return row ?? null;
}
