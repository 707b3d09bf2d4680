import { recompileForGroup } from "../../domain/rights/compile-district.js";
import { recordAudit } from "../../platform/audit.js";
import type { Db } from "../../platform/db/connect.js";
import type { DistrictScope } from "../../platform/db/tenancy.js";
import type { AppDeps } from "../../platform/deps.js";
import type { DistrictActor } from "../../platform/http/actor.js";
import { AppError, notFound } from "../../platform/http/errors.js";
import { currentCompiled, withGroupChanged } from "./current-rights.js";
import { diffCompiled } from "./diff-rights.js";
import { lockGroupAtVersion } from "./group-version.js";
import { auditActor } from "./guards.js";
import { recordRightsVersion } from "../governance/rights-versions-repo.js";
import { findGroup, hasCalendarGrants, readEntries, readMembers, touchGroup, writeEntries } from "./repo-groups.js";
import { readPreferences } from "./repo-preferences.js";
import { bumpRightsVersion } from "./rights-version.js";
import type { Entry, EntryInput } from "./schema.js";
import { refusePastUntilEntries } from "./past-until.js";
import { normaliseEntries, toEngineEntries } from "./validate-entries.js";

const grantsSomething = (entries: Entry[]) => entries.some((e) => !e.deny && e.rights !== "");

/**
 * DESIGN.md, automatic creation of staff accounts: while the preference is on, a group that
 * holds only calendar rights is a calendar group and cannot be given tool rights.
 */
export async function checkCalendarOnlyRule(db: Db, scope: DistrictScope, group: { id: string; name: string }, current: Entry[], next: Entry[]) {
  if (!grantsSomething(next) || grantsSomething(current)) return;
  if (!(await readPreferences(db, scope)).automaticStaffAccounts) return;
  if (!(await hasCalendarGrants(db, scope, group.id))) return;
  throw new AppError(
    409,
    "calendar-only-group",
    `"${group.name}" has only calendar rights, and Automatic Creation of Staff Accounts is on, so it is a calendar group that cannot also be given tool rights. ` +
      "Put the tool rights in a separate group and add the same users to it, or turn off Automatic Creation of Staff Accounts in Account Security Preferences.",
    { path: "body.entries" },
  );
}

/** Replaces the group's whole entry set in one audited change, guarded by its version. */
export async function replaceGroupRights(db: Db, actor: DistrictActor, groupId: string, input: { version: number; entries: EntryInput[]; confirmPastUntil?: boolean }, now: Date) {
  const entries = normaliseEntries(input.entries, "body.entries");
  return db.transaction(async (tx) => {
    const group = await lockGroupAtVersion(tx, actor, groupId, input.version);
    const before = await readEntries(tx, actor, { groupId });
    if (!input.confirmPastUntil) refusePastUntilEntries(entries, before, now, "body.entries");
    await checkCalendarOnlyRule(tx, actor, group, before, entries);
    await writeEntries(tx, actor, { groupId }, entries);
    const updated = await touchGroup(tx, actor, groupId, auditActor(actor));
    await recordRightsVersion(tx, actor, groupId, auditActor(actor), "tool rights saved");
    await recordAudit(tx, {
      districtId: actor.districtId,
      actor: auditActor(actor),
      action: "group.rights-replaced",
      target: { type: "group", id: groupId, name: group.name },
      before: { version: group.version, entries: before },
      after: { version: updated.version, entries },
    });
    await bumpRightsVersion(tx, actor, { groups: [groupId] });
    return { version: updated.version, entries: await readEntries(tx, actor, { groupId }) };
  });
}

/** Who would gain and lose what if the entries were saved; nothing is saved. */
export async function previewGroupRights(deps: AppDeps, actor: DistrictActor, groupId: string, input: { entries: EntryInput[] }) {
  const entries = normaliseEntries(input.entries, "body.entries");
  const group = await findGroup(deps.database.db, actor, groupId);
  if (!group) throw notFound("That group");
  const compiled = await currentCompiled(deps, actor);
  const after = recompileForGroup(compiled, withGroupChanged(compiled.model, groupId, { entries: toEngineEntries(entries) }), groupId);
  const members = await readMembers(deps.database.db, actor, groupId);
  return diffCompiled(compiled, after, members.map((m) => m.userId));
}
