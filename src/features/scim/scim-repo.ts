import { and, asc, count, eq, inArray, isNull, notExists, sql, type SQL } from "drizzle-orm";
import type { Db } from "../../platform/db/connect.js";
import { serviceAccounts } from "../../platform/db/schema/api-tokens.js";
import { userGroupMembers, userGroups } from "../../platform/db/schema/rights.js";
import { scimGroups, scimUsers } from "../../platform/db/schema/scim.js";
import { users } from "../../platform/db/schema/users.js";
import { inDistrict, type DistrictScope } from "../../platform/db/tenancy.js";
import type { FilterColumns } from "./filter-sql.js";

const userColumns = {
  id: users.id,
  username: users.username,
  displayName: users.displayName,
  email: users.email,
  disabled: users.disabled,
  createdAt: users.createdAt,
  externalId: scimUsers.externalId,
  givenName: scimUsers.givenName,
  familyName: scimUsers.familyName,
  employeeNumber: scimUsers.employeeNumber,
  department: scimUsers.department,
  title: scimUsers.title,
  updatedAt: scimUsers.updatedAt,
};
export type ScimUserRow = {
  id: string; username: string; displayName: string; email: string | null; disabled: boolean; createdAt: Date;
  externalId: string | null; givenName: string | null; familyName: string | null; employeeNumber: string | null; department: string | null; title: string | null; updatedAt: Date | null;
  groups: { value: string; display: string }[];
};

export const USER_FILTERS: FilterColumns = {
  id: { expr: sql`${users.id}::text`, caseExact: true },
  userName: { expr: sql`${users.username}`, caseExact: false },
  displayName: { expr: sql`${users.displayName}`, caseExact: false },
  externalId: { expr: sql`${scimUsers.externalId}`, caseExact: true },
  "emails.value": { expr: sql`${users.email}`, caseExact: false },
  emails: { expr: sql`${users.email}`, caseExact: false },
  // the one email Gatehouse keeps is the work email
  "emails.type": { expr: sql`(case when ${users.email} is null then null else 'work' end)`, caseExact: false },
  "name.givenName": { expr: sql`${scimUsers.givenName}`, caseExact: false },
  "name.familyName": { expr: sql`${scimUsers.familyName}`, caseExact: false },
  active: { expr: sql`(not ${users.disabled})`, caseExact: true },
};

/** The district's people as SCIM sees them: not service accounts, not deleted over SCIM. */
function visibleUsers(scope: DistrictScope, ...more: (SQL | undefined)[]) {
  return inDistrict(users, scope, isNull(scimUsers.deletedAt), notExists(sql`(select 1 from ${serviceAccounts} s where s.user_id = ${users.id})`), ...more);
}

export async function pageUsers(db: Db, scope: DistrictScope, where: SQL | undefined, offset: number, limit: number, sort: SQL | null = null) {
  const base = db.select(userColumns).from(users).leftJoin(scimUsers, eq(scimUsers.userId, users.id));
  const [total] = await db.select({ n: count() }).from(users).leftJoin(scimUsers, eq(scimUsers.userId, users.id)).where(visibleUsers(scope, where));
  const rows = limit === 0 ? [] : await base.where(visibleUsers(scope, where)).orderBy(...(sort ? [sort] : []), asc(users.createdAt), asc(users.id)).offset(offset).limit(limit);
  return { total: total!.n, rows: await withGroups(db, scope, rows) };
}

export async function findScimUser(db: Db, scope: DistrictScope, userId: string): Promise<ScimUserRow | null> {
  if (!isUuid(userId)) return null;
  const rows = await db.select(userColumns).from(users).leftJoin(scimUsers, eq(scimUsers.userId, users.id)).where(visibleUsers(scope, eq(users.id, userId))).limit(1);
  return (await withGroups(db, scope, rows))[0] ?? null;
}

async function withGroups(db: Db, scope: DistrictScope, rows: Omit<ScimUserRow, "groups">[]): Promise<ScimUserRow[]> {
  if (rows.length === 0) return [];
  const memberships = await db
    .select({ userId: userGroupMembers.userId, value: userGroups.id, display: userGroups.name })
    .from(userGroupMembers)
    .innerJoin(userGroups, eq(userGroups.id, userGroupMembers.groupId))
    .where(inDistrict(userGroupMembers, scope, inArray(userGroupMembers.userId, rows.map((r) => r.id))))
    .orderBy(asc(userGroups.name));
  return rows.map((r) => ({ ...r, groups: memberships.filter((m) => m.userId === r.id).map(({ value, display }) => ({ value, display })) }));
}

export type ScimGroupRow = { id: string; displayName: string; externalId: string | null; createdAt: Date; updatedAt: Date; members: { value: string; display: string }[] };

export const GROUP_FILTERS: FilterColumns = {
  id: { expr: sql`${userGroups.id}::text`, caseExact: true },
  displayName: { expr: sql`${userGroups.name}`, caseExact: false },
  externalId: { expr: sql`${scimGroups.externalId}`, caseExact: true },
  "members.value": { expr: sql`''`, caseExact: true, multi: memberFilter },
  members: { expr: sql`''`, caseExact: true, multi: memberFilter },
};

function memberFilter(f: { op: string; compValue?: unknown }): SQL {
  if (f.op !== "eq" || typeof f.compValue !== "string" || !isUuid(f.compValue)) return sql`false`;
  return sql`exists (select 1 from ${userGroupMembers} m where m.group_id = ${userGroups.id} and m.user_id = ${f.compValue})`;
}

const groupColumns = { id: userGroups.id, displayName: userGroups.name, externalId: scimGroups.externalId, createdAt: userGroups.createdAt, updatedAt: userGroups.updatedAt };

export async function pageGroups(db: Db, scope: DistrictScope, where: SQL | undefined, offset: number, limit: number, withMembers: boolean, sort: SQL | null = null) {
  const [total] = await db.select({ n: count() }).from(userGroups).leftJoin(scimGroups, eq(scimGroups.groupId, userGroups.id)).where(inDistrict(userGroups, scope, where));
  const rows = limit === 0 ? [] : await db.select(groupColumns).from(userGroups).leftJoin(scimGroups, eq(scimGroups.groupId, userGroups.id)).where(inDistrict(userGroups, scope, where)).orderBy(...(sort ? [sort] : []), asc(userGroups.createdAt), asc(userGroups.id)).offset(offset).limit(limit);
  return { total: total!.n, rows: await withMembersOf(db, scope, rows, withMembers) };
}

export async function findScimGroup(db: Db, scope: DistrictScope, groupId: string): Promise<ScimGroupRow | null> {
  if (!isUuid(groupId)) return null;
  const rows = await db.select(groupColumns).from(userGroups).leftJoin(scimGroups, eq(scimGroups.groupId, userGroups.id)).where(inDistrict(userGroups, scope, eq(userGroups.id, groupId))).limit(1);
  return (await withMembersOf(db, scope, rows, true))[0] ?? null;
}

async function withMembersOf(db: Db, scope: DistrictScope, rows: Omit<ScimGroupRow, "members">[], withMembers: boolean): Promise<ScimGroupRow[]> {
  if (rows.length === 0 || !withMembers) return rows.map((r) => ({ ...r, members: [] }));
  const members = await db
    .select({ groupId: userGroupMembers.groupId, value: users.id, display: users.username })
    .from(userGroupMembers)
    .innerJoin(users, eq(users.id, userGroupMembers.userId))
    .where(inDistrict(userGroupMembers, scope, inArray(userGroupMembers.groupId, rows.map((r) => r.id)), notExists(sql`(select 1 from ${serviceAccounts} s where s.user_id = ${users.id})`)))
    .orderBy(asc(users.username));
  return rows.map((r) => ({ ...r, members: members.filter((m) => m.groupId === r.id).map(({ value, display }) => ({ value, display })) }));
}

/** Whether a user id is one SCIM may provision: a person of this district (not a service account). */
export async function isProvisionable(db: Db, scope: DistrictScope, userId: string): Promise<boolean> {
  if (!isUuid(userId)) return false;
  const [row] = await db.select({ id: users.id }).from(users).leftJoin(scimUsers, eq(scimUsers.userId, users.id)).where(visibleUsers(scope, eq(users.id, userId))).limit(1);
  return Boolean(row);
}

export async function findDeletedByUsername(db: Db, scope: DistrictScope, username: string) {
  const [row] = await db
    .select({ id: users.id })
    .from(users)
    .innerJoin(scimUsers, eq(scimUsers.userId, users.id))
    .where(inDistrict(users, scope, sql`lower(${users.username}) = lower(${username})`, sql`${scimUsers.deletedAt} is not null`))
    .limit(1);
  return row?.id ?? null;
}

export const isUuid = (v: string) => /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(v);
