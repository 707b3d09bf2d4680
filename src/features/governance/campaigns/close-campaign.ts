import { and, eq, isNull } from "drizzle-orm";
import { recordAudit } from "../../../platform/audit.js";
import { reviewCampaigns, reviewItems } from "../../../platform/db/schema/governance.js";
import { users } from "../../../platform/db/schema/users.js";
import { inDistrict } from "../../../platform/db/tenancy.js";
import type { AppDeps } from "../../../platform/deps.js";
import type { DistrictActor } from "../../../platform/http/actor.js";
import { AppError, notFound } from "../../../platform/http/errors.js";
import { auditActor } from "../../rights/guards.js";
import { applyReviewDecision } from "./apply-review-decision.js";
import { findCampaign, listItems } from "./campaigns-repo.js";

const DAY_MS = 86_400_000;

/** The reviewer as an Actor, so their decisions go through the rules as their own changes. */
async function reviewerActor(deps: AppDeps, scope: DistrictActor, userId: string): Promise<DistrictActor> {
  const [u] = await deps.database.db.select().from(users).where(inDistrict(users, scope, eq(users.id, userId))).limit(1);
  if (!u) throw new AppError(409, "reviewer-gone", "The campaign's reviewer no longer has an account in this district; nothing was applied.");
  return { userId: u.id, username: u.username, displayName: u.displayName, kind: "district", districtId: scope.districtId, productSecurityRole: u.productSecurityRole, sessionId: scope.sessionId, rights: await deps.rights.viewFor(u) };
}

/**
 * Closes a campaign: no more decisions, then every item is carried out (an undecided one by the
 * campaign's default), each with its outcome kept for the report. Closing again finishes items
 * a crash left unapplied. A recurring campaign schedules its next run.
 */
export async function closeCampaign(deps: AppDeps, actor: DistrictActor, campaignId: string) {
  const { db } = deps.database;
  const now = deps.clock.now();
  const campaign = await db.transaction(async (tx) => {
    const c = await findCampaign(tx, actor, campaignId, true);
    if (!c) throw notFound("That campaign");
    if (c.status === "scheduled") throw new AppError(409, "campaign-not-open", `"${c.name}" has not started yet.`);
    if (c.status === "open") {
      await tx.update(reviewCampaigns).set({ status: "closed", closedAt: now, closedByName: actor.username }).where(eq(reviewCampaigns.id, c.id));
      if (c.repeatEveryDays) {
        const shift = (d: Date) => new Date(d.getTime() + c.repeatEveryDays! * DAY_MS);
        await tx.insert(reviewCampaigns).values({ districtId: c.districtId, name: c.name, scope: c.scope, status: "scheduled", startsOn: shift(c.startsOn), dueOn: shift(c.dueOn), reviewerId: c.reviewerId, reviewerMode: c.reviewerMode, defaultDecision: c.defaultDecision, repeatEveryDays: c.repeatEveryDays, createdById: c.createdById, createdByName: c.createdByName });
      }
    }
    return c;
  });
  const items = (await listItems(db, actor, campaignId)).filter((i) => i.outcome === null);
  const reviewers = new Map<string, DistrictActor>();
  const outcomes: Record<string, number> = {};
  for (const item of items) {
    const by = item.decidedById ?? item.reviewerId ?? campaign.reviewerId;
    if (!reviewers.has(by)) reviewers.set(by, await reviewerActor(deps, actor, by));
    const decision = item.decision ?? campaign.defaultDecision;
    const outcome = await applyReviewDecision(db, reviewers.get(by)!, item, decision, now);
    const text = item.decision ? outcome : `${outcome} (no decision: the campaign's default)`;
    await db.update(reviewItems).set({ outcome: text }).where(and(eq(reviewItems.id, item.id), isNull(reviewItems.outcome)));
    outcomes[decision] = (outcomes[decision] ?? 0) + 1;
  }
  await recordAudit(db, { districtId: actor.districtId, actor: auditActor(actor), action: "campaign.closed", target: { type: "campaign", id: campaignId, name: campaign.name }, after: { applied: items.length, outcomes } });
  return { closed: true, applied: items.length, outcomes };
}
