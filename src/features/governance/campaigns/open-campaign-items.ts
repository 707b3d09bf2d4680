import { eq } from "drizzle-orm";
import { getCatalog } from "../../../domain/rights/catalog.js";
import { campaignAccess } from "../../../domain/rights/campaign-items.js";
import { compileDistrict } from "../../../domain/rights/compile-district.js";
import type { Db } from "../../../platform/db/connect.js";
import { reviewCampaigns, reviewItems } from "../../../platform/db/schema/governance.js";
import type { DistrictScope } from "../../../platform/db/tenancy.js";
import { loadDistrictModel } from "../../rights/repo-model.js";
import { lastSignIns, type CampaignRow } from "./campaigns-repo.js";

/**
 * Opens a campaign: one item per person and source of access in its scope, as the rights
 * stand now (later changes do not move the items: the review is of a moment, like evidence).
 */
export async function openCampaignItems(tx: Db, scope: DistrictScope, campaign: CampaignRow, now: Date): Promise<number> {
  const catalog = getCatalog();
  const compiled = compileDistrict(catalog, await loadDistrictModel(tx, scope), now);
  const access = campaignAccess(catalog, compiled, campaign.scope, now);
  const people = await lastSignIns(tx, scope, [...new Set(access.map((a) => a.userId))]);
  if (access.length > 0) {
    await tx.insert(reviewItems).values(
      access.map((a) => {
        const p = people.get(a.userId);
        return { campaignId: campaign.id, districtId: scope.districtId, userId: a.userId, username: p?.username ?? a.userId, displayName: p?.displayName ?? "", source: a.source, groupId: a.groupId, groupName: a.groupName, rights: a.rights, lastSignInAt: p?.lastLoginAt ?? null };
      }),
    );
  }
  await tx.update(reviewCampaigns).set({ status: "open", startsOn: now }).where(eq(reviewCampaigns.id, campaign.id));
  return access.length;
}
