import type { Db } from "../../platform/db/connect.js";
import type { DistrictScope } from "../../platform/db/tenancy.js";
import { AppError, notFound } from "../../platform/http/errors.js";
import { findGroup, readEntries, readGrants, type GroupRow } from "./repo-groups.js";

/**
 * Locks the group for the rest of the transaction and checks the version the caller read.
 * A stale version answers 409 with the group's current state and who changed it last, so
 * the caller can merge instead of overwriting someone else's work.
 */
export async function lockGroupAtVersion(tx: Db, scope: DistrictScope, groupId: string, version: number): Promise<GroupRow> {
  const group = await findGroup(tx, scope, groupId, true);
  if (!group) throw notFound("That group");
  if (group.version !== version) {
    const who = group.updatedByName ?? "someone";
    throw new AppError(409, "version-conflict", `${who} changed "${group.name}" at ${group.updatedAt.toISOString()} after you opened it. Nothing was saved: review their change and apply yours again.`, {
      detail: {
        current: {
          version: group.version,
          name: group.name,
          description: group.description,
          memberLimit: group.memberLimit,
          entries: await readEntries(tx, scope, { groupId }),
          calendarGrants: await readGrants(tx, scope, { groupId }),
          updatedBy: group.updatedByName,
          updatedAt: group.updatedAt.toISOString(),
        },
      },
    });
  }
  return group;
}
