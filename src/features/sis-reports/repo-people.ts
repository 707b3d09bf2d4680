import { and, asc, eq, inArray, isNull, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { Db } from "../../platform/db/connect.js";
import { sisCalendars, sisEnrollments, sisPeople, sisStaffAssignments } from "../../platform/db/schema/sis.js";
import { inDistrict, type DistrictScope } from "../../platform/db/tenancy.js";
import { queryRows } from "../sis/query-rows.js";
import type { ReportCell } from "./report-definitions.js";

const counselor = alias(sisPeople, "counselor");
const student = alias(sisPeople, "student");
const a = sisStaffAssignments;
const e = sisEnrollments;
const counselorName = sql<string>`${counselor.lastName} || ', ' || ${counselor.firstName}`;

/**
 * A counselor's students: the staff assigned to a calendar as "Counselor" and the students with an
 * active enrollment in that calendar (Gatehouse holds staff assignments per calendar, no per-student
 * team members). Both ends stay within the calendars the reader's calendar rights reach.
 */
export async function counselorRows(db: Db, scope: DistrictScope, calendarIds: string[]): Promise<ReportCell[][]> {
  if (calendarIds.length === 0) return [];
  const rows = await db
    .select({ counselor: counselorName, school: sisCalendars.schoolName, calendar: sisCalendars.name, localId: student.localId, lastName: student.lastName, firstName: student.firstName, grade: e.grade })
    .from(a)
    .innerJoin(counselor, and(eq(counselor.id, a.personId), eq(counselor.districtId, a.districtId)))
    .innerJoin(sisCalendars, eq(sisCalendars.id, a.calendarId))
    .innerJoin(e, and(eq(e.calendarId, a.calendarId), eq(e.districtId, a.districtId), isNull(e.endDate)))
    .innerJoin(student, and(eq(student.id, e.personId), eq(student.districtId, e.districtId)))
    .where(inDistrict(a, scope, eq(a.title, "Counselor"), inArray(a.calendarId, calendarIds)))
    .orderBy(asc(counselor.lastName), asc(counselor.firstName), asc(sisCalendars.schoolName), asc(sisCalendars.name), asc(e.grade), asc(student.lastName), asc(student.firstName));
  return rows.map((r) => [r.counselor, r.school, r.calendar, r.localId, r.lastName, r.firstName, r.grade]);
}

/** Caseload Summary: the Counselor report's students counted per counselor, calendar and grade. */
export async function caseloadSummaryRows(db: Db, scope: DistrictScope, calendarIds: string[]): Promise<ReportCell[][]> {
  const counts = new Map<string, ReportCell[]>();
  for (const student of await counselorRows(db, scope, calendarIds)) {
    const group = [0, 1, 2, 6].map((i) => student[i] ?? null); // counselor, school, calendar, grade
    const key = JSON.stringify(group);
    const row = counts.get(key) ?? [...group, 0];
    row[4] = Number(row[4]) + 1;
    counts.set(key, row);
  }
  return [...counts.values()];
}

/**
 * Possible duplicate person records: the same last name, first name and birth date under more
 * than one local ID, among the people the reader reaches through calendars (students by their
 * enrollments, staff by their assignments). Matched on those fields only, never on SSN.
 */
export async function duplicateIdRows(db: Db, scope: DistrictScope, calendarIds: string[]): Promise<ReportCell[][]> {
  if (calendarIds.length === 0) return [];
  const calendars = sql.join(calendarIds.map((id) => sql`${id}::uuid`), sql`, `);
  const rows = await queryRows<{ last_name: string; first_name: string; birth_date: string; kinds: string; local_ids: string; records: number }>(db, sql`
    select (array_agg(p.last_name order by p.local_id))[1] as last_name, (array_agg(p.first_name order by p.local_id))[1] as first_name,
           p.birth_date::text as birth_date,
           string_agg(distinct p.kind, ', ' order by p.kind) as kinds,
           string_agg(p.local_id, ', ' order by p.local_id) as local_ids, cast(count(*) as int) as records
    from ${sisPeople} p
    where p.district_id = ${scope.districtId}
      and (exists (select 1 from ${sisEnrollments} e where e.person_id = p.id and e.calendar_id in (${calendars}))
        or exists (select 1 from ${sisStaffAssignments} s where s.person_id = p.id and s.calendar_id in (${calendars})))
    group by lower(p.last_name), lower(p.first_name), p.birth_date
    having count(*) > 1
    order by lower(p.last_name), lower(p.first_name), p.birth_date`);
  return rows.map((r) => [r.last_name, r.first_name, r.birth_date, r.kinds, r.local_ids, Number(r.records)]);
}
