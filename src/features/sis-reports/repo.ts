import { and, asc, eq, inArray, sql } from "drizzle-orm";
import type { Db } from "../../platform/db/connect.js";
import { sisAttendance, sisBehaviorEvents, sisCalendars, sisEnrollments, sisPeople } from "../../platform/db/schema/sis.js";
import { inDistrict, type DistrictScope } from "../../platform/db/tenancy.js";
import type { ReportCell } from "./report-definitions.js";

export async function enrollmentSummaryRows(db: Db, scope: DistrictScope, calendarIds: string[]): Promise<ReportCell[][]> {
  if (calendarIds.length === 0) return [];
  const rows = await db
    .select({
      school: sisCalendars.schoolName,
      year: sisCalendars.yearName,
      calendar: sisCalendars.name,
      grade: sisEnrollments.grade,
      active: sql<number>`cast(count(*) filter (where ${sisEnrollments.endDate} is null) as int)`,
      ended: sql<number>`cast(count(*) filter (where ${sisEnrollments.endDate} is not null) as int)`,
    })
    .from(sisEnrollments)
    .innerJoin(sisCalendars, eq(sisCalendars.id, sisEnrollments.calendarId))
    .where(inDistrict(sisEnrollments, scope, inArray(sisEnrollments.calendarId, calendarIds)))
    .groupBy(sisCalendars.schoolName, sisCalendars.yearName, sisCalendars.name, sisEnrollments.grade)
    .orderBy(asc(sisCalendars.yearName), asc(sisCalendars.schoolName), asc(sisCalendars.name), asc(sisEnrollments.grade));
  return rows.map((r) => [r.school, r.year, r.calendar, r.grade, Number(r.active), Number(r.ended)]);
}

export async function enrollmentStatusRows(db: Db, scope: DistrictScope, calendarIds: string[]): Promise<ReportCell[][]> {
  if (calendarIds.length === 0) return [];
  const rows = await db
    .select({
      localId: sisPeople.localId,
      lastName: sisPeople.lastName,
      firstName: sisPeople.firstName,
      school: sisCalendars.schoolName,
      calendar: sisCalendars.name,
      grade: sisEnrollments.grade,
      startDate: sisEnrollments.startDate,
      startStatus: sisEnrollments.startStatus,
      endDate: sisEnrollments.endDate,
      endStatus: sisEnrollments.endStatus,
    })
    .from(sisEnrollments)
    .innerJoin(sisCalendars, eq(sisCalendars.id, sisEnrollments.calendarId))
    .innerJoin(sisPeople, and(eq(sisPeople.id, sisEnrollments.personId), eq(sisPeople.districtId, sisEnrollments.districtId)))
    .where(inDistrict(sisEnrollments, scope, inArray(sisEnrollments.calendarId, calendarIds)))
    .orderBy(asc(sisPeople.lastName), asc(sisPeople.firstName), asc(sisEnrollments.startDate));
  return rows.map((r) => [r.localId, r.lastName, r.firstName, r.school, r.calendar, r.grade, r.startDate, r.startStatus, r.endDate, r.endStatus]);
}

const countWhere = (condition: ReturnType<typeof sql>) => sql<number>`cast(count(*) filter (where ${condition}) as int)`;

export async function attendanceRows(db: Db, scope: DistrictScope, calendarIds: string[]): Promise<ReportCell[][]> {
  if (calendarIds.length === 0) return [];
  const a = sisAttendance;
  const rows = await db
    .select({
      localId: sisPeople.localId,
      lastName: sisPeople.lastName,
      firstName: sisPeople.firstName,
      school: sisCalendars.schoolName,
      calendar: sisCalendars.name,
      excused: countWhere(sql`${a.status} = 'absent' and ${a.excuse} = 'excused'`),
      unexcused: countWhere(sql`${a.status} = 'absent' and ${a.excuse} = 'unexcused'`),
      tardy: countWhere(sql`${a.status} = 'tardy'`),
      exempt: countWhere(sql`${a.excuse} = 'exempt'`),
    })
    .from(a)
    .innerJoin(sisCalendars, eq(sisCalendars.id, a.calendarId))
    .innerJoin(sisPeople, and(eq(sisPeople.id, a.personId), eq(sisPeople.districtId, a.districtId)))
    .where(inDistrict(a, scope, inArray(a.calendarId, calendarIds)))
    .groupBy(sisPeople.localId, sisPeople.lastName, sisPeople.firstName, sisCalendars.schoolName, sisCalendars.name)
    .orderBy(asc(sisPeople.lastName), asc(sisPeople.firstName), asc(sisCalendars.name));
  return rows.map((r) => [r.localId, r.lastName, r.firstName, r.school, r.calendar, Number(r.excused), Number(r.unexcused), Number(r.tardy), Number(r.exempt)]);
}

export async function behaviorRows(db: Db, scope: DistrictScope, calendarIds: string[]): Promise<ReportCell[][]> {
  if (calendarIds.length === 0) return [];
  const b = sisBehaviorEvents;
  const rows = await db
    .select({
      school: sisCalendars.schoolName,
      calendar: sisCalendars.name,
      eventType: b.eventType,
      events: sql<number>`cast(count(*) as int)`,
      students: sql<number>`cast(count(distinct ${b.personId}) as int)`,
    })
    .from(b)
    .innerJoin(sisCalendars, eq(sisCalendars.id, b.calendarId))
    .where(inDistrict(b, scope, inArray(b.calendarId, calendarIds)))
    .groupBy(sisCalendars.schoolName, sisCalendars.name, b.eventType)
    .orderBy(asc(sisCalendars.schoolName), asc(sisCalendars.name), asc(b.eventType));
  return rows.map((r) => [r.school, r.calendar, r.eventType, Number(r.events), Number(r.students)]);
}
