import { recordAudit } from "../../platform/audit.js";
import type { Db } from "../../platform/db/connect.js";
import type { DistrictActor } from "../../platform/http/actor.js";
import { notFound } from "../../platform/http/errors.js";
import { lockGroupAtVersion } from "../rights/group-version.js";
import { auditActor } from "../rights/guards.js";
import { checkCalendarOnlyRule } from "../rights/replace-group-rights.js";
import { readEntries, readGrants, touchGroup, writeEntries, writeGrants } from "../rights/repo-groups.js";
import { bumpRightsVersion } from "../rights/rights-version.js";
import { normaliseEntries, normaliseGrants } from "../rights/validate-entries.js";
import { entryOf, findRightsVersion, grantOf, recordRightsVersion } from "./rights-versions-repo.js";

const inputOf = <T extends { from: Date | null; until: Date | null }>(x: T) => ({ ...x, from: x.from ?? undefined, until: x.until ?? undefined });

/**
 * Makes a group's tool rights and calendar rights those of an earlier saved version: a new
 * change like any other (role rule, calendar-only rule, version check, audit, new version).
 */
export async function restoreRightsVersion(db: Db, actor: DistrictActor, groupId: string, number: number, input: { version: number }) {
  const saved = await findRightsVersion(db, actor, groupId, number);
  if (!saved) throw notFound(`Version ${number} of that group`);
  // Checked against today's catalog: a tool renamed since then is refused with a suggestion.
  const entries = normaliseEntries(saved.entries.map(entryOf).map(inputOf), `version ${number}.entries`);
  const grants = normaliseGrants(saved.calendarGrants.map(grantOf).map(inputOf), `version ${number}.calendarGrants`);
  return db.transaction(async (tx) => {
    const group = await lockGroupAtVersion(tx, actor, groupId, input.version);
    const before = { entries: await readEntries(tx, actor, { groupId }), calendarGrants: await readGrants(tx, actor, { groupId }) };
    await checkCalendarOnlyRule(tx, actor, group, before.entries, entries);
    await writeEntries(tx, actor, { groupId }, entries);
    await writeGrants(tx, actor, { groupId }, grants);
    const updated = await touchGroup(tx, actor, groupId, auditActor(actor));
    const restoredAs = await recordRightsVersion(tx, actor, groupId, auditActor(actor), `restore of version ${number}`);
    await recordAudit(tx, {
      districtId: actor.districtId,
      actor: auditActor(actor),
      action: "group.rights-restored",
      target: { type: "group", id: groupId, name: group.name },
      before: { version: group.version, ...before },
      after: { version: updated.version, restoredFrom: number, savedAs: restoredAs, entries, calendarGrants: grants },
    });
    await bumpRightsVersion(tx, actor, { groups: [groupId] });
    return { version: updated.version, savedAs: restoredAs };
  });
}
