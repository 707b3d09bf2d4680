import { findTemplate, listTemplates, type GroupTemplate } from "../../domain/rights/templates.js";
import { suggestClosest } from "../../domain/rights/tool-path.js";
import type { Db } from "../../platform/db/connect.js";
import type { DistrictActor } from "../../platform/http/actor.js";
import { AppError, type FieldError } from "../../platform/http/errors.js";
import { insertGroup, templateEntries } from "./insert-group.js";
import { findGroupByName } from "./repo-groups.js";
import { bumpRightsVersion, readMasterSchedulingEnds } from "./rights-version.js";

export type CreateTemplateGroups = {
  /** seed template names; all 21 when absent */
  templates?: string[] | undefined;
  masterSchedulingEnds?: Date | undefined;
  /** leave templates whose name is already a group alone instead of refusing the whole request */
  skipExisting: boolean;
};

function resolveTemplates(names: string[] | undefined): readonly GroupTemplate[] {
  if (!names) return listTemplates();
  const errors: FieldError[] = [];
  const found = names.flatMap((name, i) => {
    const t = findTemplate(name);
    if (t) return [t];
    const suggestion = suggestClosest(name, listTemplates().map((x) => x.name));
    errors.push({ path: `body.templates[${i}]`, message: `There is no seed template "${name}"${suggestion ? `; did you mean "${suggestion}"?` : "."}` });
    return [];
  });
  if (errors.length > 0) throw new AppError(422, "unknown-template", errors[0]!.message, { path: errors[0]!.path, errors, detail: { templates: listTemplates().map((t) => t.name) } });
  return [...new Map(found.map((t) => [t.name, t])).values()];
}

/**
 * Creates the seed's example groups in one step and one transaction: each named after its
 * template, with every row (blank ones as explicit ""), its notes as the description, "limited
 * members" as a member limit, and the ** rows granted until the end of the master scheduling
 * period. A name already taken refuses the whole request unless skipExisting is set.
 */
export async function createTemplateGroups(db: Db, actor: DistrictActor, input: CreateTemplateGroups) {
  const templates = resolveTemplates(input.templates);
  return db.transaction(async (tx) => {
    const taken: string[] = [];
    for (const t of templates) if (await findGroupByName(tx, actor, t.name)) taken.push(t.name);
    if (taken.length > 0 && !input.skipExisting) {
      throw new AppError(409, "group-name-taken", `${taken.length === 1 ? "A group is" : `${taken.length} groups are`} already named like a template (${taken.map((n) => `"${n}"`).join(", ")}). Nothing was created: rename them, or ask to skip the existing ones.`, {
        path: "body.templates",
        detail: { taken },
      });
    }
    const ends = input.masterSchedulingEnds ?? (await readMasterSchedulingEnds(tx, actor)) ?? undefined;
    const warnings: string[] = [];
    const created: { id: string; name: string }[] = [];
    for (const t of templates) {
      if (taken.includes(t.name)) continue;
      if (!ends && t.entries.some((e) => e.untilRule)) {
        warnings.push(`"${t.name}": no end of the master scheduling period is set, so its ** rows grant nothing. Set the end in Account Security Preferences and give these tools their rights in the group.`);
      }
      created.push(await insertGroup(tx, actor, {
        name: t.name, description: t.notes.join(" "), memberLimit: t.memberLimit ?? null, template: t.name, entries: templateEntries(t, ends), calendarGrants: [],
      }));
    }
    if (created.length > 0) await bumpRightsVersion(tx, actor, { groups: created.map((g) => g.id) });
    return { created, skipped: taken, warnings };
  });
}
