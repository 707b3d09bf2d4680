import { desc, eq, inArray } from "drizzle-orm";
import { recordAudit } from "../../platform/audit.js";
import type { Db } from "../../platform/db/connect.js";
import { staffAutomationMappings, staffAutomationRuns } from "../../platform/db/schema/oneroster.js";
import { userGroups } from "../../platform/db/schema/rights.js";
import { inDistrict } from "../../platform/db/tenancy.js";
import type { DistrictActor } from "../../platform/http/actor.js";
import { AppError } from "../../platform/http/errors.js";
import { auditActor } from "../rights/guards.js";
import { calendarOnlyGroupIds } from "./apply-staff-assignments.js";
import type { Mapping } from "./schema.js";

export async function listMappings(db: Db, actor: DistrictActor) {
  const rows = await db
    .select({ kind: staffAutomationMappings.kind, key: staffAutomationMappings.key, groupId: staffAutomationMappings.groupId, groupName: userGroups.name })
    .from(staffAutomationMappings)
    .innerJoin(userGroups, eq(userGroups.id, staffAutomationMappings.groupId))
    .where(inDistrict(staffAutomationMappings, actor))
    .orderBy(staffAutomationMappings.kind, staffAutomationMappings.key, userGroups.name);
  return { mappings: rows };
}

/**
 * Replaces the district's mappings. A school may only be mapped to a calendar-only group (the
 * seed's rule: the automation hands out calendars, never tool rights through a school).
 */
export async function replaceMappings(db: Db, actor: DistrictActor, mappings: Mapping[]) {
  return db.transaction(async (tx) => {
    const ids = [...new Set(mappings.map((m) => m.groupId))];
    const groups = ids.length === 0 ? [] : await tx.select({ id: userGroups.id, name: userGroups.name }).from(userGroups).where(inDistrict(userGroups, actor, inArray(userGroups.id, ids)));
    const missing = mappings.findIndex((m) => !groups.some((g) => g.id === m.groupId));
    if (missing >= 0) throw new AppError(404, "not-found", "That group was not found in this district.", { path: `body.mappings.${missing}.groupId` });
    const calendarOnly = await calendarOnlyGroupIds(tx, actor, mappings.filter((m) => m.kind === "school").map((m) => m.groupId));
    const bad = mappings.findIndex((m) => m.kind === "school" && !calendarOnly.has(m.groupId));
    if (bad >= 0) {
      const name = groups.find((g) => g.id === mappings[bad]!.groupId)!.name;
      throw new AppError(409, "calendar-only-group", `"${name}" is not a calendar-only group (it has tool rights, or no calendar rights), so it cannot be mapped to a school: the automation gives a school's staff calendars, never tool rights. Map a group that holds only calendar rights, and put tool rights in a role group.`, { path: `body.mappings.${bad}.groupId` });
    }
    const before = await listMappings(tx, actor);
    await tx.delete(staffAutomationMappings).where(inDistrict(staffAutomationMappings, actor));
    const unique = [...new Map(mappings.map((m) => [`${m.kind}|${m.key.toLowerCase()}|${m.groupId}`, m])).values()];
    if (unique.length > 0) await tx.insert(staffAutomationMappings).values(unique.map((m) => ({ ...m, districtId: actor.districtId })));
    const after = await listMappings(tx, actor);
    await recordAudit(tx, { districtId: actor.districtId, actor: auditActor(actor), action: "staff-automation.mappings-replaced", target: { type: "district", id: actor.districtId }, before, after });
    return after;
  });
}

export async function listRuns(db: Db, actor: DistrictActor) {
  const runs = await db.select({ id: staffAutomationRuns.id, source: staffAutomationRuns.source, actorName: staffAutomationRuns.actorName, ranAt: staffAutomationRuns.ranAt, actions: staffAutomationRuns.actions }).from(staffAutomationRuns).where(inDistrict(staffAutomationRuns, actor)).orderBy(desc(staffAutomationRuns.ranAt)).limit(100);
  return { runs };
}
