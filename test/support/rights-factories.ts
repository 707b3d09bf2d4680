import { and, eq } from "drizzle-orm";
import type { FastifyInstance } from "fastify";
import type { Db } from "../../src/platform/db/connect.js";
import { calendarGrants, rightEntries, userGroupMembers, userGroups } from "../../src/platform/db/schema/rights.js";
import type { ProductSecurityRole } from "../../src/platform/db/schema/users.js";
import { bumpRightsVersion } from "../../src/features/rights/rights-version.js";
import { buildDistrict, buildUser } from "./factories.js";
import { afterAll, beforeAll } from "vitest";
import { createTestApp, signIn, type Client, type TestApp } from "./test-app.js";

type Rights = "" | "R" | "RW" | "RWA" | "RWAD";
export type GroupSpec = {
  name?: string;
  memberLimit?: number;
  /** tool path → rights, or "deny" */
  rights?: Record<string, Rights | "deny">;
  calendars?: { school: string; year: string; calendar: string; modify: boolean }[];
  members?: string[];
};

/** A group written straight to the tables (bumping the rights version as the API does). */
export async function buildRightsGroup(db: Db, districtId: string, spec: GroupSpec = {}): Promise<string> {
  const [group] = await db
    .insert(userGroups)
    .values({ districtId, name: spec.name ?? `Group ${Math.random().toString(36).slice(2, 8)}`, memberLimit: spec.memberLimit ?? null })
    .returning();
  const groupId = group!.id;
  const entries = Object.entries(spec.rights ?? {});
  if (entries.length > 0) {
    await db.insert(rightEntries).values(entries.map(([toolPath, r]) => ({ districtId, groupId, toolPath, rights: r === "deny" ? ("" as const) : r, deny: r === "deny" })));
  }
  if (spec.calendars?.length) await db.insert(calendarGrants).values(spec.calendars.map((c) => ({ districtId, groupId, ...c })));
  for (const userId of spec.members ?? []) await db.insert(userGroupMembers).values({ districtId, groupId, userId });
  await bumpRightsVersion(db, { districtId }, { groups: [groupId], users: spec.members ?? [] });
  return groupId;
}

export type RightsDistrict = {
  districtId: string;
  slug: string;
  admin: { id: string; client: Client };
  groupAdmin: { id: string; client: Client };
  staff: { id: string; client: Client };
};

/**
 * A district with three signed-in people: an administrator holding the Student Information
 * System role, a membership administrator (SIS Group Assignment role) and staff with no role.
 * The latter two get the rights tools through a group, so only the role rule can refuse them.
 */
export async function buildRightsDistrict(app: FastifyInstance, db: Db): Promise<RightsDistrict> {
  const district = await buildDistrict(db);
  const person = async (role: ProductSecurityRole) => {
    const user = await buildUser(db, { districtId: district.id, role });
    return { id: user.id, username: user.username };
  };
  const admin = await person("student-information-system");
  const groupAdmin = await person("sis-group-assignment");
  const staff = await person("none");
  await buildRightsGroup(db, district.id, {
    name: "Security Staff",
    rights: { "System Administration > User Security": "RWAD" },
    members: [groupAdmin.id, staff.id],
  });
  const client = (u: { username: string }) => signIn(app, { district: district.slug, username: u.username });
  return {
    districtId: district.id,
    slug: district.slug,
    admin: { id: admin.id, client: await client(admin) },
    groupAdmin: { id: groupAdmin.id, client: await client(groupAdmin) },
    staff: { id: staff.id, client: await client(staff) },
  };
}

/**
 * Starts the app with a rights district before the file's tests and closes it after; read
 * `ctx.t` and `ctx.d` inside tests (they are set by then).
 */
export function useRightsDistrict(): { t: TestApp; d: RightsDistrict } {
  const ctx = {} as { t: TestApp; d: RightsDistrict };
  beforeAll(async () => {
    ctx.t = await createTestApp();
    ctx.d = await buildRightsDistrict(ctx.t.app, ctx.t.database.db);
  });
  afterAll(() => ctx.t.close());
  return ctx;
}

/** The seed's All Campus Users rights (Account Setting, Log Off, My Data), which every real user holds. */
export const ALL_CAMPUS_USERS_RIGHTS = { "Account Setting": "RWAD", "Log Off": "RWAD", "My Data": "RW" } as const;

/** Puts users in their district's All Campus Users group (made at the first call), so their own account page works. */
export async function joinAllCampusUsers(db: Db, districtId: string, userIds: string[]): Promise<string> {
  const [found] = await db.select({ id: userGroups.id }).from(userGroups).where(and(eq(userGroups.districtId, districtId), eq(userGroups.name, "All Campus Users")));
  if (!found) return buildRightsGroup(db, districtId, { name: "All Campus Users", rights: ALL_CAMPUS_USERS_RIGHTS, members: userIds });
  for (const userId of userIds) await db.insert(userGroupMembers).values({ districtId, groupId: found.id, userId });
  await bumpRightsVersion(db, { districtId }, { groups: [found.id], users: userIds });
  return found.id;
}
