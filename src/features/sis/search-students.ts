import type { Db } from "../../platform/db/connect.js";
import type { DistrictActor } from "../../platform/http/actor.js";
import { AppError } from "../../platform/http/errors.js";
import { calendarIdsWith, listCalendars } from "./calendar-access.js";
import { TOOLS } from "./field-catalog.js";
import type { PageQuery } from "../../platform/http/paging.js";
import { searchStudents } from "./repo-people.js";

/**
 * Students in calendars where the user can read Summary. Without "Allow Unfiltered Search" a
 * search needs a name (or student number): nobody lists the whole district by accident.
 */
export async function findStudents(db: Db, actor: DistrictActor, input: { q?: string | undefined } & PageQuery) {
  const text = input.q?.trim() ?? "";
  const unfiltered = actor.rights.has(TOOLS.unfilteredSearch, "R");
  if (!text && !unfiltered) {
    throw new AppError(400, "search-needs-name", "Type a name or student number: you do not have Allow Unfiltered Search.", { path: "query.q" });
  }
  const calendars = await listCalendars(db, actor);
  const calendarIds = calendarIdsWith(actor.rights, [TOOLS.summary], calendars);
  const page = await searchStudents(db, actor, { ...input, text, calendarIds });
  return { students: page.items, total: page.total, nextCursor: page.nextCursor, more: page.nextCursor !== null, unfilteredSearch: unfiltered };
}
