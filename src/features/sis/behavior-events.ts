import { recordScreenRead } from "./record-access.js";
import { recordAudit } from "../../platform/audit.js";
import type { Db } from "../../platform/db/connect.js";
import type { DistrictActor } from "../../platform/http/actor.js";
import { AppError, notFound } from "../../platform/http/errors.js";
import { actionsFor, bestLevel, calendarIdsWith, listCalendars } from "./calendar-access.js";
import { TOOLS } from "./field-catalog.js";
import { checkVersion, requirePersonAccess, requireRight } from "./person-access.js";
import { deleteBehaviorEvent, findBehaviorEvent, insertBehaviorEvent, listBehavior, updateBehaviorEvent, type BehaviorValues } from "./repo-records.js";

const TOOL = TOOLS.behavior;
export const ALL_CALENDARS_TOOL = TOOLS.behaviorAllCalendars;

/**
 * Which calendars' events the user reads, and the sentence explain shows. The seed's
 * `Behavior > All Calendars` row: R there (not capped by calendar rights, since its whole point
 * is to reach past them) shows the student's events of every calendar of the district, read-only
 * wherever the user's own calendar rights do not reach.
 */
export function behaviorScope(actor: DistrictActor) {
  const allCalendars = actor.rights.has(ALL_CALENDARS_TOOL, "R");
  return {
    allCalendars,
    explanation: allCalendars
      ? `R on ${ALL_CALENDARS_TOOL} applied: events from every calendar of the district are shown, read-only outside the calendars your calendar rights reach.`
      : `Without R on ${ALL_CALENDARS_TOOL}, only events in calendars your calendar rights let you read are shown.`,
  };
}

export async function getBehavior(db: Db, actor: DistrictActor, personId: string) {
  const { person, calendars, actions } = await requirePersonAccess(db, actor, personId, TOOL, "student");
  const scope = behaviorScope(actor);
  const district = scope.allCalendars ? await listCalendars(db, actor) : calendars;
  const allowed = scope.allCalendars ? district.map((c) => c.id) : calendarIdsWith(actor.rights, [TOOL], calendars);
  const events = await listBehavior(db, actor, personId, allowed);
  const byCalendar = new Map(district.map((c) => [c.id, c]));
  await recordScreenRead(db, actor, person.id, TOOL);
  return {
    personId: person.id,
    name: `${person.lastName}, ${person.firstName}`,
    scope,
    events: events.map((e) => ({ ...e, actions: actionsFor(bestLevel(actor.rights, TOOL, [byCalendar.get(e.calendarId)!])) })),
    /** calendars a new event may be filed in (A there) */
    calendars: calendars.filter((c) => bestLevel(actor.rights, TOOL, [c]).includes("A")),
    actions,
  };
}

export async function addBehaviorEvent(
  db: Db,
  actor: DistrictActor,
  personId: string,
  input: { calendarId: string; eventDate: string; eventType: string; resolution: string | null; details: string | null },
) {
  const { calendars } = await requirePersonAccess(db, actor, personId, TOOL, "student");
  const calendar = calendars.find((c) => c.id === input.calendarId);
  if (!calendar) throw new AppError(400, "calendar-not-enrolled", "The student is not enrolled in that calendar.", { path: "body.calendarId" });
  requireRight(bestLevel(actor.rights, TOOL, [calendar]), "A", TOOL);
  return db.transaction(async (tx) => {
    const row = await insertBehaviorEvent(tx, actor, { personId, ...input });
    await recordAudit(tx, {
      districtId: actor.districtId,
      actor: { id: actor.userId, name: actor.username },
      action: "sis.behavior-event-added",
      target: { type: "behavior-event", id: row.id, name: row.eventType },
      after: { eventDate: row.eventDate, eventType: row.eventType, calendar: calendar.name },
    });
    return row;
  });
}

/** The event and the user's level in its calendar; an event they cannot read is not there (404). */
async function openBehaviorEvent(db: Db, actor: DistrictActor, eventId: string) {
  const row = await findBehaviorEvent(db, actor, eventId);
  if (!row) throw notFound("The behavior event");
  const { calendars } = await requirePersonAccess(db, actor, row.personId, TOOL, "student");
  const calendar = calendars.find((c) => c.id === row.calendarId);
  const level = calendar ? bestLevel(actor.rights, TOOL, [calendar]) : "";
  if (!level.includes("R")) throw notFound("The behavior event");
  return { row, level };
}

/** W in the event's calendar changes what happened and how it was resolved (its calendar stays). */
export async function changeBehaviorEvent(db: Db, actor: DistrictActor, eventId: string, input: BehaviorValues & { version: number }) {
  const { row, level } = await openBehaviorEvent(db, actor, eventId);
  requireRight(level, "W", TOOL);
  const { version, ...values } = input;
  return db.transaction(async (tx) => {
    const saved = checkVersion(await updateBehaviorEvent(tx, actor, eventId, version, values), { version: (await findBehaviorEvent(tx, actor, eventId))?.version });
    await recordAudit(tx, {
      districtId: actor.districtId,
      actor: { id: actor.userId, name: actor.username },
      action: "sis.behavior-event-changed",
      target: { type: "behavior-event", id: row.id, name: saved.eventType },
      before: { eventDate: row.eventDate, eventType: row.eventType, resolution: row.resolution },
      after: { eventDate: saved.eventDate, eventType: saved.eventType, resolution: saved.resolution, version: saved.version },
    });
    return { id: saved.id, version: saved.version };
  });
}

export async function removeBehaviorEvent(db: Db, actor: DistrictActor, eventId: string) {
  const { row, level } = await openBehaviorEvent(db, actor, eventId);
  requireRight(level, "D", TOOL);
  await db.transaction(async (tx) => {
    await deleteBehaviorEvent(tx, actor, eventId);
    await recordAudit(tx, {
      districtId: actor.districtId,
      actor: { id: actor.userId, name: actor.username },
      action: "sis.behavior-event-deleted",
      target: { type: "behavior-event", id: row.id, name: row.eventType },
      before: { eventDate: row.eventDate, eventType: row.eventType, resolution: row.resolution },
    });
  });
}
