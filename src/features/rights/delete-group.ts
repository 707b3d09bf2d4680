import { eq } from "drizzle-orm";
import { recompileForGroup } from "../../domain/rights/compile-district.js";
import { recordAudit } from "../../platform/audit.js";
import { userGroups } from "../../platform/db/schema/rights.js";
import { inDistrict } from "../../platform/db/tenancy.js";
import type { AppDeps } from "../../platform/deps.js";
import type { DistrictActor } from "../../platform/http/actor.js";
import { notFound } from "../../platform/http/errors.js";
import { currentCompiled, withoutGroup } from "./current-rights.js";
import { diffCompiled } from "./diff-rights.js";
import { lockGroupAtVersion } from "./group-version.js";
import { auditActor } from "./guards.js";
import { findGroup, readEntries, readGrants, readMembers } from "./repo-groups.js";
import { bumpRightsVersion } from "./rights-version.js";

/** What deleting the group would remove, and who would lose rights by it, before anyone confirms. */
export async function previewGroupDeletion(deps: AppDeps, actor: DistrictActor, groupId: string) {
  const { db } = deps.database;
  const group = await findGroup(db, actor, groupId);
  if (!group) throw notFound("That group");
  const members = await readMembers(db, actor, groupId);
  const compiled = await currentCompiled(deps, actor);
  const after = recompileForGroup(compiled, withoutGroup(compiled.model, groupId), groupId);
  const { losses } = diffCompiled(compiled, after, members.map((m) => m.userId));
  return {
    group: { id: group.id, name: group.name, version: group.version },
    entries: (await readEntries(db, actor, { groupId })).length,
    calendarGrants: (await readGrants(db, actor, { groupId })).length,
    members: members.map((m) => ({ userId: m.userId, username: m.username })),
    loses: losses.map((l) => ({ userId: l.userId, username: l.username, tools: l.changes.length })),
  };
}

/** Deletes the group with its entries, calendar rights and memberships; all of it goes into the audit record. */
export async function deleteGroup(deps: AppDeps, actor: DistrictActor, groupId: string, version: number): Promise<void> {
  await deps.database.db.transaction(async (tx) => {
    const group = await lockGroupAtVersion(tx, actor, groupId, version);
    const members = await readMembers(tx, actor, groupId);
    const before = {
      name: group.name,
      description: group.description,
      memberLimit: group.memberLimit,
      entries: await readEntries(tx, actor, { groupId }),
      calendarGrants: await readGrants(tx, actor, { groupId }),
      members: members.map((m) => ({ userId: m.userId, username: m.username, from: m.from, until: m.until })),
    };
    await tx.delete(userGroups).where(inDistrict(userGroups, actor, eq(userGroups.id, groupId)));
    await recordAudit(tx, { districtId: actor.districtId, actor: auditActor(actor), action: "group.deleted", target: { type: "group", id: groupId, name: group.name }, before });
    await bumpRightsVersion(tx, actor, { groups: [groupId], users: members.map((m) => m.userId) });
  });
}
