/**
 * The seed's 21 example user groups as templates. Every row is kept, including blank ones:
 * a blank row is an explicit "" entry that narrows what a module-level row gave.
 */
import seed from "./seed-template-groups.json" with { type: "json" };
import type { RightEntry } from "./model.js";
import { parseRights, type Rights } from "./rights.js";
import { seedRowToolPath } from "./tool-path.js";

export type UntilRule = "master-scheduling-period";

export interface TemplateEntry {
  path: string;
  rights: Rights;
  /** the seed's ** rows: granted only during the master scheduling period */
  untilRule?: UntilRule;
  /** the row's label as printed in the seed */
  label: string;
}

export interface GroupTemplate {
  name: string;
  notes: string[];
  memberLimit?: number;
  entries: TemplateEntry[];
}

export interface SeedRow {
  label: string;
  path: string | null;
  R: boolean;
  W: boolean;
  A: boolean;
  D: boolean;
}

/** Member limit used for groups the seed says should have limited members. */
export const LIMITED_GROUP_MEMBER_LIMIT = 5;

/**
 * Row-level corrections where the seed's path contradicts its own label. Teachers'
 * "Assessment (Student Information > General > Grades)" is a copy slip: Counselors show
 * Assessment at its own path, and keeping it would give Grades a second entry.
 */
const ROW_PATH_FIXES: Readonly<Record<string, string>> = {
  "Teachers|Assessment": "Student Information > General > Assessment",
};

// "These rights should be limited" (Schedulers) is about Delete rights, not members.
const LIMITED = /limited members|users assigned to this group should be limited/i;

/** Tool path of a seed row after corrections and normalisation (the loader's only path). */
export function templateRowPath(groupName: string, row: Pick<SeedRow, "label" | "path">): string {
  const fix = ROW_PATH_FIXES[`${groupName}|${row.label}`];
  return fix ?? seedRowToolPath(row);
}

function rowRights(row: SeedRow): Rights {
  return parseRights(`${row.R ? "R" : ""}${row.W ? "W" : ""}${row.A ? "A" : ""}${row.D ? "D" : ""}`);
}

export function buildTemplate(group: { group: string; notes: string[]; rows: SeedRow[] }): GroupTemplate {
  const entries = group.rows.map((row): TemplateEntry => {
    const entry: TemplateEntry = { path: templateRowPath(group.group, row), rights: rowRights(row), label: row.label };
    if (/\*\*$/.test(row.label.trim())) entry.untilRule = "master-scheduling-period";
    return entry;
  });
  const limited = group.notes.some((n) => LIMITED.test(n));
  return { name: group.group, notes: group.notes, ...(limited ? { memberLimit: LIMITED_GROUP_MEMBER_LIMIT } : {}), entries };
}

export const SEED_TEMPLATE_GROUPS: readonly { group: string; notes: string[]; rows: SeedRow[] }[] = seed.groups;

let templates: GroupTemplate[] | undefined;

export function listTemplates(): readonly GroupTemplate[] {
  templates ??= SEED_TEMPLATE_GROUPS.map(buildTemplate);
  return templates;
}

export function findTemplate(name: string): GroupTemplate | undefined {
  const key = name.trim().toLowerCase();
  return listTemplates().find((t) => t.name.toLowerCase() === key);
}

export interface TemplateDates {
  /** end of the master scheduling period; absent → ** rows are not granted at all */
  masterSchedulingEnds?: Date;
}

/**
 * Engine entries for a template. A ** row becomes the grant until the end of the master
 * scheduling period plus an explicit "" from that day: without it, the expired row would
 * count as absent and the tool would inherit RWAD again from the "Scheduling" row. With no
 * date known the row is granted nothing (fail closed).
 */
export function resolveTemplateEntries(template: GroupTemplate, dates: TemplateDates = {}): RightEntry[] {
  const out: RightEntry[] = [];
  for (const e of template.entries) {
    if (e.untilRule === "master-scheduling-period") {
      const end = dates.masterSchedulingEnds;
      if (end && e.rights !== "") {
        out.push({ toolPath: e.path, rights: e.rights, until: end });
        out.push({ toolPath: e.path, rights: "", from: end });
      } else {
        out.push({ toolPath: e.path, rights: "" });
      }
      continue;
    }
    out.push({ toolPath: e.path, rights: e.rights });
  }
  return out;
}
