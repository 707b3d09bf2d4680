import { recordAudit } from "../../platform/audit.js";
import type { Db } from "../../platform/db/connect.js";
import type { DistrictActor } from "../../platform/http/actor.js";
import { conflict } from "../../platform/http/errors.js";
import { buildQuery } from "./build-query.js";
import { listCalendars } from "../sis/calendar-access.js";
import { presentFilter, requireOwner } from "./filter-access.js";
import { findVisibleFilter, insertFilter, updateFilter } from "./repo.js";
import type { Definition, Filter } from "./schema.js";

/** A filter may only be saved with fields its author can read; building the query checks exactly that. */
async function checkDefinition(db: Db, actor: DistrictActor, definition: Definition) {
  buildQuery(actor, await listCalendars(db, actor), definition, true);
}

export async function createFilter(db: Db, actor: DistrictActor, input: { name: string; definition: Definition }): Promise<Filter> {
  await checkDefinition(db, actor, input.definition);
  return db.transaction(async (tx) => {
    const row = await insertFilter(tx, actor, actor.userId, input.name, input.definition);
    await recordAudit(tx, {
      districtId: actor.districtId,
      actor: { id: actor.userId, name: actor.username },
      action: "adhoc.filter-created",
      target: { type: "adhoc-filter", id: row.id, name: row.name },
      after: { name: row.name, definition: row.definition },
    });
    return presentFilter(actor, (await findVisibleFilter(tx, actor, actor.userId, row.id))!);
  });
}

export async function changeFilter(
  db: Db,
  actor: DistrictActor,
  filterId: string,
  input: { name: string; definition: Definition; version: number },
): Promise<Filter> {
  const before = requireOwner(actor, await findVisibleFilter(db, actor, actor.userId, filterId));
  await checkDefinition(db, actor, input.definition);
  return db.transaction(async (tx) => {
    const row = await updateFilter(tx, actor, filterId, input.version, input.name, input.definition);
    if (!row) {
      const current = await findVisibleFilter(tx, actor, actor.userId, filterId);
      throw conflict("version-conflict", "Someone saved this filter after you opened it. Reload it and make your change again.", {
        current: current ? presentFilter(actor, current) : null,
      });
    }
    await recordAudit(tx, {
      districtId: actor.districtId,
      actor: { id: actor.userId, name: actor.username },
      action: "adhoc.filter-changed",
      target: { type: "adhoc-filter", id: row.id, name: row.name },
      before: { name: before.name, definition: before.definition },
      after: { name: row.name, definition: row.definition },
    });
    return presentFilter(actor, (await findVisibleFilter(tx, actor, actor.userId, row.id))!);
  });
}
