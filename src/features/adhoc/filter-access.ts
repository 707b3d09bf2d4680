import type { DistrictActor } from "../../platform/http/actor.js";
import { notFound } from "../../platform/http/errors.js";
import { TOOLS } from "../sis/field-catalog.js";
import { redactFor } from "../sis/redact-for.js";
import type { Definition, Filter } from "./schema.js";
import type { FilterRow } from "./repo.js";

/** Only the owner edits, deletes or shares a filter; others may only run what was shared. */
export function filterActions(actor: DistrictActor, row: FilterRow): Filter["actions"] {
  const mine = row.ownerId === actor.userId;
  return {
    canSave: mine && actor.rights.has(TOOLS.filterDesigner, "W"),
    canDelete: mine && actor.rights.has(TOOLS.filterDesigner, "D"),
    canShare: mine && actor.rights.has(TOOLS.adhoc, "W"),
  };
}

/**
 * A filter shows its conditions, but not the value of a condition on a field the reader may not
 * read ("SSN equals …" would tell them the SSN): the redaction step withholds it. The run itself
 * uses the stored definition and gates every field by the runner's rights.
 */
const definitionFor = (actor: DistrictActor, row: FilterRow): Definition => redactFor(actor.rights, row.definition);

export function presentFilter(actor: DistrictActor, row: FilterRow): Filter {
  return {
    id: row.id,
    name: row.name,
    ownerId: row.ownerId,
    ownerName: row.ownerName,
    mine: row.ownerId === actor.userId,
    definition: definitionFor(actor, row),
    sharedWith: row.sharedWith,
    version: row.version,
    updatedAt: row.updatedAt.toISOString(),
    actions: filterActions(actor, row),
  };
}

/** A filter someone else owns is not there for editing: 404, as for anything the caller may not touch. */
export function requireOwner(actor: DistrictActor, row: FilterRow | undefined): FilterRow {
  if (!row || row.ownerId !== actor.userId) throw notFound("The filter");
  return row;
}
