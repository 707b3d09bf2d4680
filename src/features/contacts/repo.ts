import { and, asc, eq, ne, sql } from "drizzle-orm";
import type { Db } from "../../platform/db/connect.js";
import { authorizedContacts, type ContactType } from "../../platform/db/schema/contacts.js";
import { districts } from "../../platform/db/schema/districts.js";
import { users } from "../../platform/db/schema/users.js";
import { inDistrict, type DistrictScope } from "../../platform/db/tenancy.js";
import type { Allowance } from "./allowance.js";

const contactColumns = {
  id: authorizedContacts.id,
  districtId: authorizedContacts.districtId,
  userId: authorizedContacts.userId,
  name: users.displayName,
  username: users.username,
  email: users.email,
  mfaEnabled: sql<boolean>`${users.mfaEnabledAt} is not null`,
  type: authorizedContacts.type,
  status: authorizedContacts.status,
  lastActivityAt: authorizedContacts.lastActivityAt,
  inactivityCycle: authorizedContacts.inactivityCycle,
  designatedAt: authorizedContacts.designatedAt,
  deactivatedAt: authorizedContacts.deactivatedAt,
  deactivatedReason: authorizedContacts.deactivatedReason,
  allowanceApprovedAt: authorizedContacts.allowanceApprovedAt,
  version: authorizedContacts.version,
};

export type ContactRow = {
  id: string;
  districtId: string;
  userId: string;
  name: string;
  username: string;
  email: string | null;
  mfaEnabled: boolean;
  type: ContactType;
  status: "active" | "pending-deactivation" | "deactivated";
  lastActivityAt: Date;
  inactivityCycle: number;
  designatedAt: Date;
  deactivatedAt: Date | null;
  deactivatedReason: "inactivity" | "removed" | null;
  allowanceApprovedAt: Date | null;
  version: number;
};

function contactsQuery(db: Db) {
  return db.select(contactColumns).from(authorizedContacts).innerJoin(users, eq(users.id, authorizedContacts.userId));
}

export async function findContactByUser(db: Db, scope: DistrictScope, userId: string): Promise<ContactRow | null> {
  const [row] = await contactsQuery(db).where(inDistrict(authorizedContacts, scope, eq(authorizedContacts.userId, userId))).limit(1);
  return row ?? null;
}

export async function findContact(db: Db, scope: DistrictScope, contactId: string): Promise<ContactRow | null> {
  const [row] = await contactsQuery(db).where(inDistrict(authorizedContacts, scope, eq(authorizedContacts.id, contactId))).limit(1);
  return row ?? null;
}

/** Contacts of a district, by name; `current` leaves out the deactivated ones. */
export async function listContacts(db: Db, scope: DistrictScope, options: { current?: boolean } = {}): Promise<ContactRow[]> {
  return contactsQuery(db)
    .where(inDistrict(authorizedContacts, scope, options.current ? ne(authorizedContacts.status, "deactivated") : undefined))
    .orderBy(asc(authorizedContacts.type), asc(users.displayName));
}

/** Contacts that count against the allowance: everyone not deactivated. */
export async function countCurrentContacts(db: Db, scope: DistrictScope): Promise<Allowance> {
  const rows = await db
    .select({ type: authorizedContacts.type, n: sql<number>`count(*)::int` })
    .from(authorizedContacts)
    .where(inDistrict(authorizedContacts, scope, ne(authorizedContacts.status, "deactivated")))
    .groupBy(authorizedContacts.type);
  const counts: Allowance = { support: 0, technical: 0 };
  for (const r of rows) counts[r.type] = Number(r.n);
  return counts;
}

export async function findDistrict(db: Db, districtId: string) {
  const [row] = await db.select().from(districts).where(eq(districts.id, districtId)).limit(1);
  return row ?? null;
}

/** A district user (not vendor staff) by id, only inside the given district. */
export async function findDistrictUser(db: Db, scope: DistrictScope, userId: string) {
  const [row] = await db
    .select({ id: users.id, name: users.displayName, username: users.username, email: users.email, disabled: users.disabled })
    .from(users)
    .where(and(eq(users.districtId, scope.districtId), eq(users.kind, "district"), eq(users.id, userId)))
    .limit(1);
  return row ?? null;
}

export const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

/** District users matching a search, with their contact designation if any. */
export async function searchDistrictUsers(db: Db, scope: DistrictScope, search: string, limit = 25) {
  const pattern = `%${escapeLike(search)}%`;
  return db
    .select({ id: users.id, name: users.displayName, username: users.username, email: users.email, contactType: authorizedContacts.type, contactStatus: authorizedContacts.status })
    .from(users)
    .leftJoin(authorizedContacts, eq(authorizedContacts.userId, users.id))
    .where(
      and(
        eq(users.districtId, scope.districtId),
        eq(users.kind, "district"),
        eq(users.disabled, false),
        search ? sql`(${users.displayName} ilike ${pattern} or ${users.username} ilike ${pattern} or ${users.email} ilike ${pattern})` : undefined,
      ),
    )
    .orderBy(asc(users.displayName))
    .limit(limit);
}

/** Whether the user is an authorized contact of their district who has not been deactivated (they must keep MFA on). */
export async function isCurrentContact(db: Db, userId: string): Promise<boolean> {
  const [row] = await db.select({ id: authorizedContacts.id }).from(authorizedContacts).where(and(eq(authorizedContacts.userId, userId), ne(authorizedContacts.status, "deactivated"))).limit(1);
  return Boolean(row);
}
