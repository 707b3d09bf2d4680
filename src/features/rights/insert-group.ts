import { resolveTemplateEntries, type GroupTemplate } from "../../domain/rights/templates.js";
import { recordAudit } from "../../platform/audit.js";
import type { Db } from "../../platform/db/connect.js";
import { userGroups } from "../../platform/db/schema/rights.js";
import type { DistrictActor } from "../../platform/http/actor.js";
import { auditActor } from "./guards.js";
import { recordRightsVersion } from "../governance/rights-versions-repo.js";
import { writeEntries, writeGrants } from "./repo-groups.js";
import type { Entry, Grant } from "./schema.js";

export type NewGroup = {
  name: string;
  description: string;
  memberLimit: number | null;
  template: string | null;
  copyOf?: string | null;
  entries: Entry[];
  calendarGrants: Grant[];
};

/**
 * A seed template's rows as stored entries, every row kept (blank ones are explicit ""). A **
 * row is granted until the end of the master scheduling period and is "" from then on; with no
 * end known it grants nothing (see resolveTemplateEntries).
 */
export function templateEntries(template: GroupTemplate, masterSchedulingEnds: Date | undefined): Entry[] {
  return resolveTemplateEntries(template, masterSchedulingEnds ? { masterSchedulingEnds } : {}).map((e) => ({
    toolPath: e.toolPath, rights: e.rights, deny: e.deny === true, from: e.from ?? null, until: e.until ?? null,
  }));
}

/** Inserts a group with its entries and calendar rights and audits it; the caller bumps the rights version. */
export async function insertGroup(tx: Db, actor: DistrictActor, group: NewGroup): Promise<{ id: string; name: string }> {
  const [row] = await tx
    .insert(userGroups)
    .values({ districtId: actor.districtId, name: group.name, description: group.description, memberLimit: group.memberLimit, template: group.template, updatedById: actor.userId, updatedByName: actor.username })
    .returning();
  await writeEntries(tx, actor, { groupId: row!.id }, group.entries);
  await writeGrants(tx, actor, { groupId: row!.id }, group.calendarGrants);
  await recordRightsVersion(tx, actor, row!.id, auditActor(actor), group.copyOf ? "created as a copy" : group.template ? `created from the ${group.template} template` : "created");
  await recordAudit(tx, {
    districtId: actor.districtId,
    actor: auditActor(actor),
    action: "group.created",
    target: { type: "group", id: row!.id, name: row!.name },
    after: {
      name: row!.name, description: group.description, memberLimit: group.memberLimit, template: group.template,
      copyOf: group.copyOf ?? null, entries: group.entries, calendarGrants: group.calendarGrants,
    },
  });
  return { id: row!.id, name: row!.name };
}
