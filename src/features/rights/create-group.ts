import { findTemplate, listTemplates } from "../../domain/rights/templates.js";
import { suggestClosest } from "../../domain/rights/tool-path.js";
import type { Db } from "../../platform/db/connect.js";
import type { DistrictActor } from "../../platform/http/actor.js";
import { AppError, notFound } from "../../platform/http/errors.js";
import { insertGroup, templateEntries } from "./insert-group.js";
import { findGroup, findGroupByName, readEntries, readGrants } from "./repo-groups.js";
import { bumpRightsVersion, readMasterSchedulingEnds } from "./rights-version.js";
import type { CreateGroup, Entry, Grant } from "./schema.js";

/**
 * Creates a group: empty, from one of the seed's example groups (its notes become the
 * description and "limited members" a member limit; ** rows last until the end of the master
 * scheduling period), or as a copy of another group's entries and calendar rights.
 */
export async function createGroup(db: Db, actor: DistrictActor, input: CreateGroup): Promise<{ id: string }> {
  if (input.template && input.copyOf) throw new AppError(400, "template-or-copy", "Start from a template or copy a group, not both.", { path: "body.copyOf" });
  const template = input.template ? findTemplate(input.template) : undefined;
  if (input.template && !template) {
    const suggestion = suggestClosest(input.template, listTemplates().map((t) => t.name));
    throw new AppError(422, "unknown-template", `There is no seed template "${input.template}"${suggestion ? `; did you mean "${suggestion}"?` : "."}`, {
      path: "body.template",
      detail: { ...(suggestion ? { suggestion } : {}), templates: listTemplates().map((t) => t.name) },
    });
  }
  return db.transaction(async (tx) => {
    if (await findGroupByName(tx, actor, input.name)) {
      throw new AppError(409, "group-name-taken", `There is already a group named "${input.name}". Choose another name.`, { path: "body.name" });
    }
    let entries: Entry[] = [];
    let grants: Grant[] = [];
    let memberLimit = input.memberLimit ?? null;
    let description = input.description;
    if (template) {
      const ends = input.masterSchedulingEnds ?? (await readMasterSchedulingEnds(tx, actor)) ?? undefined;
      entries = templateEntries(template, ends);
      memberLimit = input.memberLimit === undefined ? (template.memberLimit ?? null) : memberLimit;
      description ||= template.notes.join(" ");
    }
    if (input.copyOf) {
      const source = await findGroup(tx, actor, input.copyOf);
      if (!source) throw notFound("The group to copy");
      entries = await readEntries(tx, actor, { groupId: source.id });
      grants = await readGrants(tx, actor, { groupId: source.id });
      memberLimit = input.memberLimit === undefined ? source.memberLimit : memberLimit;
      description ||= source.description;
    }
    const group = await insertGroup(tx, actor, {
      name: input.name, description, memberLimit, template: template?.name ?? null, copyOf: input.copyOf ?? null, entries, calendarGrants: grants,
    });
    await bumpRightsVersion(tx, actor, { groups: [group.id] });
    return { id: group.id };
  });
}
