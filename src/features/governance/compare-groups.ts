import { getCatalog } from "../../domain/rights/catalog.js";
import { compareEntrySets, compareGrantSets } from "../../domain/rights/compare-rights.js";
import { isActiveAt, type CalendarGrant } from "../../domain/rights/model.js";
import type { Db } from "../../platform/db/connect.js";
import type { DistrictActor } from "../../platform/http/actor.js";
import { AppError } from "../../platform/http/errors.js";
import { findGroup, readEntries, readGrants, readMembers } from "../rights/repo-groups.js";
import type { Grant } from "../rights/schema.js";
import { toEngineEntries } from "../rights/validate-entries.js";

/** The grants in force at asOf, as the engine reads them. */
const engineGrants = (grants: Grant[], asOf: Date): CalendarGrant[] =>
  grants
    .filter((g) => isActiveAt({ ...(g.from ? { from: g.from } : {}), ...(g.until ? { until: g.until } : {}) }, asOf))
    .map((g) => ({ school: g.school, year: g.year, calendar: g.calendar, modify: g.modify }));

async function loadGroup(db: Db, actor: DistrictActor, groupId: string, path: string) {
  const group = await findGroup(db, actor, groupId);
  if (!group) throw new AppError(404, "not-found", "That group was not found.", { path });
  const [entries, grants, members] = await Promise.all([readEntries(db, actor, { groupId }), readGrants(db, actor, { groupId }), readMembers(db, actor, groupId)]);
  return { group, entries, grants, members };
}

/**
 * Two groups side by side: every tool where their rights or denies differ, the calendar rights
 * one has and the other lacks, and the members in one and not the other.
 */
export async function compareGroups(db: Db, actor: DistrictActor, aId: string, bId: string, asOf: Date) {
  const a = await loadGroup(db, actor, aId, "querystring.a");
  const b = await loadGroup(db, actor, bId, "querystring.b");
  const inB = new Set(b.members.map((m) => m.userId));
  const inA = new Set(a.members.map((m) => m.userId));
  const person = (m: { userId: string; username: string; displayName: string }) => ({ userId: m.userId, username: m.username, displayName: m.displayName });
  return {
    asOf,
    a: { id: a.group.id, name: a.group.name, version: a.group.version },
    b: { id: b.group.id, name: b.group.name, version: b.group.version },
    tools: compareEntrySets(getCatalog(), toEngineEntries(a.entries), toEngineEntries(b.entries), asOf),
    calendars: compareGrantSets(engineGrants(a.grants, asOf), engineGrants(b.grants, asOf)),
    members: {
      onlyA: a.members.filter((m) => !inB.has(m.userId)).map(person),
      onlyB: b.members.filter((m) => !inA.has(m.userId)).map(person),
      both: a.members.filter((m) => inB.has(m.userId)).length,
    },
  };
}
