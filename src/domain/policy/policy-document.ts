/** The validated, normalised policy: what parsePolicy returns and exportPolicy writes. */
import type { CalendarRef, ProductSecurityRole } from "../rights/model.js";
import type { Rights } from "../rights/rights.js";

export type PolicyRight =
  | { rights: Rights; deny?: undefined; from?: Date; until?: Date }
  | { deny: true; rights?: undefined; from?: Date; until?: Date };

/** canonical catalog path → one or more values (more than one only with time windows) */
export type PolicyRights = Record<string, PolicyRight[]>;

export interface PolicyCalendarGrant {
  school: string;
  year: string;
  calendar: string;
  modify: boolean;
  from?: Date;
  until?: Date;
}

export interface PolicyGroup {
  name: string;
  template?: string;
  /** member limit; null: none, even when the template has one */
  limit?: number | null;
  rights: PolicyRights;
  calendars: PolicyCalendarGrant[];
}

export interface PolicyMembership {
  name: string;
  from?: Date;
  until?: Date;
}

export interface PolicyUser {
  username: string;
  groups: PolicyMembership[];
  productSecurityRole: ProductSecurityRole;
  rights: PolicyRights;
  calendars: PolicyCalendarGrant[];
}

export interface PolicyAssertion {
  user: string;
  tool: string;
  calendar?: string;
  asOf?: Date;
  rights: Rights;
}

export interface PolicyDocument {
  district: string;
  preferences: { automaticStaffAccounts: boolean; masterSchedulingEnds?: Date };
  calendars: CalendarRef[];
  groups: PolicyGroup[];
  users: PolicyUser[];
  support?: {
    addOnProducts: number;
    contacts: { username: string; email: string; type: "support" | "technical"; lastActivity?: Date }[];
  };
  assertions: PolicyAssertion[];
  /** tools the district marks protected beyond the seed's list; absent: leave the district's as they are */
  protected?: string[];
  /** where the document came from; not part of the format, not exported */
  source?: { fileName: string; assertionLines: number[] };
}

export interface PolicyError {
  file: string;
  line: number;
  column: number;
  /** e.g. groups[0].rights["Attendance > Reports"] */
  path: string;
  code:
    | "yaml"
    | "schema"
    | "unknown-tool"
    | "bad-rights"
    | "all-or-nothing"
    | "calendar-only-group"
    | "unknown-group"
    | "unknown-user"
    | "unknown-calendar"
    | "unknown-template"
    | "duplicate"
    | "already-protected"
    | "bad-time-bounds";
  message: string;
  suggestion?: string;
}

export function formatPolicyError(e: PolicyError): string {
  return `${e.file}:${e.line}:${e.column}: ${e.message}`;
}
