import { and, asc, desc, eq, inArray, sql } from "drizzle-orm";
import type { Db } from "../../platform/db/connect.js";
import {
  sisAttendance,
  sisBehaviorEvents,
  sisCalendars,
  sisEnglishLearners,
  sisFramEligibility,
  sisGrades,
  sisHealthConditions,
  sisSchoolYears,
} from "../../platform/db/schema/sis.js";
import { inDistrict, type DistrictScope } from "../../platform/db/tenancy.js";

const calendarName = { calendar: sisCalendars.name, school: sisCalendars.schoolName, year: sisCalendars.yearName };

export async function listAttendance(db: Db, scope: DistrictScope, personId: string, calendarIds: string[]) {
  if (!calendarIds.length) return [];
  return db
    .select({ id: sisAttendance.id, date: sisAttendance.date, status: sisAttendance.status, excuse: sisAttendance.excuse, comments: sisAttendance.comments, ...calendarName })
    .from(sisAttendance)
    .innerJoin(sisCalendars, eq(sisCalendars.id, sisAttendance.calendarId))
    .where(inDistrict(sisAttendance, scope, eq(sisAttendance.personId, personId), inArray(sisAttendance.calendarId, calendarIds)))
    .orderBy(desc(sisAttendance.date));
}

export async function listBehavior(db: Db, scope: DistrictScope, personId: string, calendarIds: string[]) {
  if (!calendarIds.length) return [];
  return db
    .select({
      id: sisBehaviorEvents.id,
      calendarId: sisBehaviorEvents.calendarId,
      eventDate: sisBehaviorEvents.eventDate,
      eventType: sisBehaviorEvents.eventType,
      resolution: sisBehaviorEvents.resolution,
      details: sisBehaviorEvents.details,
      version: sisBehaviorEvents.version,
      ...calendarName,
    })
    .from(sisBehaviorEvents)
    .innerJoin(sisCalendars, eq(sisCalendars.id, sisBehaviorEvents.calendarId))
    .where(inDistrict(sisBehaviorEvents, scope, eq(sisBehaviorEvents.personId, personId), inArray(sisBehaviorEvents.calendarId, calendarIds)))
    .orderBy(desc(sisBehaviorEvents.eventDate));
}

export async function findBehaviorEvent(db: Db, scope: DistrictScope, eventId: string) {
  const [row] = await db.select().from(sisBehaviorEvents).where(inDistrict(sisBehaviorEvents, scope, eq(sisBehaviorEvents.id, eventId)));
  return row;
}

export async function insertBehaviorEvent(db: Db, scope: DistrictScope, values: { personId: string; calendarId: string; eventDate: string; eventType: string; resolution: string | null; details: string | null }) {
  const [row] = await db.insert(sisBehaviorEvents).values({ districtId: scope.districtId, ...values }).returning();
  return row!;
}

export type BehaviorValues = { eventDate: string; eventType: string; resolution: string | null; details: string | null };

/** Compare-and-set on version: undefined when someone changed the event first. */
export async function updateBehaviorEvent(db: Db, scope: DistrictScope, eventId: string, version: number, values: BehaviorValues) {
  const [row] = await db
    .update(sisBehaviorEvents)
    .set({ ...values, version: sql`${sisBehaviorEvents.version} + 1` })
    .where(inDistrict(sisBehaviorEvents, scope, and(eq(sisBehaviorEvents.id, eventId), eq(sisBehaviorEvents.version, version))))
    .returning();
  return row;
}

export async function deleteBehaviorEvent(db: Db, scope: DistrictScope, eventId: string) {
  await db.delete(sisBehaviorEvents).where(inDistrict(sisBehaviorEvents, scope, eq(sisBehaviorEvents.id, eventId)));
}

export async function listGrades(db: Db, scope: DistrictScope, personId: string, calendarIds: string[]) {
  if (!calendarIds.length) return [];
  return db
    .select({ id: sisGrades.id, course: sisGrades.course, term: sisGrades.term, score: sql<number>`${sisGrades.score}::float8`, letter: sisGrades.letter, ...calendarName })
    .from(sisGrades)
    .innerJoin(sisCalendars, eq(sisCalendars.id, sisGrades.calendarId))
    .where(inDistrict(sisGrades, scope, eq(sisGrades.personId, personId), inArray(sisGrades.calendarId, calendarIds)))
    .orderBy(asc(sisGrades.term), asc(sisGrades.course));
}

export async function listHealthConditions(db: Db, scope: DistrictScope, personId: string) {
  return db
    .select()
    .from(sisHealthConditions)
    .where(inDistrict(sisHealthConditions, scope, eq(sisHealthConditions.personId, personId)))
    .orderBy(desc(sisHealthConditions.startDate));
}

export type ConditionValues = { condition: string; startDate: string; endDate: string | null; instructions: string | null };

export async function insertHealthCondition(db: Db, scope: DistrictScope, personId: string, values: ConditionValues) {
  const [row] = await db.insert(sisHealthConditions).values({ districtId: scope.districtId, personId, ...values }).returning();
  return row!;
}

export async function updateHealthCondition(db: Db, scope: DistrictScope, id: string, version: number, values: ConditionValues) {
  const [row] = await db
    .update(sisHealthConditions)
    .set({ ...values, version: sql`${sisHealthConditions.version} + 1` })
    .where(inDistrict(sisHealthConditions, scope, and(eq(sisHealthConditions.id, id), eq(sisHealthConditions.version, version))))
    .returning();
  return row;
}

export async function findHealthCondition(db: Db, scope: DistrictScope, id: string) {
  const [row] = await db.select().from(sisHealthConditions).where(inDistrict(sisHealthConditions, scope, eq(sisHealthConditions.id, id)));
  return row;
}

export async function deleteHealthCondition(db: Db, scope: DistrictScope, id: string) {
  await db.delete(sisHealthConditions).where(inDistrict(sisHealthConditions, scope, eq(sisHealthConditions.id, id)));
}

export async function listEnglishLearner(db: Db, scope: DistrictScope, personId: string) {
  return db
    .select()
    .from(sisEnglishLearners)
    .where(inDistrict(sisEnglishLearners, scope, eq(sisEnglishLearners.personId, personId)))
    .orderBy(desc(sisEnglishLearners.identifiedDate));
}

export async function listFram(db: Db, scope: DistrictScope, personId: string) {
  return db
    .select({ id: sisFramEligibility.id, year: sisSchoolYears.name, eligibility: sisFramEligibility.eligibility, source: sisFramEligibility.source, startDate: sisFramEligibility.startDate })
    .from(sisFramEligibility)
    .innerJoin(sisSchoolYears, eq(sisSchoolYears.id, sisFramEligibility.yearId))
    .where(inDistrict(sisFramEligibility, scope, eq(sisFramEligibility.personId, personId)))
    .orderBy(desc(sisSchoolYears.name));
}
