import type { GroupSummary, Template } from "./security-api.js";

/** The templates a group of the district is already named like (names compare without case, as the server does). */
export function existingTemplates(templates: readonly Template[], groups: readonly GroupSummary[]): Set<string> {
  const names = new Set(groups.map((g) => g.name.toLowerCase()));
  return new Set(templates.filter((t) => names.has(t.name.toLowerCase())).map((t) => t.name));
}

/** Of the chosen templates, those with ** rows: they grant nothing without an end of the master scheduling period. */
export function needingSchedulingEnd(templates: readonly Template[], chosen: ReadonlySet<string>): string[] {
  return templates.filter((t) => chosen.has(t.name) && t.entries.some((e) => e.masterSchedulingPeriod)).map((t) => t.name);
}

/**
 * The body for POST /api/groups/from-templates: every template when all are chosen (the server's
 * default, so a template added later is not left out), else the chosen names in the seed's order.
 */
export function templateGroupsBody(templates: readonly Template[], chosen: ReadonlySet<string>, skipExisting: boolean, schedulingEnds: string) {
  const all = templates.every((t) => chosen.has(t.name));
  return {
    ...(all ? {} : { templates: templates.filter((t) => chosen.has(t.name)).map((t) => t.name) }),
    skipExisting,
    ...(schedulingEnds ? { masterSchedulingEnds: schedulingEnds } : {}),
  };
}
