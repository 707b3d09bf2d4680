/**
 * The reviews' data: the engine's district model as the rights feature loads it (so reviews see
 * exactly what enforcement sees), plus the names and member limits the engine does not carry.
 */
import { eq, sql } from "drizzle-orm";
import type { DistrictModel } from "../../domain/rights/model.js";
import type { Db } from "../../platform/db/connect.js";
import { userGroups } from "../../platform/db/schema/rights.js";
import { sisCalendars, sisEnrollments, sisPeople, sisStaffAssignments } from "../../platform/db/schema/sis.js";
import { users } from "../../platform/db/schema/users.js";
import { inDistrict, type DistrictScope } from "../../platform/db/tenancy.js";
import { loadDistrictModel } from "../rights/repo-model.js";
import { readMasterSchedulingEnds } from "../rights/rights-version.js";
import type { PopulationCalendar, ReviewGroup, ReviewUser } from "./review-source.js";

export type DistrictSnapshot = { model: DistrictModel; groups: ReviewGroup[]; users: ReviewUser[]; masterSchedulingEnd: Date | null; ssnPopulation: PopulationCalendar[] };

/** Read in one transaction so every part of a report describes the same moment. */
export async function loadDistrictSnapshot(db: Db, scope: DistrictScope): Promise<DistrictSnapshot> {
  return db.transaction(async (tx) => {
    const model = await loadDistrictModel(tx, scope);
    const groups = await tx
      .select({ id: userGroups.id, name: userGroups.name, memberLimit: userGroups.memberLimit })
      .from(userGroups)
      .where(inDistrict(userGroups, scope));
    const people = await tx
      .select({ id: users.id, username: users.username, displayName: users.displayName })
      .from(users)
      .where(inDistrict(users as never, scope, eq(users.kind, "district")));
    return { model, groups, users: people, masterSchedulingEnd: await readMasterSchedulingEnds(tx, scope), ssnPopulation: await loadPopulation(tx, scope) };
  });
}

/** Per calendar, how many students are enrolled and how many staff are assigned (staff through their school assignment). */
async function loadPopulation(db: Db, scope: DistrictScope): Promise<PopulationCalendar[]> {
  const calendars = await db
    .select({ id: sisCalendars.id, school: sisCalendars.schoolName, year: sisCalendars.yearName, calendar: sisCalendars.name })
    .from(sisCalendars)
    .where(inDistrict(sisCalendars, scope));
  const students = await db
    .select({ calendarId: sisEnrollments.calendarId, n: sql<number>`count(distinct ${sisEnrollments.personId})`.mapWith(Number) })
    .from(sisEnrollments)
    .innerJoin(sisPeople, eq(sisPeople.id, sisEnrollments.personId))
    .where(inDistrict(sisEnrollments, scope, eq(sisPeople.kind, "student")))
    .groupBy(sisEnrollments.calendarId);
  const staff = await db
    .select({ calendarId: sisStaffAssignments.calendarId, n: sql<number>`count(distinct ${sisStaffAssignments.personId})`.mapWith(Number) })
    .from(sisStaffAssignments)
    .where(inDistrict(sisStaffAssignments, scope))
    .groupBy(sisStaffAssignments.calendarId);
  const count = (rows: { calendarId: string; n: number }[]) => new Map(rows.map((r) => [r.calendarId, r.n]));
  const [studentsIn, staffIn] = [count(students), count(staff)];
  return calendars
    .map(({ id, ...c }) => ({ ...c, students: studentsIn.get(id) ?? 0, staff: staffIn.get(id) ?? 0 }))
    .filter((c) => c.students > 0 || c.staff > 0);
}
