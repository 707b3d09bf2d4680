import { boolean, date, index, integer, numeric, pgTable, text, timestamp, unique, uuid } from "drizzle-orm/pg-core";
import { districts } from "./districts.js";

/**
 * A compact student information system: just enough real data for tool rights, calendar
 * rights and the federally protected fields to guard. Every table carries district_id.
 */
const districtId = () => uuid("district_id").notNull().references(() => districts.id, { onDelete: "cascade" });

export const sisSchools = pgTable(
  "sis_schools",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    districtId: districtId(),
    name: text("name").notNull(),
    level: text("level", { enum: ["elementary", "middle", "high"] }).notNull(),
  },
  (t) => [unique("sis_schools_district_name").on(t.districtId, t.name)],
);

export const sisSchoolYears = pgTable(
  "sis_school_years",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    districtId: districtId(),
    /** e.g. "2025-26" */
    name: text("name").notNull(),
    startDate: date("start_date").notNull(),
    endDate: date("end_date").notNull(),
  },
  (t) => [unique("sis_school_years_district_name").on(t.districtId, t.name)],
);

/**
 * School and year names are copied onto the calendar so a rights CalendarRef
 * ({ school, year, calendar }, matched by name) can be built from one row.
 */
export const sisCalendars = pgTable(
  "sis_calendars",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    districtId: districtId(),
    schoolId: uuid("school_id").notNull().references(() => sisSchools.id, { onDelete: "cascade" }),
    yearId: uuid("year_id").notNull().references(() => sisSchoolYears.id, { onDelete: "cascade" }),
    schoolName: text("school_name").notNull(),
    yearName: text("year_name").notNull(),
    name: text("name").notNull(),
  },
  (t) => [unique("sis_calendars_district_name").on(t.districtId, t.schoolName, t.yearName, t.name)],
);

/** Students and staff. The SSN is stored as digits only; who may see it is decided per request. */
export const sisPeople = pgTable(
  "sis_people",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    districtId: districtId(),
    kind: text("kind", { enum: ["student", "staff"] }).notNull(),
    localId: text("local_id").notNull(),
    firstName: text("first_name").notNull(),
    middleName: text("middle_name"),
    lastName: text("last_name").notNull(),
    birthDate: date("birth_date").notNull(),
    gender: text("gender", { enum: ["F", "M", "X"] }).notNull(),
    raceEthnicity: text("race_ethnicity"),
    homeLanguage: text("home_language"),
    ssn: text("ssn"),
    version: integer("version").notNull().default(1),
  },
  (t) => [
    unique("sis_people_district_local_id").on(t.districtId, t.localId),
    index("sis_people_name_idx").on(t.districtId, t.lastName, t.firstName),
  ],
);

/** Staff work in calendars too: calendar rights to a staff person come through these. */
export const sisStaffAssignments = pgTable(
  "sis_staff_assignments",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    districtId: districtId(),
    personId: uuid("person_id").notNull().references(() => sisPeople.id, { onDelete: "cascade" }),
    calendarId: uuid("calendar_id").notNull().references(() => sisCalendars.id, { onDelete: "cascade" }),
    title: text("title").notNull(),
  },
  (t) => [index("sis_staff_assignments_person_idx").on(t.personId), index("sis_staff_assignments_calendar_idx").on(t.calendarId)],
);

/**
 * One enrollment of a student in a calendar: General Enrollment Information, and the State
 * Reporting and Special Ed fields the seed lists as federally protected.
 */
export const sisEnrollments = pgTable(
  "sis_enrollments",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    districtId: districtId(),
    personId: uuid("person_id").notNull().references(() => sisPeople.id, { onDelete: "cascade" }),
    calendarId: uuid("calendar_id").notNull().references(() => sisCalendars.id, { onDelete: "cascade" }),
    grade: text("grade").notNull(),
    startDate: date("start_date").notNull(),
    endDate: date("end_date"),
    startStatus: text("start_status"),
    endStatus: text("end_status"),
    serviceType: text("service_type", { enum: ["P", "S", "N"] }).notNull().default("P"),
    wardOfState: boolean("ward_of_state").notNull().default(false),
    /** null = not homeless; otherwise the primary nighttime residence */
    homeless: text("homeless"),
    migrant: boolean("migrant").notNull().default(false),
    /** special education minutes per week, null when the student has no IEP services */
    serviceHours: numeric("service_hours", { precision: 7, scale: 2 }),
    serviceHoursPercent: numeric("service_hours_percent", { precision: 5, scale: 2 }),
    version: integer("version").notNull().default(1),
  },
  (t) => [
    index("sis_enrollments_person_idx").on(t.personId),
    index("sis_enrollments_calendar_idx").on(t.calendarId),
    index("sis_enrollments_district_idx").on(t.districtId, t.id),
  ],
);

export const sisEnrollmentHistory = pgTable(
  "sis_enrollment_history",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    districtId: districtId(),
    enrollmentId: uuid("enrollment_id").notNull().references(() => sisEnrollments.id, { onDelete: "cascade" }),
    changedAt: timestamp("changed_at", { withTimezone: true }).notNull(),
    field: text("field").notNull(),
    oldValue: text("old_value"),
    newValue: text("new_value"),
    changedBy: text("changed_by").notNull(),
  },
  (t) => [index("sis_enrollment_history_enrollment_idx").on(t.enrollmentId, t.changedAt)],
);

/** Program Participation > English Learners (EL). */
export const sisEnglishLearners = pgTable(
  "sis_english_learners",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    districtId: districtId(),
    personId: uuid("person_id").notNull().references(() => sisPeople.id, { onDelete: "cascade" }),
    status: text("status", { enum: ["EL", "Exited EL", "Never EL"] }).notNull(),
    identifiedDate: date("identified_date"),
    exitDate: date("exit_date"),
    proficiencyLevel: integer("proficiency_level"),
    programType: text("program_type"),
    version: integer("version").notNull().default(1),
  },
  (t) => [index("sis_english_learners_person_idx").on(t.personId)],
);

/** Health > Conditions (HIPAA/FERPA). */
export const sisHealthConditions = pgTable(
  "sis_health_conditions",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    districtId: districtId(),
    personId: uuid("person_id").notNull().references(() => sisPeople.id, { onDelete: "cascade" }),
    condition: text("condition").notNull(),
    startDate: date("start_date").notNull(),
    endDate: date("end_date"),
    instructions: text("instructions"),
    version: integer("version").notNull().default(1),
  },
  (t) => [index("sis_health_conditions_person_idx").on(t.personId)],
);

/** FRAM > Eligibility > Eligibility: free/reduced meal eligibility per school year. */
export const sisFramEligibility = pgTable(
  "sis_fram_eligibility",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    districtId: districtId(),
    personId: uuid("person_id").notNull().references(() => sisPeople.id, { onDelete: "cascade" }),
    yearId: uuid("year_id").notNull().references(() => sisSchoolYears.id, { onDelete: "cascade" }),
    eligibility: text("eligibility", { enum: ["Free", "Reduced", "Paid"] }).notNull(),
    source: text("source").notNull(),
    startDate: date("start_date").notNull(),
  },
  (t) => [index("sis_fram_eligibility_person_idx").on(t.personId, t.yearId)],
);

/** Absences and tardies only: a present day needs no row. */
export const sisAttendance = pgTable(
  "sis_attendance",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    districtId: districtId(),
    personId: uuid("person_id").notNull().references(() => sisPeople.id, { onDelete: "cascade" }),
    calendarId: uuid("calendar_id").notNull().references(() => sisCalendars.id, { onDelete: "cascade" }),
    date: date("date").notNull(),
    status: text("status", { enum: ["absent", "tardy"] }).notNull(),
    excuse: text("excuse", { enum: ["excused", "unexcused", "exempt"] }).notNull(),
    comments: text("comments"),
  },
  (t) => [index("sis_attendance_person_idx").on(t.personId, t.calendarId)],
);

export const sisBehaviorEvents = pgTable(
  "sis_behavior_events",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    districtId: districtId(),
    personId: uuid("person_id").notNull().references(() => sisPeople.id, { onDelete: "cascade" }),
    calendarId: uuid("calendar_id").notNull().references(() => sisCalendars.id, { onDelete: "cascade" }),
    eventDate: date("event_date").notNull(),
    eventType: text("event_type").notNull(),
    resolution: text("resolution"),
    details: text("details"),
    version: integer("version").notNull().default(1),
  },
  (t) => [index("sis_behavior_events_person_idx").on(t.personId, t.calendarId)],
);

export const sisGrades = pgTable(
  "sis_grades",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    districtId: districtId(),
    personId: uuid("person_id").notNull().references(() => sisPeople.id, { onDelete: "cascade" }),
    calendarId: uuid("calendar_id").notNull().references(() => sisCalendars.id, { onDelete: "cascade" }),
    course: text("course").notNull(),
    term: text("term").notNull(),
    score: numeric("score", { precision: 5, scale: 2 }).notNull(),
    letter: text("letter").notNull(),
  },
  (t) => [index("sis_grades_person_idx").on(t.personId, t.calendarId)],
);
