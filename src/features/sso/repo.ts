import { and, eq, lt } from "drizzle-orm";
import type { Db } from "../../platform/db/connect.js";
import { districts } from "../../platform/db/schema/districts.js";
import { ssoFlows, ssoIdentityLinks, ssoSettings, ssoUsedAssertions, type SsoProvider } from "../../platform/db/schema/sso.js";
import { users } from "../../platform/db/schema/users.js";
import type { DistrictScope } from "../../platform/db/tenancy.js";

export type SsoSettingsRow = typeof ssoSettings.$inferSelect;

export async function findDistrict(db: Db, slug: string) {
  const [row] = await db.select({ id: districts.id, slug: districts.slug, name: districts.name }).from(districts).where(eq(districts.slug, slug.toLowerCase())).limit(1);
  return row ?? null;
}

export async function readSettings(db: Db, scope: DistrictScope): Promise<SsoSettingsRow | null> {
  const [row] = await db.select().from(ssoSettings).where(eq(ssoSettings.districtId, scope.districtId)).limit(1);
  return row ?? null;
}

export async function writeSettings(db: Db, scope: DistrictScope, values: Partial<SsoSettingsRow>) {
  await db
    .insert(ssoSettings)
    .values({ ...values, districtId: scope.districtId })
    .onConflictDoUpdate({ target: ssoSettings.districtId, set: { ...values, updatedAt: new Date() } });
}

export async function saveFlow(db: Db, flow: typeof ssoFlows.$inferInsert) {
  await db.delete(ssoFlows).where(lt(ssoFlows.expiresAt, new Date()));
  await db.insert(ssoFlows).values(flow);
}

/** Takes a flow out (one use): a second answer with the same state or request id finds nothing. */
export async function takeFlow(db: Db, scope: DistrictScope, provider: SsoProvider, id: string, now: Date) {
  await db.delete(ssoFlows).where(lt(ssoFlows.expiresAt, now));
  const [row] = await db
    .delete(ssoFlows)
    .where(and(eq(ssoFlows.id, id), eq(ssoFlows.districtId, scope.districtId), eq(ssoFlows.provider, provider)))
    .returning();
  return row && row.expiresAt > now ? row : null;
}

export async function peekFlow(db: Db, scope: DistrictScope, provider: SsoProvider, id: string, now: Date) {
  const [row] = await db.select().from(ssoFlows).where(and(eq(ssoFlows.id, id), eq(ssoFlows.districtId, scope.districtId), eq(ssoFlows.provider, provider))).limit(1);
  return row && row.expiresAt > now ? row : null;
}

/** Records an assertion id; false when it was seen before (a replay). Expired ids are pruned. */
export async function markAssertionUsed(db: Db, scope: DistrictScope, assertionId: string, expiresAt: Date, now: Date): Promise<boolean> {
  await db.delete(ssoUsedAssertions).where(lt(ssoUsedAssertions.expiresAt, now));
  const inserted = await db
    .insert(ssoUsedAssertions)
    .values({ districtId: scope.districtId, assertionId, expiresAt })
    .onConflictDoNothing()
    .returning({ id: ssoUsedAssertions.assertionId });
  return inserted.length === 1;
}

export async function findLinkedUser(db: Db, scope: DistrictScope, provider: SsoProvider, subject: string) {
  const [row] = await db
    .select({ user: users })
    .from(ssoIdentityLinks)
    .innerJoin(users, eq(users.id, ssoIdentityLinks.userId))
    .where(and(eq(ssoIdentityLinks.districtId, scope.districtId), eq(ssoIdentityLinks.provider, provider), eq(ssoIdentityLinks.subject, subject)))
    .limit(1);
  return row?.user ?? null;
}

export async function listLinks(db: Db, scope: DistrictScope, userId?: string) {
  return db
    .select({ id: ssoIdentityLinks.id, provider: ssoIdentityLinks.provider, subject: ssoIdentityLinks.subject, userId: ssoIdentityLinks.userId, username: users.username, createdAt: ssoIdentityLinks.createdAt })
    .from(ssoIdentityLinks)
    .innerJoin(users, eq(users.id, ssoIdentityLinks.userId))
    .where(and(eq(ssoIdentityLinks.districtId, scope.districtId), userId ? eq(ssoIdentityLinks.userId, userId) : undefined))
    .orderBy(users.username, ssoIdentityLinks.provider);
}

export async function insertLink(db: Db, scope: DistrictScope, link: { provider: SsoProvider; subject: string; userId: string }) {
  const rows = await db.insert(ssoIdentityLinks).values({ ...link, districtId: scope.districtId }).onConflictDoNothing().returning();
  return rows[0] ?? null;
}

export async function deleteLink(db: Db, scope: DistrictScope, linkId: string) {
  const [row] = await db.delete(ssoIdentityLinks).where(and(eq(ssoIdentityLinks.id, linkId), eq(ssoIdentityLinks.districtId, scope.districtId))).returning();
  return row ?? null;
}

export async function findDistrictUserById(db: Db, scope: DistrictScope, userId: string) {
  const [row] = await db.select().from(users).where(and(eq(users.id, userId), eq(users.districtId, scope.districtId))).limit(1);
  return row ?? null;
}

export async function findDistrictSlug(db: Db, districtId: string) {
  const [row] = await db.select({ slug: districts.slug }).from(districts).where(eq(districts.id, districtId)).limit(1);
  return row?.slug ?? null;
}
