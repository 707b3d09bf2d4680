import { eq } from "drizzle-orm";
import { recordAudit } from "../../platform/audit.js";
import type { Db } from "../../platform/db/connect.js";
import { scimGroups } from "../../platform/db/schema/scim.js";
import type { DistrictActor } from "../../platform/http/actor.js";
import { createGroup } from "../rights/create-group.js";
import { auditActor } from "../rights/guards.js";
import { addMember, removeMember } from "../rights/manage-members.js";
import { findGroup, findGroupByName } from "../rights/repo-groups.js";
import { updateGroup } from "../rights/update-group.js";
import { ScimError } from "./scim-error.js";
import { findScimGroup, isProvisionable } from "./scim-repo.js";

export type GroupInput = { displayName: string; externalId: string | null; members: string[] };

const notFound = () => new ScimError(404, "No such group here.");

/**
 * POST /Groups: the Gatehouse user group of that name (so an IdP group maps onto the group a
 * district already has), else a new group with no rights. Rights stay Gatehouse's to give.
 */
export async function createScimGroup(db: Db, actor: DistrictActor, input: GroupInput, now: Date): Promise<string> {
  return db.transaction(async (tx) => {
    const existing = await findGroupByName(tx, actor, input.displayName);
    const groupId = existing?.id ?? (await createGroup(tx, actor, { name: input.displayName, description: `Provisioned over SCIM by ${actor.username}` })).id;
    if (existing) await recordAudit(tx, { districtId: actor.districtId, actor: auditActor(actor), action: "group.scim-linked", target: { type: "group", id: existing.id, name: existing.name }, after: { externalId: input.externalId } });
    await linkGroup(tx, actor, groupId, input.externalId);
    await setMembers(tx, actor, groupId, input.members, now);
    return groupId;
  });
}

/** PUT /Groups/:id (and PATCH, once applied): name, externalId and the members SCIM may see. */
export async function replaceScimGroup(db: Db, actor: DistrictActor, groupId: string, input: GroupInput, now: Date): Promise<void> {
  await db.transaction(async (tx) => {
    const group = await findScimGroup(tx, actor, groupId);
    if (!group) throw notFound();
    if (input.displayName !== group.displayName) {
      const row = await findGroup(tx, actor, groupId);
      await updateGroup(tx, actor, groupId, { name: input.displayName, version: row!.version });
    }
    await linkGroup(tx, actor, groupId, input.externalId);
    await setMembers(tx, actor, groupId, input.members, now);
  });
}

/**
 * DELETE /Groups/:id: the IdP stops managing the group. Its members SCIM could see are removed
 * and its externalId forgotten; the group and its rights stay, for an administrator to delete.
 */
export async function deleteScimGroup(db: Db, actor: DistrictActor, groupId: string, now: Date): Promise<void> {
  await db.transaction(async (tx) => {
    const group = await findScimGroup(tx, actor, groupId);
    if (!group) throw notFound();
    await setMembers(tx, actor, groupId, [], now);
    await tx.delete(scimGroups).where(eq(scimGroups.groupId, groupId));
    await recordAudit(tx, { districtId: actor.districtId, actor: auditActor(actor), action: "group.scim-unlinked", target: { type: "group", id: groupId, name: group.displayName }, before: { externalId: group.externalId } });
  });
}

async function linkGroup(tx: Db, actor: DistrictActor, groupId: string, externalId: string | null) {
  await tx.insert(scimGroups).values({ groupId, districtId: actor.districtId, externalId }).onConflictDoUpdate({ target: scimGroups.groupId, set: { externalId } });
}

/**
 * Makes the group's members (those SCIM sees: not service accounts) the ones given, through the
 * same addMember/removeMember as the web app: the no-escalation rule applies to the token's
 * service account, and each change is audited as done by it.
 */
async function setMembers(tx: Db, actor: DistrictActor, groupId: string, wanted: string[], now: Date) {
  const group = await findScimGroup(tx, actor, groupId);
  if (!group) throw notFound();
  const current = new Set(group.members.map((m) => m.value));
  const next = new Set(wanted);
  for (const userId of next) {
    if (current.has(userId)) continue;
    if (!(await isProvisionable(tx, actor, userId))) throw new ScimError(400, `There is no user "${userId}" to add to "${group.displayName}".`, "invalidValue");
    await addMember(tx, actor, groupId, { userId, confirmOverLimit: false }, now);
  }
  for (const userId of current) if (!next.has(userId)) await removeMember(tx, actor, groupId, userId, now);
}
