import type { Db } from "../../platform/db/connect.js";
import type { DistrictActor } from "../../platform/http/actor.js";
import { calendarIdsWith, grantedCalendarIds, listCalendars } from "../sis/calendar-access.js";
import { FIELDS, fieldTools, isProtectedField } from "../sis/field-catalog.js";

/**
 * The fields this user can read, grouped by tool. A field is offered when some calendar the
 * user has rights to gives R on its tool; protected fields are deny-by-default like any other.
 */
export async function listReadableFields(db: Db, actor: DistrictActor) {
  const calendars = await listCalendars(db, actor);
  const visible = new Set(grantedCalendarIds(actor.rights, calendars));
  const groups = new Map<string, { tool: string; protected: boolean; fields: { id: string; label: string; type: (typeof FIELDS)[number]["type"] }[] }>();
  for (const field of FIELDS) {
    const readable = calendarIdsWith(actor.rights, fieldTools(field), calendars).some((c) => visible.has(c));
    if (!readable) continue;
    const group = groups.get(field.tool) ?? { tool: field.tool, protected: isProtectedField(field, actor.rights), fields: [] };
    group.fields.push({ id: field.id, label: field.label, type: field.type });
    groups.set(field.tool, group);
  }
  return [...groups.values()];
}
