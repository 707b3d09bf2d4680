/**
 * "Who can see protected data": for each protected area (the seed's and the district's), every user with
 * at least R on it and through what (group entry, individual entry, or the SIS role).
 */
import { protectedAreaPaths } from "../../domain/rights/protected-areas.js";
import { requireNode } from "../../domain/rights/catalog.js";
import { isActiveAt, type CalendarGrant, type UserModel } from "../../domain/rights/model.js";
import { rightsFromLevel, levelOfRights } from "../../domain/rights/rights.js";
import { compileDistrict } from "../../domain/rights/compile-district.js";
import { whoHasAccess, type AccessVia } from "../../domain/rights/who-has-access.js";
import type { Rights } from "../../domain/rights/rights.js";
import { userLookup, type ReviewSource } from "./review-source.js";

export type ProtectedHolder = { userId: string; username: string; displayName: string; rights: Rights; calendars: string; via: AccessVia[] };
export type ProtectedArea = { toolPath: string; holders: ProtectedHolder[] };

/** The seed's list and the district's own: protected nodes whose parent is not protected (their subtrees inherit). */
export function protectedAreas(source: ReviewSource): string[] {
  return protectedAreaPaths(source.catalog, source.model.protectedTools);
}

/** The calendar grants in force for a user: their own and those of the groups they are in now. */
function grantsOf(source: ReviewSource, user: UserModel): CalendarGrant[] {
  const groups = new Map(source.model.groups.map((g) => [g.id, g]));
  const fromGroups = user.memberships.filter((m) => isActiveAt(m, source.asOf)).flatMap((m) => groups.get(m.groupId)?.calendarGrants ?? []);
  return [...user.calendarGrants, ...fromGroups].filter((g) => isActiveAt(g, source.asOf));
}

const part = (v: string, all: string) => (v === "*" ? all : v);
const describeGrant = (g: CalendarGrant) =>
  g.school === "*" && g.year === "*" && g.calendar === "*" ? "every calendar" : g.calendar !== "*" ? g.calendar : `${part(g.school, "every school")}, ${part(g.year, "every year")}`;

/**
 * Where a holder can use a calendar-scoped area and the most they can do there: with no calendar
 * grant, nowhere (not a holder); with only read-only grants, R at most (DESIGN.md's cap).
 */
function calendarReach(source: ReviewSource, user: UserModel, rights: Rights): { rights: Rights; calendars: string } | null {
  if (user.productSecurityRole === "student-information-system") return { rights, calendars: "every calendar, with modify (the Student Information System role)" };
  const grants = grantsOf(source, user);
  if (grants.length === 0) return null;
  const modify = grants.filter((g) => g.modify);
  const capped = modify.length > 0 ? rights : rightsFromLevel(Math.min(levelOfRights(rights), 1));
  const names = [...new Set(grants.map(describeGrant))];
  const readOnly = [...new Set(grants.filter((g) => !g.modify).map(describeGrant))].filter((n) => !modify.some((g) => describeGrant(g) === n));
  const calendars = names.map((n) => (readOnly.includes(n) ? `${n} (read-only)` : n)).join("; ");
  return { rights: capped, calendars };
}

export function buildProtectedAccess(source: ReviewSource): ProtectedArea[] {
  const compiled = compileDistrict(source.catalog, source.model, source.asOf);
  const user = userLookup(source);
  const models = new Map(source.model.users.map((u) => [u.id, u]));
  return protectedAreas(source).map((toolPath) => {
    const scoped = requireNode(source.catalog, toolPath).calendarScoped;
    const holders: ProtectedHolder[] = [];
    for (const h of whoHasAccess(source.catalog, compiled, toolPath, "R", { asOf: source.asOf })) {
      const reach = scoped ? calendarReach(source, models.get(h.userId)!, h.rights) : { rights: h.rights, calendars: "not calendar-scoped" };
      if (!reach) continue;
      holders.push({ userId: h.userId, username: h.username, displayName: user(h.userId).displayName, rights: reach.rights, calendars: reach.calendars, via: h.via });
    }
    return { toolPath, holders: holders.sort((a, b) => a.username.localeCompare(b.username)) };
  });
}

/** One line for a grant path, as the CSV and the screen print it. */
export function describeVia(via: AccessVia): string {
  if (via.kind === "role") return "Student Information System role (all rights everywhere)";
  const rights = via.rights || "none";
  return via.kind === "group"
    ? `group "${via.groupName}": ${rights} from "${via.entryPath}"`
    : `individual rights: ${rights} from "${via.entryPath}"`;
}
