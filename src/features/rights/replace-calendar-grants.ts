import { eq, sql } from "drizzle-orm";
import { recordAudit } from "../../platform/audit.js";
import type { Db } from "../../platform/db/connect.js";
import { users } from "../../platform/db/schema/users.js";
import type { DistrictActor } from "../../platform/http/actor.js";
import { lockGroupAtVersion } from "./group-version.js";
import { auditActor } from "./guards.js";
import { recordRightsVersion } from "../governance/rights-versions-repo.js";
import { readGrants, touchGroup, writeGrants } from "./repo-groups.js";
import { lockUserAtVersion } from "./user-version.js";
import { bumpRightsVersion } from "./rights-version.js";
import type { GrantInput } from "./schema.js";
import { normaliseGrants } from "./validate-entries.js";

/** Replaces a group's calendar rights (school / year / calendar, each may be "*", with modify). */
export async function replaceGroupGrants(db: Db, actor: DistrictActor, groupId: string, input: { version: number; calendarGrants: GrantInput[] }) {
  const grants = normaliseGrants(input.calendarGrants, "body.calendarGrants");
  return db.transaction(async (tx) => {
    const group = await lockGroupAtVersion(tx, actor, groupId, input.version);
    const before = await readGrants(tx, actor, { groupId });
    await writeGrants(tx, actor, { groupId }, grants);
    const updated = await touchGroup(tx, actor, groupId, auditActor(actor));
    await recordRightsVersion(tx, actor, groupId, auditActor(actor), "calendar rights saved");
    await recordAudit(tx, {
      districtId: actor.districtId,
      actor: auditActor(actor),
      action: "group.calendar-rights-replaced",
      target: { type: "group", id: groupId, name: group.name },
      before: { version: group.version, calendarGrants: before },
      after: { version: updated.version, calendarGrants: grants },
    });
    await bumpRightsVersion(tx, actor, { groups: [groupId] });
    return { version: updated.version, calendarGrants: await readGrants(tx, actor, { groupId }) };
  });
}

/** Replaces one user's own calendar rights, guarded by the user's version. */
export async function replaceUserGrants(db: Db, actor: DistrictActor, userId: string, input: { version: number; calendarGrants: GrantInput[] }) {
  const grants = normaliseGrants(input.calendarGrants, "body.calendarGrants");
  return db.transaction(async (tx) => {
    const user = await lockUserAtVersion(tx, actor, userId, input.version);
    const before = await readGrants(tx, actor, { userId });
    await writeGrants(tx, actor, { userId }, grants);
    const [updated] = await tx.update(users).set({ version: sql`${users.version} + 1` }).where(eq(users.id, userId)).returning({ version: users.version });
    await recordAudit(tx, {
      districtId: actor.districtId,
      actor: auditActor(actor),
      action: "user.calendar-rights-replaced",
      target: { type: "user", id: userId, name: user.username },
      before: { version: user.version, calendarGrants: before },
      after: { version: updated!.version, calendarGrants: grants },
    });
    await bumpRightsVersion(tx, actor, { users: [userId] });
    return { version: updated!.version, calendarGrants: await readGrants(tx, actor, { userId }) };
  });
}
