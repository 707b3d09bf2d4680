import { isActiveAt } from "../../domain/rights/model.js";
import type { Db } from "../../platform/db/connect.js";
import type { DistrictScope } from "../../platform/db/tenancy.js";
import { notFound } from "../../platform/http/errors.js";
import { findGroupOwner, findGroupSummary, readEntries, readGrants, readMembers } from "./repo-groups.js";

/** One group with its entries, calendar rights and members; another district's group is "not found". */
export async function getGroup(db: Db, scope: DistrictScope, groupId: string, now: Date) {
  const summary = await findGroupSummary(db, scope, groupId);
  if (!summary) throw notFound("That group");
  const members = await readMembers(db, scope, groupId);
  return {
    ...summary,
    owner: await findGroupOwner(db, scope, groupId),
    entries: await readEntries(db, scope, { groupId }),
    calendarGrants: await readGrants(db, scope, { groupId }),
    members: members.map((m) => ({ ...m, active: isActiveAt({ ...(m.from ? { from: m.from } : {}), ...(m.until ? { until: m.until } : {}) }, now) })),
  };
}
