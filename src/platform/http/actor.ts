export type RightLetter = "R" | "W" | "A" | "D";
export type CalendarRef = { school: string; year: string; calendar: string };

/** What the caller may do; built once per request from the compiled district rights. */
export type RightsView = {
  /** "" | "R" | "RW" | "RWA" | "RWAD" on a tool, capped by the calendar when one is given. */
  level(tool: string, calendar?: CalendarRef): string;
  has(tool: string, right: RightLetter, calendar?: CalendarRef): boolean;
  /** The calendar grants in force for this user (own and through groups); "*" matches any. */
  calendarGrants(): CalendarGrantView[];
  /** Whether the tool is a protected area in this user's district: the seed's list or one the district marked. */
  isProtected(tool: string): boolean;
};

export type CalendarGrantView = { school: string; year: string; calendar: string; modify: boolean };

/** The one object passed to operations: who is acting, in which district, with which rights. */
export type Actor = {
  userId: string;
  username: string;
  displayName: string;
  kind: "district" | "vendor";
  districtId: string | null;
  productSecurityRole: "none" | "student-information-system" | "sis-group-assignment";
  sessionId: string;
  rights: RightsView;
  /** Set while an administrator previews the app as this user: who is really reading. Nothing can be changed. */
  preview?: { userId: string; username: string };
  /** Set when an API token is calling: the user is then the token's service account. */
  token?: { id: string; scopes: readonly string[] };
};

/** A district actor: the type operations on district data take, so a vendor actor cannot slip in. */
export type DistrictActor = Actor & { districtId: string };

export function isDistrictActor(actor: Actor): actor is DistrictActor {
  return actor.kind === "district" && actor.districtId !== null;
}
