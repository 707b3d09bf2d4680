import { and, asc, eq, inArray, sql } from "drizzle-orm";
import type { Db } from "../../platform/db/connect.js";
import { sisCalendars, sisEnrollments, sisPeople } from "../../platform/db/schema/sis.js";
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
