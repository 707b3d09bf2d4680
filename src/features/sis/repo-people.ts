import { and, asc, eq, ilike, inArray, or, sql } from "drizzle-orm";
import type { Db } from "../../platform/db/connect.js";
import { sisEnrollments, sisPeople } from "../../platform/db/schema/sis.js";
import { inDistrict, type DistrictScope } from "../../platform/db/tenancy.js";
import { prepared } from "../../platform/db/prepared.js";
import { countAll, keyset, toPage, type PageQuery, type SortKey } from "../../platform/http/paging.js";
import type { CalendarRow } from "./calendar-access.js";
import type { EnrollmentRow } from "./repo-enrollments.js";

export type PersonRow = typeof sisPeople.$inferSelect;

export async function findPerson(db: Db, scope: DistrictScope, personId: string): Promise<PersonRow | undefined> {
  const [row] = await db.select().from(sisPeople).where(inDistrict(sisPeople, scope, eq(sisPeople.id, personId)));
  return row;
}

export type PersonWithCalendars = { person: PersonRow; calendars: CalendarRow[]; enrollments: EnrollmentRow[] };

/**
 * The person, the calendars that tie them to the district (a student's enrollments, a staff
 * member's assignments) and their enrollments, in one prepared statement: the guarded read of
 * every student screen starts here, so it is one round trip, not four.
 */
export async function findPersonWithCalendars(db: Db, scope: DistrictScope, personId: string): Promise<PersonWithCalendars | undefined> {
  const [row] = await prepared(db, "gh_person_with_calendars", preparePersonWithCalendars).execute({ districtId: scope.districtId, personId });
  return row;
}

// node-postgres parses json; Drizzle's PGlite driver hands it over as text
const parseJson = (value: unknown) => (typeof value === "string" ? JSON.parse(value) : value);

function preparePersonWithCalendars(db: Db) {
  // spelled out: Drizzle leaves columns of a one-table select unqualified, which a subquery would misread
  const calendar = (c: string) => `json_build_object('id', ${c}.id, 'schoolName', ${c}.school_name, 'yearName', ${c}.year_name, 'name', ${c}.name)`;
  const enrollments = sql<EnrollmentRow[]>`(
    select coalesce(json_agg(json_build_object('id', e.id, 'personId', e.person_id, 'version', e.version, 'grade', e.grade,
             'startDate', e.start_date, 'endDate', e.end_date, 'serviceType', e.service_type, 'calendar', ${sql.raw(calendar("c"))})
             order by e.start_date desc, c.school_name), '[]'::json)
    from sis_enrollments e join sis_calendars c on c.id = e.calendar_id
    where e.person_id = sis_people.id and e.district_id = sis_people.district_id)`.mapWith(parseJson);
  const calendars = sql<CalendarRow[]>`(
    select coalesce(json_agg(${sql.raw(calendar("c"))} order by c.year_name, c.school_name, c.name), '[]'::json)
    from sis_calendars c
    where c.district_id = sis_people.district_id
      and c.id in (select e.calendar_id from sis_enrollments e where e.person_id = sis_people.id and e.district_id = sis_people.district_id
                   union select a.calendar_id from sis_staff_assignments a where a.person_id = sis_people.id and a.district_id = sis_people.district_id))`
.mapWith(parseJson);
  return db
    .select({ person: sisPeople, calendars, enrollments })
    .from(sisPeople)
    .where(and(eq(sisPeople.districtId, sql.placeholder("districtId")), eq(sisPeople.id, sql.placeholder("personId"))))
    .prepare("gh_person_with_calendars");
}

/** Students enrolled in any of `calendarIds`, optionally by name or student number. */
export const STUDENT_SORTS = ["name", "localId", "birthDate"] as const;
const studentSortKeys: Record<(typeof STUDENT_SORTS)[number], SortKey> = {
  name: { expr: sql`lower(${sisPeople.lastName} || ', ' || ${sisPeople.firstName})`, type: "text" },
  localId: { expr: sisPeople.localId, type: "text" },
  birthDate: { expr: sql`cast(${sisPeople.birthDate} as text)`, type: "text" },
};

/** One page of the students enrolled in the given calendars whose name or number matches, with the total. */
export async function searchStudents(db: Db, scope: DistrictScope, input: { text?: string; calendarIds: string[] } & PageQuery) {
  if (input.calendarIds.length === 0) return { items: [], total: 0, nextCursor: null };
  const words = (input.text ?? "").trim().split(/[\s,]+/).filter(Boolean).slice(0, 3);
  const nameConditions = words.map((w) => {
    const like = `${w.replace(/[\\%_]/g, (m) => `\\${m}`)}%`;
    return or(ilike(sisPeople.lastName, like), ilike(sisPeople.firstName, like), eq(sisPeople.localId, w));
  });
  const enrolledInAllowed = inArray(
    sisPeople.id,
    db.select({ id: sisEnrollments.personId }).from(sisEnrollments).where(inDistrict(sisEnrollments, scope, inArray(sisEnrollments.calendarId, input.calendarIds))),
  );
  const filter = inDistrict(sisPeople, scope, eq(sisPeople.kind, "student"), enrolledInAllowed, ...nameConditions);
  const page = keyset(input, studentSortKeys, { column: sisPeople.id, type: "uuid" });
  const rows = await db
    .select({
      id: sisPeople.id,
      localId: sisPeople.localId,
      firstName: sisPeople.firstName,
      lastName: sisPeople.lastName,
      birthDate: sisPeople.birthDate,
      gender: sisPeople.gender,
      pageKey: page.key,
    })
    .from(sisPeople)
    .where(and(filter, page.after))
    .orderBy(...page.orderBy)
    .limit(page.limit);
  const [counted] = await db.select({ n: countAll }).from(sisPeople).where(filter);
  return toPage(rows, input, counted?.n ?? 0);
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
