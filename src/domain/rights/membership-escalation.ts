/**
 * No escalation (DESIGN.md), as Kubernetes RBAC's escalate check: whoever changes a group's
 * membership without the Student Information System role may only do so for a group whose every
 * right and calendar right they already hold, so adding a person (themselves included) can never
 * hand out more than the administrator has.
 */
import type { Catalog } from "./catalog.js";
import { compileGrantee } from "./compile-district.js";
import type { CalendarGrant, GroupModel, RightEntry } from "./model.js";
import { levelOfRights, rightsFromLevel, type Rights } from "./rights.js";

/** What the administrator holds: their effective right on a tool (no calendar) and their calendar grants. */
export type AdministratorRights = {
  level(toolPath: string): Rights;
  calendarGrants: Pick<CalendarGrant, "school" | "year" | "calendar" | "modify">[];
};

export type Escalation =
  | { kind: "tool"; toolPath: string; groupRights: Rights; yourRights: Rights }
  | { kind: "calendar"; grant: Pick<CalendarGrant, "school" | "year" | "calendar" | "modify"> };

/**
 * Allows are counted from now on, including those not yet in force (they start by themselves
 * later); denies only while in force (one that lapses stops narrowing). So the group is judged
 * by the most it gives from now on.
 */
function entriesFromNowOn(entries: RightEntry[], asOf: Date): RightEntry[] {
  return entries.flatMap((e) => {
    if (e.until !== undefined && e.until.getTime() <= asOf.getTime()) return [];
    if (e.deny) return e.from !== undefined && e.from.getTime() > asOf.getTime() ? [] : [e];
    const { from: _from, ...rest } = e;
    return [rest];
  });
}

/** An administrator grant covers a group grant when it matches at least the same calendars with at least the same modify. */
function covers(mine: AdministratorRights["calendarGrants"][number], theirs: CalendarGrant): boolean {
  const part = (a: string, b: string) => a === "*" || a === b;
  return part(mine.school, theirs.school) && part(mine.year, theirs.year) && part(mine.calendar, theirs.calendar) && (mine.modify || !theirs.modify);
}

/** Every way the group exceeds the administrator, in catalog order (tools first, then calendars); empty when it does not. */
export function findEscalations(catalog: Catalog, group: Pick<GroupModel, "entries" | "calendarGrants">, admin: AdministratorRights, asOf: Date): Escalation[] {
  const out: Escalation[] = [];
  const { levels, deny } = compileGrantee(catalog, entriesFromNowOn(group.entries, asOf), asOf);
  for (const node of catalog.nodes) {
    const groupLevel = deny?.[node.index] ? 0 : levels[node.index]!;
    if (groupLevel === 0) continue;
    const yours = admin.level(node.path);
    if (groupLevel <= levelOfRights(yours)) continue;
    const excess = { kind: "tool" as const, toolPath: node.path, groupRights: rightsFromLevel(groupLevel), yourRights: yours };
    // a subtree that only inherits its parent's excess is not listed again
    const sameAsAncestor = out.some((x) => x.kind === "tool" && node.path.startsWith(`${x.toolPath} > `) && x.groupRights === excess.groupRights && x.yourRights === yours);
    if (!sameAsAncestor) out.push(excess);
  }
  for (const grant of group.calendarGrants) {
    if (grant.until !== undefined && grant.until.getTime() <= asOf.getTime()) continue;
    if (!admin.calendarGrants.some((mine) => covers(mine, grant))) out.push({ kind: "calendar", grant: { school: grant.school, year: grant.year, calendar: grant.calendar, modify: grant.modify } });
  }
  return out;
}

const calendarLabel = (g: Pick<CalendarGrant, "school" | "year" | "calendar" | "modify">) =>
  `${g.school === "*" ? "all schools" : g.school} / ${g.year === "*" ? "all years" : g.year} / ${g.calendar === "*" ? "all calendars" : g.calendar}${g.modify ? " with modify" : " (read only)"}`;

/** One sentence per excess, for the refusal. */
export function describeEscalation(e: Escalation): string {
  if (e.kind === "tool") return `${e.groupRights} on "${e.toolPath}", where you hold ${e.yourRights === "" ? "no rights" : e.yourRights}`;
  return `calendar rights to ${calendarLabel(e.grant)}, which your calendar rights do not cover`;
}
