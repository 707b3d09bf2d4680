/**
 * The seed's cautions as live checks: each row quotes the seed's words beside what in the district
 * goes against them, so the reviews and the rights editor show the same findings.
 */
import { checkRight, userIndexOf } from "../../domain/rights/check-right.js";
import { findNode } from "../../domain/rights/catalog.js";
import { compileDistrict, compileGrantee } from "../../domain/rights/compile-district.js";
import { calendarGrantMatches, isActiveAt, type CalendarGrant } from "../../domain/rights/model.js";
import { buildGroupsOverLimit } from "./build-grant-reviews.js";
import { userLookup, type PopulationCalendar, type ReviewSource } from "./review-source.js";

export const SEED_CAUTIONS = {
  "schedule-wizard-holders": "Campus recommends that one user be in charge of the Schedule Wizard.",
  "schedule-delete-outside-schedulers":
    "Delete rights allow a scheduler the ability to remove the schedule and all associated attendance and grades for students who attended classes within that schedule. These rights should be limited.",
  "master-scheduling-ended":
    "Rights should ONLY be granted to these tools during the master scheduling period. After the master scheduling period has passed, these rights should be removed.",
  "limited-group-over-limit": "This group should have limited members.",
  "ssn-without-calendar-rights": "Users assigned to a SSN group MUST have calendar tool rights to users included within the group.",
} as const;

export type SeedCautionCode = keyof typeof SEED_CAUTIONS;
/** `groupIds` / `userIds`: whom the finding concerns, so a group's editor shows the findings about it and its members. */
export type SeedCaution = { code: SeedCautionCode; seedSays: string; subject: string; finding: string; groupIds: string[]; userIds: string[] };
type Concerns = { groupIds?: string[]; userIds?: string[] };

const SCHEDULE_WIZARD = "Scheduling > Schedule Wizard";
const SSN_TOOLS = ["SSN Rights > SSN for All People", "SSN Rights > SSN for Staff", "SSN Rights > SSN for Students"];
const SCHEDULERS = "schedulers";

const caution = (code: SeedCautionCode, subject: string, finding: string, concerns: Concerns = {}): SeedCaution => ({
  code,
  seedSays: SEED_CAUTIONS[code],
  subject,
  finding,
  groupIds: concerns.groupIds ?? [],
  userIds: concerns.userIds ?? [],
});

/** Whom each SSN right covers: All People is every student and every staff member. */
const COVERS: Record<string, ("students" | "staff")[]> = {
  "SSN Rights > SSN for All People": ["students", "staff"],
  "SSN Rights > SSN for Staff": ["staff"],
  "SSN Rights > SSN for Students": ["students"],
};

/**
 * The calendars whose covered people the holder's calendar rights do not reach, said so an
 * administrator can grant them: "12 students and 3 staff in Ballard High · 2025-26 · 25-26 Ballard High".
 */
function ssnCoverageGaps(ssn: string[], grants: CalendarGrant[], population: PopulationCalendar[]): string | null {
  const kinds = new Set(ssn.flatMap((t) => COVERS[t] ?? []));
  const gaps = population
    .filter((c) => !grants.some((g) => calendarGrantMatches(g, c)))
    .map((c) => {
      const people = [kinds.has("students") && c.students > 0 ? `${c.students} ${c.students === 1 ? "student" : "students"}` : "", kinds.has("staff") && c.staff > 0 ? `${c.staff} staff` : ""].filter(Boolean);
      return people.length ? `${people.join(" and ")} in ${c.school} · ${c.year} · ${c.calendar}` : "";
    })
    .filter(Boolean);
  return gaps.length ? gaps.join("; ") : null;
}

export function buildSeedCautions(source: ReviewSource): SeedCaution[] {
  const { catalog, model, asOf } = source;
  const compiled = compileDistrict(catalog, model, asOf);
  const nameOf = userLookup(source);
  const level = (userId: string, path: string) => checkRight(compiled, userIndexOf(compiled, userId), findNode(catalog, path)!.index);
  const out: SeedCaution[] = [];

  const holders = model.users.filter((u) => level(u.id, SCHEDULE_WIZARD) >= 1);
  const wizard = holders.map((u) => nameOf(u.id).username);
  if (wizard.length > 1) {
    out.push(caution("schedule-wizard-holders", SCHEDULE_WIZARD, `${wizard.length} users hold rights to the Schedule Wizard: ${wizard.sort().join(", ")}.`, { userIds: holders.map((u) => u.id) }));
  }

  const deleteTools = catalog.nodes.filter((n) => n.dangerous?.right === "D");
  const masterTools = catalog.nodes.filter((n) => n.dangerous?.reason.includes("master scheduling period"));
  for (const g of model.groups) {
    const levels = compileGrantee(catalog, g.entries, asOf);
    const at = (i: number) => (levels.deny?.[i] === 1 ? 0 : levels.levels[i]!);
    if (g.name.trim().toLowerCase() !== SCHEDULERS) {
      for (const n of deleteTools) {
        if (at(n.index) >= 4) out.push(caution("schedule-delete-outside-schedulers", g.name, `The group ${g.name} has Delete on ${n.path} and is not Schedulers.`, { groupIds: [g.id] }));
      }
    }
  }

  const end = source.masterSchedulingEnd ?? null;
  if (end && asOf > end) {
    const day = end.toISOString().slice(0, 10);
    const grantees = [
      ...model.groups.map((g) => ({ label: `group ${g.name}`, entries: g.entries, concerns: { groupIds: [g.id] } })),
      ...model.users.map((u) => ({ label: `user ${nameOf(u.id).username}`, entries: u.entries, concerns: { userIds: [u.id] } })),
    ];
    for (const { label, entries, concerns } of grantees) {
      for (const e of entries) {
        if (e.deny || e.rights === "" || !isActiveAt(e, asOf)) continue;
        const node = findNode(catalog, e.toolPath);
        const reached = masterTools.filter((m) => node && (m.index === node.index || m.path.startsWith(`${node.path} > `)));
        for (const m of reached) {
          out.push(caution("master-scheduling-ended", m.path, `The ${label} still holds ${e.rights} on ${m.path} after the master scheduling period ended on ${day}.`, concerns));
        }
      }
    }
  }

  for (const g of buildGroupsOverLimit(source)) {
    out.push(caution("limited-group-over-limit", g.name, `The group ${g.name} has ${g.members} members in force; its limit is ${g.memberLimit}.`, { groupIds: [g.groupId] }));
  }

  const groupsById = new Map(model.groups.map((g) => [g.id, g]));
  for (const u of model.users) {
    const ssn = SSN_TOOLS.filter((t) => level(u.id, t) >= 1);
    if (!ssn.length || u.productSecurityRole === "student-information-system") continue;
    const memberships = u.memberships.filter((m) => isActiveAt(m, asOf));
    const grants = [...u.calendarGrants, ...memberships.flatMap((m) => groupsById.get(m.groupId)?.calendarGrants ?? [])].filter((g) => isActiveAt(g, asOf));
    // the groups that give the SSN right, so their editor shows the finding too
    const via = memberships.map((m) => groupsById.get(m.groupId)).filter((g) => g && SSN_TOOLS.some((t) => (compileGrantee(catalog, g.entries, asOf).levels[findNode(catalog, t)!.index] ?? 0) >= 1));
    const concerns = { userIds: [u.id], groupIds: via.map((g) => g!.id) };
    const who = nameOf(u.id).username;
    if (grants.length === 0) {
      out.push(caution("ssn-without-calendar-rights", who, `${who} holds ${ssn.join(", ")} with no calendar rights, so no person's SSN can be shown to them.`, concerns));
      continue;
    }
    const lacking = ssnCoverageGaps(ssn, grants, source.ssnPopulation ?? []);
    if (lacking) out.push(caution("ssn-without-calendar-rights", who, `${who} holds ${ssn.join(", ")} without calendar rights to ${lacking}.`, concerns));
  }
  return out;
}
