import { recordAudit } from "../../platform/audit.js";
import type { Db } from "../../platform/db/connect.js";
import type { DistrictActor } from "../../platform/http/actor.js";
import { AppError } from "../../platform/http/errors.js";
import { presentFilter, requireOwner } from "./filter-access.js";
import { existingGroupIds } from "./group-membership.js";
import { findVisibleFilter, replaceShares } from "./repo.js";
import type { Filter } from "./schema.js";

/** Replaces the groups a filter is shared with; every group must be one of this district's. */
export async function shareFilter(db: Db, actor: DistrictActor, filterId: string, groupIds: string[]): Promise<Filter> {
  const row = requireOwner(actor, await findVisibleFilter(db, actor, actor.userId, filterId));
  const wanted = [...new Set(groupIds)];
  const known = new Set(await existingGroupIds(db, actor, wanted));
  const unknown = wanted.findIndex((id) => !known.has(id));
  if (unknown >= 0) {
    throw new AppError(400, "group-not-found", `There is no user group ${wanted[unknown]} in this district.`, { path: `body.groupIds[${groupIds.indexOf(wanted[unknown]!)}]` });
  }
  return db.transaction(async (tx) => {
    await replaceShares(tx, actor, filterId, wanted);
    await recordAudit(tx, {
      districtId: actor.districtId,
      actor: { id: actor.userId, name: actor.username },
      action: "adhoc.filter-shared",
      target: { type: "adhoc-filter", id: row.id, name: row.name },
      before: { sharedWith: row.sharedWith },
      after: { sharedWith: [...wanted].sort() },
    });
    return presentFilter(actor, (await findVisibleFilter(tx, actor, actor.userId, filterId))!);
  });
}
