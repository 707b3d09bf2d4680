import type { Db } from "../../platform/db/connect.js";
import type { DistrictActor } from "../../platform/http/actor.js";
import { AppError, notFound } from "../../platform/http/errors.js";
import { actionsFor, bestLevel, type Actions, type CalendarRow } from "./calendar-access.js";
import type { EnrollmentRow } from "./repo-enrollments.js";
import { findPersonWithCalendars, type PersonRow } from "./repo-people.js";

/** `enrollments`: all of the person's, newest first, before any calendar filtering. */
export type PersonAccess = { person: PersonRow; calendars: CalendarRow[]; enrollments: EnrollmentRow[]; level: string; actions: Actions };

/**
 * The person as `tool` lets this user see them: calendar rights to the person come through any
 * calendar they are enrolled or assigned in. Without R there, the person does not exist (404).
 */
export async function requirePersonAccess(
  db: Db,
  actor: DistrictActor,
  personId: string,
  tool: string,
  kind?: "student" | "staff",
): Promise<PersonAccess> {
  const found = await findPersonWithCalendars(db, actor, personId);
  if (!found || (kind && found.person.kind !== kind)) throw notFound(kind === "student" ? "The student" : "The person");
  const { person, calendars, enrollments } = found;
  const level = bestLevel(actor.rights, tool, calendars);
  if (!level.includes("R")) throw notFound(kind === "student" ? "The student" : "The person");
  return { person, calendars, enrollments, level, actions: actionsFor(level) };
}

const RIGHT_NAMES = { W: "W (Write)", A: "A (Add)", D: "D (Delete)" } as const;

/** The user can see the record but lacks the right to change it: say which right is missing. */
export function requireRight(level: string, letter: "W" | "A" | "D", tool: string): void {
  if (!level.includes(letter)) {
    throw new AppError(403, "right-missing", `You need the ${RIGHT_NAMES[letter]} right on ${tool} for this record's calendar.`, {
      detail: { tool, right: letter },
    });
  }
}

export function checkVersion<T>(row: T | undefined, current: unknown): T {
  if (!row) {
    throw new AppError(409, "version-conflict", "Someone changed this record after you opened it. Reload it and make your change again.", {
      detail: { current },
    });
  }
  return row;
}
