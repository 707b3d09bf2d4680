import { recordAudit } from "../../platform/audit.js";
import type { Db } from "../../platform/db/connect.js";
import type { DistrictActor } from "../../platform/http/actor.js";
import { requireOwner } from "./filter-access.js";
import { deleteFilter, findVisibleFilter } from "./repo.js";

export async function removeFilter(db: Db, actor: DistrictActor, filterId: string): Promise<void> {
  const row = requireOwner(actor, await findVisibleFilter(db, actor, actor.userId, filterId));
  await db.transaction(async (tx) => {
    await deleteFilter(tx, actor, filterId);
    await recordAudit(tx, {
      districtId: actor.districtId,
      actor: { id: actor.userId, name: actor.username },
      action: "adhoc.filter-deleted",
      target: { type: "adhoc-filter", id: row.id, name: row.name },
      before: { name: row.name, definition: row.definition, sharedWith: row.sharedWith },
    });
  });
}
