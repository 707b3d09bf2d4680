import { recordAudit } from "../../platform/audit.js";
import type { Db } from "../../platform/db/connect.js";
import type { DistrictActor } from "../../platform/http/actor.js";
import { AppError } from "../../platform/http/errors.js";
import { lockGroupAtVersion } from "./group-version.js";
import { auditActor } from "./guards.js";
import { findGroupByName, findGroupOwner, touchGroup } from "./repo-groups.js";
import { findUserAccount } from "./repo-users.js";
import type { UpdateGroup } from "./schema.js";

/** Renames a group, changes its description, member limit or owner. */
export async function updateGroup(db: Db, actor: DistrictActor, groupId: string, input: UpdateGroup) {
  return db.transaction(async (tx) => {
    const group = await lockGroupAtVersion(tx, actor, groupId, input.version);
    if (input.name !== undefined && input.name.toLowerCase() !== group.name.toLowerCase()) {
      if (await findGroupByName(tx, actor, input.name)) {
        throw new AppError(409, "group-name-taken", `There is already a group named "${input.name}". Choose another name.`, { path: "body.name" });
      }
    }
    if (input.ownerId) {
      const owner = await findUserAccount(tx, actor, input.ownerId);
      if (!owner || owner.disabled) throw new AppError(422, "owner-not-found", "Choose an owner among the district's enabled accounts.", { path: "body.ownerId" });
    }
    const ownerBefore = await findGroupOwner(tx, actor, groupId);
    const set = {
      ...(input.name !== undefined ? { name: input.name } : {}),
      ...(input.description !== undefined ? { description: input.description } : {}),
      ...(input.memberLimit !== undefined ? { memberLimit: input.memberLimit } : {}),
      ...(input.ownerId !== undefined ? { ownerId: input.ownerId } : {}),
    };
    const updated = await touchGroup(tx, actor, groupId, { id: actor.userId, name: actor.username }, set);
    await recordAudit(tx, {
      districtId: actor.districtId,
      actor: auditActor(actor),
      action: "group.updated",
      target: { type: "group", id: groupId, name: updated.name },
      before: { name: group.name, description: group.description, memberLimit: group.memberLimit, owner: ownerBefore?.username ?? null },
      after: { name: updated.name, description: updated.description, memberLimit: updated.memberLimit, owner: (await findGroupOwner(tx, actor, groupId))?.username ?? null },
    });
    return updated;
  });
}
