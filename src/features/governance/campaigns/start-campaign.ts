import { eq } from "drizzle-orm";
import { findNode, getCatalog } from "../../../domain/rights/catalog.js";
import { recordAudit } from "../../../platform/audit.js";
import type { Db } from "../../../platform/db/connect.js";
import { reviewCampaigns, type CampaignScope } from "../../../platform/db/schema/governance.js";
import { users } from "../../../platform/db/schema/users.js";
import { inDistrict } from "../../../platform/db/tenancy.js";
import type { DistrictActor } from "../../../platform/http/actor.js";
import { AppError } from "../../../platform/http/errors.js";
import { auditActor } from "../../rights/guards.js";
import { findGroup } from "../../rights/repo-groups.js";
import { openCampaignItems } from "./open-campaign-items.js";

export type NewCampaign = {
  name: string;
  scope: CampaignScope;
  dueOn: Date;
  /** the person who decides every item; the starting administrator when absent */
  reviewerId?: string | undefined;
  /** "group-owners": each group's owner decides the items of its members */
  reviewerMode: "named" | "group-owners";
  defaultDecision: "keep" | "remove";
  repeatEveryDays?: number | undefined;
};

async function checkScope(db: Db, actor: DistrictActor, scope: CampaignScope) {
  if (scope.kind === "group" && !(await findGroup(db, actor, scope.groupId))) throw new AppError(404, "not-found", "That group was not found.", { path: "body.scope.groupId" });
  if (scope.kind === "tool" && !findNode(getCatalog(), scope.toolPath)) throw new AppError(422, "unknown-tool", `There is no tool "${scope.toolPath}".`, { path: "body.scope.toolPath" });
}

/** Starts a campaign: who reviews, by when, what becomes of undecided items; its items are opened now. */
export async function startCampaign(db: Db, actor: DistrictActor, input: NewCampaign, now: Date) {
  if (input.dueOn <= now) throw new AppError(422, "due-in-past", "Choose a due date after today: reviewers need time to decide.", { path: "body.dueOn" });
  await checkScope(db, actor, input.scope);
  const reviewerId = input.reviewerId ?? actor.userId;
  const [reviewer] = await db.select({ id: users.id, username: users.username, disabled: users.disabled }).from(users).where(inDistrict(users, actor, eq(users.id, reviewerId))).limit(1);
  if (!reviewer || reviewer.disabled) throw new AppError(404, "not-found", "That reviewer was not found among the district's enabled accounts.", { path: "body.reviewerId" });
  return db.transaction(async (tx) => {
    const [campaign] = await tx
      .insert(reviewCampaigns)
      .values({ districtId: actor.districtId, name: input.name, scope: input.scope, status: "scheduled", startsOn: now, dueOn: input.dueOn, reviewerId, reviewerMode: input.reviewerMode, defaultDecision: input.defaultDecision, repeatEveryDays: input.repeatEveryDays ?? null, createdById: actor.userId, createdByName: actor.username })
      .returning();
    const items = await openCampaignItems(tx, actor, campaign!, now);
    await recordAudit(tx, {
      districtId: actor.districtId,
      actor: auditActor(actor),
      action: "campaign.started",
      target: { type: "campaign", id: campaign!.id, name: input.name },
      after: { scope: input.scope, dueOn: input.dueOn, reviewer: reviewer.username, reviewerMode: input.reviewerMode, defaultDecision: input.defaultDecision, repeatEveryDays: input.repeatEveryDays ?? null, items },
    });
    return { id: campaign!.id, items };
  });
}
