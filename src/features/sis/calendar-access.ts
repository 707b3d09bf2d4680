import { asc } from "drizzle-orm";
import type { Db } from "../../platform/db/connect.js";
import { sisCalendars } from "../../platform/db/schema/sis.js";
import { inDistrict, type DistrictScope } from "../../platform/db/tenancy.js";
import type { CalendarRef, RightLetter, RightsView } from "../../platform/http/actor.js";

export type CalendarRow = { id: string; schoolName: string; yearName: string; name: string };

export const calendarRef = (c: CalendarRow): CalendarRef => ({ school: c.schoolName, year: c.yearName, calendar: c.name });

/** The district's calendars: a short list (schools × years), so rights are evaluated per calendar in JS. */
export async function listCalendars(db: Db, scope: DistrictScope): Promise<CalendarRow[]> {
  return db
    .select({ id: sisCalendars.id, schoolName: sisCalendars.schoolName, yearName: sisCalendars.yearName, name: sisCalendars.name })
    .from(sisCalendars)
    .where(inDistrict(sisCalendars, scope))
    .orderBy(asc(sisCalendars.yearName), asc(sisCalendars.schoolName), asc(sisCalendars.name));
}

/** Calendars the user has calendar rights to at all (any grant matches; "*" matches anything). */
export function grantedCalendarIds(rights: RightsView, calendars: CalendarRow[]): string[] {
  const grants = rights.calendarGrants();
  return calendars
    .filter((c) =>
      grants.some(
        (g) =>
          (g.school === "*" || g.school === c.schoolName) &&
          (g.year === "*" || g.year === c.yearName) &&
          (g.calendar === "*" || g.calendar === c.name),
      ),
    )
    .map((c) => c.id);
}

/**
 * Calendars in which ANY of `tools` gives `right`: the tool right capped by the calendar
 * rights, exactly as the rights engine answers it for that calendar.
 */
export function calendarIdsWith(rights: RightsView, tools: string[], calendars: CalendarRow[], right: RightLetter = "R"): string[] {
  if (!tools.some((t) => rights.has(t, right))) return [];
  return calendars.filter((c) => tools.some((t) => rights.has(t, right, calendarRef(c)))).map((c) => c.id);
}

export type Actions = { canSave: boolean; canCreate: boolean; canDelete: boolean };

/** Allowed actions from a rights level, so the UI can disable Save, New and Delete (seed Images 8 and 9). */
export function actionsFor(level: string): Actions {
  return { canSave: level.includes("W"), canCreate: level.includes("A"), canDelete: level.includes("D") };
}

const ORDER = ["", "R", "RW", "RWA", "RWAD"];

/** The best level any of `calendars` gives on `tool`: calendar rights to a person through any of theirs. */
export function bestLevel(rights: RightsView, tool: string, calendars: CalendarRow[]): string {
  let best = 0;
  for (const c of calendars) best = Math.max(best, ORDER.indexOf(rights.level(tool, calendarRef(c))));
  return ORDER[best]!;
}
