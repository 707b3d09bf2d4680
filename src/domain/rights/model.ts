/**
 * Input model of the rights engine. The database layer builds these; the engine never
 * reads anything else. Treat a model as an immutable snapshot: build a new one on change.
 */
import { findNode, suggestPath, type Catalog } from "./catalog.js";
import { isRights, type Rights } from "./rights.js";

export type ProductSecurityRole = "none" | "student-information-system" | "sis-group-assignment";

export interface TimeBounds {
  /** inclusive */
  from?: Date;
  /** exclusive */
  until?: Date;
}

export interface RightEntry extends TimeBounds {
  toolPath: string;
  rights: Rights;
  /** a deny covers the whole subtree and beats every allow; `rights` is ignored */
  deny?: boolean;
}

export interface CalendarGrant extends TimeBounds {
  school: string | "*";
  year: string | "*";
  calendar: string | "*";
  modify: boolean;
}

export interface CalendarRef {
  school: string;
  year: string;
  calendar: string;
}

export interface Membership extends TimeBounds {
  groupId: string;
}

export interface GroupModel {
  id: string;
  name: string;
  entries: RightEntry[];
  calendarGrants: CalendarGrant[];
}

export interface UserModel {
  id: string;
  username: string;
  productSecurityRole: ProductSecurityRole;
  memberships: Membership[];
  entries: RightEntry[];
  calendarGrants: CalendarGrant[];
}

export interface DistrictModel {
  users: UserModel[];
  groups: GroupModel[];
  /** tools the district marks as protected beyond the seed's list (see protected-areas.ts) */
  protectedTools?: readonly string[];
}

/** Outside [from, until) an entry, membership or grant counts as absent. */
export function isActiveAt(bounds: TimeBounds, asOf: Date): boolean {
  const t = asOf.getTime();
  if (bounds.from !== undefined && t < bounds.from.getTime()) return false;
  if (bounds.until !== undefined && t >= bounds.until.getTime()) return false;
  return true;
}

/** Why a bounded thing is inactive at asOf, or null when active. */
export function inactiveReason(bounds: TimeBounds, asOf: Date): "not-yet-valid" | "expired" | null {
  if (bounds.from !== undefined && asOf.getTime() < bounds.from.getTime()) return "not-yet-valid";
  if (bounds.until !== undefined && asOf.getTime() >= bounds.until.getTime()) return "expired";
  return null;
}

/** "*" matches anything. */
export function calendarGrantMatches(grant: CalendarGrant, cal: CalendarRef): boolean {
  return (
    (grant.school === "*" || grant.school === cal.school) &&
    (grant.year === "*" || grant.year === cal.year) &&
    (grant.calendar === "*" || grant.calendar === cal.calendar)
  );
}

/** Only holders of a Product Security Role may change tool and calendar rights. */
export function canManageRights(user: Pick<UserModel, "productSecurityRole">): boolean {
  return user.productSecurityRole === "student-information-system";
}

/** The narrower sis-group-assignment role may change group membership, nothing else. */
export function canManageMembership(user: Pick<UserModel, "productSecurityRole">): boolean {
  return user.productSecurityRole === "student-information-system" || user.productSecurityRole === "sis-group-assignment";
}

export type EntryProblemCode = "unknown-tool" | "bad-rights" | "all-or-nothing" | "bad-time-bounds";

export interface EntryProblem {
  code: EntryProblemCode;
  message: string;
  suggestion?: string;
}

/** A day as people type it in the app (the API takes the same form). */
const day = (d: Date) => d.toISOString().slice(0, 10);

/**
 * Refuses entries the rules do not allow: unknown tool, a rights value that is not one of
 * the five closed values, partial rights on an all-or-nothing (Campus Instruction) tool,
 * and from >= until. Returns null when the entry is acceptable.
 */
export function validateEntry(catalog: Catalog, entry: RightEntry): EntryProblem | null {
  const node = findNode(catalog, entry.toolPath);
  if (!node) {
    const suggestion = suggestPath(catalog, entry.toolPath);
    return {
      code: "unknown-tool",
      message: `Unknown tool path "${entry.toolPath}"${suggestion ? `; did you mean "${suggestion}"?` : ""}`,
      ...(suggestion ? { suggestion } : {}),
    };
  }
  if (!entry.deny && !isRights(entry.rights)) {
    return { code: "bad-rights", message: `The rights on "${node.path}" are "${entry.rights}": use R, RW, RWA, RWAD, or none at all` };
  }
  if (!entry.deny && node.allOrNothing && entry.rights !== "" && entry.rights !== "RWAD") {
    return {
      code: "all-or-nothing",
      message:
        `"${node.path}" is a Campus Instruction tool: rights are all or nothing, so use RWAD (full access) ` +
        `or "" (none); "${entry.rights}" is refused`,
    };
  }
  if (entry.from && entry.until && entry.from.getTime() >= entry.until.getTime()) {
    return {
      code: "bad-time-bounds",
      message: `The rights on "${node.path}" would end on ${day(entry.until)}, not after they start on ${day(entry.from)}: choose an end after the start`,
    };
  }
  return null;
}
