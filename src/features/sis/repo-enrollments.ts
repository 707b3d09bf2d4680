import { desc, eq, sql } from "drizzle-orm";
import type { Db } from "../../platform/db/connect.js";
import { sisCalendars, sisEnrollmentHistory, sisEnrollments } from "../../platform/db/schema/sis.js";
import { inDistrict, type DistrictScope } from "../../platform/db/tenancy.js";
import type { FieldDef } from "./field-catalog.js";
import { queryRows } from "./query-rows.js";

const enrollmentColumns = {
  id: sisEnrollments.id,
  personId: sisEnrollments.personId,
  version: sisEnrollments.version,
  grade: sisEnrollments.grade,
  startDate: sisEnrollments.startDate,
  endDate: sisEnrollments.endDate,
  serviceType: sisEnrollments.serviceType,
  calendar: { id: sisCalendars.id, schoolName: sisCalendars.schoolName, yearName: sisCalendars.yearName, name: sisCalendars.name },
};

export async function findEnrollment(db: Db, scope: DistrictScope, enrollmentId: string) {
  const [row] = await db
    .select(enrollmentColumns)
    .from(sisEnrollments)
    .innerJoin(sisCalendars, eq(sisCalendars.id, sisEnrollments.calendarId))
    .where(inDistrict(sisEnrollments, scope, eq(sisEnrollments.id, enrollmentId)));
  return row;
}
export type EnrollmentRow = NonNullable<Awaited<ReturnType<typeof findEnrollment>>>;

/** Reads catalog fields of one enrollment with the very expressions Ad hoc uses. */
export async function readEnrollmentFields(db: Db, scope: DistrictScope, enrollmentId: string, fields: FieldDef[]): Promise<unknown[]> {
  if (fields.length === 0) return [];
  const outputs = fields.map((f, i) => sql`${sql.raw(f.type === "date" ? `(${f.expr})::text` : f.expr)} as ${sql.raw(`f${i}`)}`);
  const [row] = await queryRows(db, sql`select ${sql.join(outputs, sql`, `)}
    from sis_enrollments e join sis_people p on p.id = e.person_id join sis_calendars c on c.id = e.calendar_id
    where e.id = ${enrollmentId}::uuid and e.district_id = ${scope.districtId}::uuid`);
  return fields.map((_, i) => row?.[`f${i}`] ?? null);
}

export type EnrollmentChange = Partial<Omit<typeof sisEnrollments.$inferInsert, "id" | "districtId" | "personId" | "calendarId" | "version">>;

/** Compare-and-set on version; each changed column also lands in Enrollment History. */
export async function updateEnrollment(
  db: Db,
  scope: DistrictScope,
  enrollmentId: string,
  version: number,
  change: EnrollmentChange,
  history: { field: string; oldValue: string | null; newValue: string | null }[],
  changedBy: string,
) {
  const [row] = await db
    .update(sisEnrollments)
    .set({ ...change, version: sql`${sisEnrollments.version} + 1` })
    .where(inDistrict(sisEnrollments, scope, eq(sisEnrollments.id, enrollmentId), eq(sisEnrollments.version, version)))
    .returning({ id: sisEnrollments.id, version: sisEnrollments.version });
  if (row && history.length) {
    await db.insert(sisEnrollmentHistory).values(
      history.map((h) => ({ districtId: scope.districtId, enrollmentId, changedAt: new Date(), changedBy, ...h })),
    );
  }
  return row;
}

export async function listHistory(db: Db, scope: DistrictScope, enrollmentId: string) {
  return db
    .select({
      id: sisEnrollmentHistory.id,
      changedAt: sisEnrollmentHistory.changedAt,
      field: sisEnrollmentHistory.field,
      oldValue: sisEnrollmentHistory.oldValue,
      newValue: sisEnrollmentHistory.newValue,
      changedBy: sisEnrollmentHistory.changedBy,
    })
    .from(sisEnrollmentHistory)
    .where(inDistrict(sisEnrollmentHistory, scope, eq(sisEnrollmentHistory.enrollmentId, enrollmentId)))
    .orderBy(desc(sisEnrollmentHistory.changedAt));
}
