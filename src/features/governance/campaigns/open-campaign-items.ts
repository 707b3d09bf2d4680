import { and, eq, inArray } from "drizzle-orm";
import { getCatalog } from "../../../domain/rights/catalog.js";
import { campaignAccess } from "../../../domain/rights/campaign-items.js";
import { compileDistrict } from "../../../domain/rights/compile-district.js";
import type { Db } from "../../../platform/db/connect.js";
import { reviewCampaigns, reviewItems } from "../../../platform/db/schema/governance.js";
import { userGroups } from "../../../platform/db/schema/rights.js";
import { users } from "../../../platform/db/schema/users.js";
import { inDistrict, type DistrictScope } from "../../../platform/db/tenancy.js";
import { loadDistrictModel } from "../../rights/repo-model.js";
import { lastSignIns, type CampaignRow } from "./campaigns-repo.js";

/** Each group's owner, where one is named and still has an enabled account. */
async function groupOwners(tx: Db, scope: DistrictScope, groupIds: string[]): Promise<Map<string, string>> {
  if (groupIds.length === 0) return new Map();
  const rows = await tx
    .select({ groupId: userGroups.id, ownerId: userGroups.ownerId })
    .from(userGroups)
    .innerJoin(users, and(eq(users.id, userGroups.ownerId), eq(users.disabled, false)))
    .where(inDistrict(userGroups, scope, inArray(userGroups.id, groupIds)));
  return new Map(rows.map((r) => [r.groupId, r.ownerId!]));
}

/**
 * Who decides an item: in a "group owners" campaign the owner of the group the access comes
 * from — but never the owner about their own access, which goes to the campaign's reviewer, as
 * do individual rights, roles and groups with no owner.
 */
function reviewerOf(campaign: CampaignRow, owners: Map<string, string>, item: { userId: string; groupId: string | null }): string {
  const owner = campaign.reviewerMode === "group-owners" && item.groupId ? owners.get(item.groupId) : undefined;
  return owner && owner !== item.userId ? owner : campaign.reviewerId;
}

/**
 * Opens a campaign: one item per person and source of access in its scope, as the rights
 * stand now (later changes do not move the items: the review is of a moment, like evidence).
 */
export async function openCampaignItems(tx: Db, scope: DistrictScope, campaign: CampaignRow, now: Date): Promise<number> {
  const catalog = getCatalog();
  const compiled = compileDistrict(catalog, await loadDistrictModel(tx, scope), now);
  const access = campaignAccess(catalog, compiled, campaign.scope, now);
  const people = await lastSignIns(tx, scope, [...new Set(access.map((a) => a.userId))]);
  const owners = campaign.reviewerMode === "group-owners" ? await groupOwners(tx, scope, [...new Set(access.flatMap((a) => (a.groupId ? [a.groupId] : [])))]) : new Map<string, string>();
  if (access.length > 0) {
    await tx.insert(reviewItems).values(
      access.map((a) => {
        const p = people.get(a.userId);
        return { campaignId: campaign.id, districtId: scope.districtId, userId: a.userId, username: p?.username ?? a.userId, displayName: p?.displayName ?? "", source: a.source, groupId: a.groupId, groupName: a.groupName, rights: a.rights, reviewerId: reviewerOf(campaign, owners, a), lastSignInAt: p?.lastLoginAt ?? null };
      }),
    );
  }
  await tx.update(reviewCampaigns).set({ status: "open", startsOn: now }).where(eq(reviewCampaigns.id, campaign.id));
  return access.length;
}
