import type { Db } from "../../src/platform/db/connect.js";
import { userGroupMembers, userGroups } from "../../src/platform/db/schema/rights.js";
import {
  sisAttendance,
  sisBehaviorEvents,
  sisCalendars,
  sisEnglishLearners,
  sisEnrollmentHistory,
  sisEnrollments,
  sisFramEligibility,
  sisGrades,
  sisHealthConditions,
  sisPeople,
  sisSchoolYears,
  sisSchools,
  sisStaffAssignments,
} from "../../src/platform/db/schema/sis.js";

export const BALLARD = { school: "Ballard High", year: "2025-26", calendar: "25-26 Ballard High" };
export const LINCOLN = { school: "Lincoln Elementary", year: "2025-26", calendar: "25-26 Lincoln Elementary" };

/** The values each fixture student has in every federally protected field, so tests can look for them. */
export const SECRETS = {
  ava: { ward: true, homeless: "Shelter", migrant: true, hours: 120, percent: 80, el: "EL", health: "Asthma", fram: "Free", history: "Grade", ssn: "123456789" },
  ben: { ward: true, homeless: "Doubled-up", migrant: true, hours: 45, percent: 60, el: "EL", health: "Peanut allergy", fram: "Reduced", history: "Grade", ssn: "987654321" },
};

/** A two-school district: Ava at Ballard High, Ben at Lincoln Elementary, Sam on Ballard's staff. */
export async function buildSisDistrict(db: Db, districtId: string) {
  const [ballardSchool, lincolnSchool] = await db
    .insert(sisSchools)
    .values([{ districtId, name: BALLARD.school, level: "high" }, { districtId, name: LINCOLN.school, level: "elementary" }])
    .returning();
  const [year] = await db.insert(sisSchoolYears).values({ districtId, name: "2025-26", startDate: "2025-08-25", endDate: "2026-06-12" }).returning();
  const [ballard, lincoln] = await db
    .insert(sisCalendars)
    .values([
      { districtId, schoolId: ballardSchool!.id, yearId: year!.id, schoolName: BALLARD.school, yearName: BALLARD.year, name: BALLARD.calendar },
      { districtId, schoolId: lincolnSchool!.id, yearId: year!.id, schoolName: LINCOLN.school, yearName: LINCOLN.year, name: LINCOLN.calendar },
    ])
    .returning();
  const [ava, ben, sam] = await db
    .insert(sisPeople)
    .values([
      { districtId, kind: "student", localId: "S1001", firstName: "Ava", lastName: "Anders", birthDate: "2009-04-02", gender: "F", raceEthnicity: "White", homeLanguage: "English", ssn: SECRETS.ava.ssn },
      { districtId, kind: "student", localId: "S2002", firstName: "Ben", lastName: "Brooks", birthDate: "2016-09-14", gender: "M", raceEthnicity: "Hispanic/Latino", homeLanguage: "Spanish", ssn: SECRETS.ben.ssn },
      { districtId, kind: "staff", localId: "T9001", firstName: "Sam", lastName: "Staff", birthDate: "1980-01-01", gender: "X", ssn: "555667777" },
    ])
    .returning();
  await db.insert(sisStaffAssignments).values({ districtId, personId: sam!.id, calendarId: ballard!.id, title: "Teacher" });
  const [avaEnrollment, benEnrollment] = await db
    .insert(sisEnrollments)
    .values([
      { districtId, personId: ava!.id, calendarId: ballard!.id, grade: "10", startDate: "2025-08-25", wardOfState: true, homeless: SECRETS.ava.homeless, migrant: true, serviceHours: "120", serviceHoursPercent: "80" },
      { districtId, personId: ben!.id, calendarId: lincoln!.id, grade: "03", startDate: "2025-08-25", wardOfState: true, homeless: SECRETS.ben.homeless, migrant: true, serviceHours: "45", serviceHoursPercent: "60" },
    ])
    .returning();
  await db.insert(sisEnrollmentHistory).values([
    { districtId, enrollmentId: avaEnrollment!.id, changedAt: new Date("2025-09-02T15:00:00Z"), field: "Grade", oldValue: "09", newValue: "10", changedBy: "registrar" },
    { districtId, enrollmentId: benEnrollment!.id, changedAt: new Date("2025-09-03T15:00:00Z"), field: "Grade", oldValue: "02", newValue: "03", changedBy: "registrar" },
  ]);
  await db.insert(sisEnglishLearners).values([
    { districtId, personId: ava!.id, status: "EL", identifiedDate: "2021-09-01", proficiencyLevel: 3, programType: "Sheltered English" },
    { districtId, personId: ben!.id, status: "EL", identifiedDate: "2022-09-01", proficiencyLevel: 2, programType: "Dual language" },
  ]);
  await db.insert(sisHealthConditions).values([
    { districtId, personId: ava!.id, condition: SECRETS.ava.health, startDate: "2015-05-01", instructions: "Inhaler in nurse's office" },
    { districtId, personId: ben!.id, condition: SECRETS.ben.health, startDate: "2018-02-01", instructions: "EpiPen" },
  ]);
  await db.insert(sisFramEligibility).values([
    { districtId, personId: ava!.id, yearId: year!.id, eligibility: "Free", source: "Direct certification", startDate: "2025-08-01" },
    { districtId, personId: ben!.id, yearId: year!.id, eligibility: "Reduced", source: "Application", startDate: "2025-08-01" },
  ]);
  await db.insert(sisAttendance).values([
    { districtId, personId: ava!.id, calendarId: ballard!.id, date: "2025-10-01", status: "absent", excuse: "excused" },
    { districtId, personId: ben!.id, calendarId: lincoln!.id, date: "2025-10-02", status: "tardy", excuse: "unexcused" },
  ]);
  await db.insert(sisBehaviorEvents).values([
    { districtId, personId: ava!.id, calendarId: ballard!.id, eventDate: "2025-10-05", eventType: "Tardiness", resolution: "Warning" },
  ]);
  await db.insert(sisGrades).values([
    { districtId, personId: ava!.id, calendarId: ballard!.id, course: "English 10", term: "Q1", score: "91.5", letter: "A-" },
  ]);
  return { ballard: ballard!, lincoln: lincoln!, ava: ava!, ben: ben!, sam: sam!, avaEnrollment: avaEnrollment!, benEnrollment: benEnrollment! };
}

/** A user group with members, for sharing filters (the rights feature's tables). */
export async function buildGroup(db: Db, districtId: string, name: string, memberIds: string[]): Promise<string> {
  const [group] = await db.insert(userGroups).values({ districtId, name }).returning();
  if (memberIds.length) await db.insert(userGroupMembers).values(memberIds.map((userId) => ({ districtId, groupId: group!.id, userId })));
  return group!.id;
}
