import { and, asc, desc, eq, inArray, isNull, sql } from "drizzle-orm";
import type { Db } from "../../../platform/db/connect.js";
import { reviewCampaigns, reviewItems } from "../../../platform/db/schema/governance.js";
import { users } from "../../../platform/db/schema/users.js";
import { inDistrict, type DistrictScope } from "../../../platform/db/tenancy.js";

export type CampaignRow = typeof reviewCampaigns.$inferSelect;
export type ItemRow = typeof reviewItems.$inferSelect;

export async function findCampaign(db: Db, scope: DistrictScope, id: string, lock = false): Promise<CampaignRow | null> {
  const q = db.select().from(reviewCampaigns).where(inDistrict(reviewCampaigns, scope, eq(reviewCampaigns.id, id))).limit(1);
  const [row] = lock ? await q.for("update") : await q;
  return row ?? null;
}

export async function listCampaigns(db: Db, scope: DistrictScope) {
  const counts = (cond: ReturnType<typeof sql>) => sql<number>`(select count(*) from ${reviewItems} i where i.campaign_id = "review_campaigns"."id" and ${cond})`.mapWith(Number);
  return db
    .select({
      id: reviewCampaigns.id,
      name: reviewCampaigns.name,
      scope: reviewCampaigns.scope,
      status: reviewCampaigns.status,
      startsOn: reviewCampaigns.startsOn,
      dueOn: reviewCampaigns.dueOn,
      defaultDecision: reviewCampaigns.defaultDecision,
      repeatEveryDays: reviewCampaigns.repeatEveryDays,
      createdByName: reviewCampaigns.createdByName,
      closedAt: reviewCampaigns.closedAt,
      items: counts(sql`true`),
      decided: counts(sql`i.decision is not null`),
    })
    .from(reviewCampaigns)
    .where(inDistrict(reviewCampaigns, scope))
    .orderBy(desc(reviewCampaigns.createdAt));
}

export async function listItems(db: Db, scope: DistrictScope, campaignId: string): Promise<ItemRow[]> {
  return db.select().from(reviewItems).where(inDistrict(reviewItems, scope, eq(reviewItems.campaignId, campaignId))).orderBy(asc(reviewItems.username), asc(reviewItems.groupName));
}

/** Items as a reader sees them: who decides each, and whether that is the reader. */
export async function presentItems(db: Db, scope: DistrictScope & { userId: string }, campaign: Pick<CampaignRow, "reviewerId">, items: ItemRow[]) {
  const ids = [...new Set(items.map((i) => i.reviewerId ?? campaign.reviewerId))];
  const people = ids.length ? await db.select({ id: users.id, displayName: users.displayName }).from(users).where(inDistrict(users, scope, inArray(users.id, ids))) : [];
  const byId = new Map(people.map((p) => [p.id, p]));
  return items.map((i) => {
    const reviewerId = i.reviewerId ?? campaign.reviewerId;
    return { ...i, reviewer: byId.get(reviewerId) ?? null, youDecide: reviewerId === scope.userId };
  });
}

export async function lastSignIns(db: Db, scope: DistrictScope, userIds: string[]) {
  if (userIds.length === 0) return new Map<string, { username: string; displayName: string; lastLoginAt: Date | null }>();
  const rows = await db.select({ id: users.id, username: users.username, displayName: users.displayName, lastLoginAt: users.lastLoginAt }).from(users).where(inDistrict(users, scope, inArray(users.id, userIds)));
  return new Map(rows.map((r) => [r.id, r]));
}

/** Open campaigns of every district due on or before `by`: one row per reviewer with undecided items, and how many. */
export async function campaignsDueBy(db: Db, by: Date) {
  const reviewer = sql<string>`coalesce(${reviewItems.reviewerId}, ${reviewCampaigns.reviewerId})`;
  return db
    .select({ id: reviewCampaigns.id, districtId: reviewCampaigns.districtId, name: reviewCampaigns.name, dueOn: reviewCampaigns.dueOn, reviewerId: reviewer, undecided: sql<number>`count(${reviewItems.id})`.mapWith(Number) })
    .from(reviewCampaigns)
    .innerJoin(reviewItems, and(eq(reviewItems.campaignId, reviewCampaigns.id), isNull(reviewItems.decision)))
    .where(and(eq(reviewCampaigns.status, "open"), sql`${reviewCampaigns.dueOn} <= ${by}`))
    .groupBy(reviewCampaigns.id, reviewer);
}

/** Scheduled campaigns (the next of a recurring one) whose start day has come. */
export async function campaignsToStart(db: Db, now: Date) {
  return db.select().from(reviewCampaigns).where(and(eq(reviewCampaigns.status, "scheduled"), sql`${reviewCampaigns.startsOn} <= ${now}`));
}
