import { and, eq } from "drizzle-orm";
import { recordAudit } from "../../../platform/audit.js";
import type { Db } from "../../../platform/db/connect.js";
import { reviewItems } from "../../../platform/db/schema/governance.js";
import { inDistrict } from "../../../platform/db/tenancy.js";
import type { DistrictActor } from "../../../platform/http/actor.js";
import { AppError, notFound } from "../../../platform/http/errors.js";
import { auditActor } from "../../rights/guards.js";
import { findCampaign, presentItems } from "./campaigns-repo.js";

export type Decision = { decision: "keep" | "remove" | "end"; endOn?: Date | undefined; note?: string | undefined };

/** The reviewer (or a Student Information System role holder) decides one item while the campaign is open. */
export async function decideReviewItem(db: Db, actor: DistrictActor, campaignId: string, itemId: string, input: Decision, now: Date) {
  if (input.decision === "end" && !input.endOn) throw new AppError(422, "end-date-required", "Choose the day the access ends.", { path: "body.endOn" });
  if (input.decision === "end" && input.endOn! <= now) throw new AppError(422, "end-date-past", "Choose an end day after today; to end access now, choose Remove.", { path: "body.endOn" });
  return db.transaction(async (tx) => {
    const campaign = await findCampaign(tx, actor, campaignId, true);
    if (!campaign) throw notFound("That campaign");
    if (campaign.status !== "open") throw new AppError(409, "campaign-not-open", `"${campaign.name}" is ${campaign.status}; decisions can only be made while it is open.`);
    const [current] = await tx.select().from(reviewItems).where(inDistrict(reviewItems, actor, and(eq(reviewItems.id, itemId), eq(reviewItems.campaignId, campaignId))));
    if (!current) throw notFound("That review item");
    if ((current.reviewerId ?? campaign.reviewerId) !== actor.userId && actor.productSecurityRole !== "student-information-system") {
      throw new AppError(403, "not-the-reviewer", "Only this item's reviewer, or an administrator with the Student Information System role, decides it.");
    }
    const [item] = await tx
      .update(reviewItems)
      .set({ decision: input.decision, endOn: input.decision === "end" ? input.endOn! : null, note: input.note ?? null, decidedById: actor.userId, decidedByName: actor.username, decidedAt: now })
      .where(inDistrict(reviewItems, actor, eq(reviewItems.id, itemId), eq(reviewItems.campaignId, campaignId)))
      .returning();
    if (!item) throw notFound("That review item");
    await recordAudit(tx, {
      districtId: actor.districtId,
      actor: auditActor(actor),
      action: "campaign.item-decided",
      target: { type: "campaign", id: campaignId, name: campaign.name },
      after: { item: item.id, user: item.username, source: item.groupName ?? item.source, decision: item.decision, endOn: item.endOn, note: item.note },
    });
    const [presented] = await presentItems(tx, actor, campaign, [item]);
    return presented!;
  });
}
