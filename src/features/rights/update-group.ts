import { recordAudit } from "../../platform/audit.js";
import type { Db } from "../../platform/db/connect.js";
import type { DistrictActor } from "../../platform/http/actor.js";
import { AppError } from "../../platform/http/errors.js";
import { lockGroupAtVersion } from "./group-version.js";
import { auditActor } from "./guards.js";
import { findGroupByName, touchGroup } from "./repo-groups.js";
import type { UpdateGroup } from "./schema.js";

/** Renames a group, changes its description or member limit. */
export async function updateGroup(db: Db, actor: DistrictActor, groupId: string, input: UpdateGroup) {
  return db.transaction(async (tx) => {
    const group = await lockGroupAtVersion(tx, actor, groupId, input.version);
    if (input.name !== undefined && input.name.toLowerCase() !== group.name.toLowerCase()) {
      if (await findGroupByName(tx, actor, input.name)) {
        throw new AppError(409, "group-name-taken", `There is already a group named "${input.name}". Choose another name.`, { path: "body.name" });
      }
    }
    const set = {
      ...(input.name !== undefined ? { name: input.name } : {}),
      ...(input.description !== undefined ? { description: input.description } : {}),
      ...(input.memberLimit !== undefined ? { memberLimit: input.memberLimit } : {}),
    };
    const updated = await touchGroup(tx, actor, groupId, { id: actor.userId, name: actor.username }, set);
    await recordAudit(tx, {
      districtId: actor.districtId,
      actor: auditActor(actor),
      action: "group.updated",
      target: { type: "group", id: groupId, name: updated.name },
      before: { name: group.name, description: group.description, memberLimit: group.memberLimit },
      after: { name: updated.name, description: updated.description, memberLimit: updated.memberLimit },
    });
    return updated;
  });
}
