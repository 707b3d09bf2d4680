import { and, asc, eq, ilike, inArray, or, sql } from "drizzle-orm";
import type { Db } from "../../platform/db/connect.js";
import { sisCalendars, sisEnrollments, sisPeople, sisStaffAssignments } from "../../platform/db/schema/sis.js";
import { inDistrict, type DistrictScope } from "../../platform/db/tenancy.js";
import type { CalendarRow } from "./calendar-access.js";

export type PersonRow = typeof sisPeople.$inferSelect;

export async function findPerson(db: Db, scope: DistrictScope, personId: string): Promise<PersonRow | undefined> {
  const [row] = await db.select().from(sisPeople).where(inDistrict(sisPeople, scope, eq(sisPeople.id, personId)));
  return row;
}

const calendarColumns = { id: sisCalendars.id, schoolName: sisCalendars.schoolName, yearName: sisCalendars.yearName, name: sisCalendars.name };

/** The calendars that tie a person to the district: a student's enrollments, a staff member's assignments. */
export async function personCalendars(db: Db, scope: DistrictScope, personId: string): Promise<CalendarRow[]> {
  const enrolled = await db
    .selectDistinct(calendarColumns)
    .from(sisEnrollments)
    .innerJoin(sisCalendars, eq(sisCalendars.id, sisEnrollments.calendarId))
    .where(inDistrict(sisEnrollments, scope, eq(sisEnrollments.personId, personId)));
  const assigned = await db
    .selectDistinct(calendarColumns)
    .from(sisStaffAssignments)
    .innerJoin(sisCalendars, eq(sisCalendars.id, sisStaffAssignments.calendarId))
    .where(inDistrict(sisStaffAssignments, scope, eq(sisStaffAssignments.personId, personId)));
  const byId = new Map([...enrolled, ...assigned].map((c) => [c.id, c]));
  return [...byId.values()];
}

/** Students enrolled in any of `calendarIds`, optionally by name or student number. */
export async function searchStudents(db: Db, scope: DistrictScope, input: { text?: string; calendarIds: string[]; limit: number }) {
  if (input.calendarIds.length === 0) return [];
  const words = (input.text ?? "").trim().split(/[\s,]+/).filter(Boolean).slice(0, 3);
  const nameConditions = words.map((w) => {
    const like = `${w.replace(/[\\%_]/g, (m) => `\\${m}`)}%`;
    return or(ilike(sisPeople.lastName, like), ilike(sisPeople.firstName, like), eq(sisPeople.localId, w));
  });
  const enrolledInAllowed = inArray(
    sisPeople.id,
    db.select({ id: sisEnrollments.personId }).from(sisEnrollments).where(inDistrict(sisEnrollments, scope, inArray(sisEnrollments.calendarId, input.calendarIds))),
  );
  return db
    .select({
      id: sisPeople.id,
      localId: sisPeople.localId,
      firstName: sisPeople.firstName,
      lastName: sisPeople.lastName,
      birthDate: sisPeople.birthDate,
      gender: sisPeople.gender,
    })
    .from(sisPeople)
    .where(inDistrict(sisPeople, scope, eq(sisPeople.kind, "student"), enrolledInAllowed, ...nameConditions))
    .orderBy(asc(sisPeople.lastName), asc(sisPeople.firstName), asc(sisPeople.id))
    .limit(input.limit);
}

export type DemographicsChange = Partial<Pick<PersonRow, "firstName" | "middleName" | "lastName" | "birthDate" | "gender" | "raceEthnicity" | "homeLanguage">>;

export async function updatePerson(db: Db, scope: DistrictScope, personId: string, version: number, change: DemographicsChange & { ssn?: string | null }) {
  const [row] = await db
    .update(sisPeople)
    .set({ ...change, version: sql`${sisPeople.version} + 1` })
    .where(inDistrict(sisPeople, scope, and(eq(sisPeople.id, personId), eq(sisPeople.version, version))))
    .returning();
  return row;
}
