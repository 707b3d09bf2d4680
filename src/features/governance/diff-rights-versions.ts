import { getCatalog } from "../../domain/rights/catalog.js";
import { compareEntrySets, compareGrantSets } from "../../domain/rights/compare-rights.js";
import type { Db } from "../../platform/db/connect.js";
import type { DistrictActor } from "../../platform/http/actor.js";
import { notFound } from "../../platform/http/errors.js";
import { toEngineEntries } from "../rights/validate-entries.js";
import { entryOf, findRightsVersion, grantOf, type RightsVersionRow } from "./rights-versions-repo.js";

const summary = (v: RightsVersionRow) => ({ number: v.number, savedAt: v.savedAt, savedBy: v.savedByName, reason: v.reason });

/** What changed from one saved version of a group's rights to another (a: older, b: newer). */
export async function diffRightsVersions(db: Db, actor: DistrictActor, groupId: string, from: number, to: number, asOf: Date) {
  const [a, b] = await Promise.all([findRightsVersion(db, actor, groupId, from), findRightsVersion(db, actor, groupId, to)]);
  if (!a) throw notFound(`Version ${from} of that group`);
  if (!b) throw notFound(`Version ${to} of that group`);
  const ea = a.entries.map(entryOf);
  const eb = b.entries.map(entryOf);
  return {
    from: summary(a),
    to: summary(b),
    tools: compareEntrySets(getCatalog(), toEngineEntries(ea), toEngineEntries(eb), asOf),
    calendars: compareGrantSets(a.calendarGrants.map(grantOf), b.calendarGrants.map(grantOf)),
  };
}
