/**
 * Every student-data field Gatehouse exposes, and the ONE tool path that guards it. The Ad hoc
 * field list, the Ad hoc SQL, the screens' API and the access log all read this table, so a
 * field cannot be guarded in one place and leak in another.
 *
 * `expr` is a constant SQL expression over the Ad hoc row: an enrollment `e`, its person `p` and
 * its calendar `c`. It never contains user input (user values are always bound parameters).
 */
import { WITHHELD } from "../../domain/redaction/redact.js";
import { getCatalog } from "../../domain/rights/catalog.js";
import { seedProtection, type Protection } from "../../domain/rights/protected-areas.js";

export type FieldType = "text" | "number" | "date" | "boolean";

export type FieldDef = {
  id: string;
  label: string;
  tool: string;
  /** other tools that give the same field (SSN for All People also shows a student's SSN) */
  alsoBy?: string[];
  type: FieldType;
  expr: string;
  /** shown in place of the value when the tool right is missing for the row (SSN masking) */
  maskedExpr?: string;
  /** logged on read although not federally protected (SSNs) */
  sensitive?: boolean;
};

export const TOOLS = {
  summary: "Student Information > General > Summary",
  unfilteredSearch: "Student Information > Allow Unfiltered Search",
  enrollments: "Student Information > General > Enrollments",
  generalEnrollment: "Student Information > General > Enrollments > General Enrollment Information",
  stateReporting: "Student Information > General > Enrollments > State Reporting",
  wardOfState: "Student Information > General > Enrollments > State Reporting > Ward of State",
  homeless: "Student Information > General > Enrollments > State Reporting > Homeless",
  migrant: "Student Information > General > Enrollments > State Reporting > Migrant",
  specialEd: "Student Information > General > Enrollments > Special Ed",
  serviceHours: "Student Information > General > Enrollments > Special Ed > Service Hours",
  serviceHoursPercent: "Student Information > General > Enrollments > Special Ed > Service Hrs Percent Reported",
  enrollmentHistory: "Student Information > General > Enrollments > Enrollment History",
  attendance: "Student Information > General > Attendance",
  behavior: "Student Information > General > Behavior",
  behaviorAllCalendars: "Student Information > General > Behavior > All Calendars",
  grades: "Student Information > General > Grades",
  healthConditions: "Student Information > Health > Conditions",
  englishLearners: "Student Information > Program Participation > English Learners (EL)",
  demographics: "Census > People > Demographics",
  censusEnrollments: "Census > People > Demographics > Enrollments",
  censusWardOfState: "Census > People > Demographics > Enrollments > State Reporting > Ward of State",
  censusHomeless: "Census > People > Demographics > Enrollments > State Reporting > Homeless",
  censusMigrant: "Census > People > Demographics > Enrollments > State Reporting > Migrant",
  censusServiceHours: "Census > People > Demographics > Enrollments > Special Ed > Service Hours",
  censusServiceHoursPercent: "Census > People > Demographics > Enrollments > Special Ed > Service Hrs Percent Reported",
  censusEnrollmentHistory: "Census > People > Demographics > Enrollments > Enrollment History",
  framEligibility: "FRAM > Eligibility > Eligibility",
  ssnAll: "SSN Rights > SSN for All People",
  ssnStaff: "SSN Rights > SSN for Staff",
  ssnStudents: "SSN Rights > SSN for Students",
  adhoc: "Ad Hoc Reporting",
  filterDesigner: "Ad Hoc Reporting > Filter Designer",
  accessLog: "System Administration > User Security > Access Log",
} as const;

/**
 * The last change to an enrollment, for Ad hoc. A change to a protected field (the seed's list,
 * or under a tool the district marked) shows that it changed, not its values: those are readable
 * only through the field's own right. (The labels are constants of this catalog; see
 * fieldToolsSql below.)
 */
const LAST_HISTORY = () =>
  "(select to_char(h.changed_at, 'YYYY-MM-DD') || ' ' || h.field || ': ' || " +
  `case when exists (select 1 from ${fieldToolsSql()} as f(label, tool, seed_protected) where f.label = h.field and (f.seed_protected or exists (` +
  "select 1 from district_protected_tools d where d.district_id = e.district_id and (f.tool = d.tool_path or f.tool like d.tool_path || ' > %')))) " +
  `then '${WITHHELD}' else coalesce(h.old_value, '—') || ' → ' || coalesce(h.new_value, '—') end ` +
  "from sis_enrollment_history h where h.enrollment_id = e.id and h.district_id = e.district_id order by h.changed_at desc limit 1)";
const SERVICE_HOURS = "e.service_hours::float8";
const SERVICE_PERCENT = "e.service_hours_percent::float8";

export const FIELDS: readonly FieldDef[] = [
  { id: "student.localId", label: "Student number", tool: TOOLS.summary, type: "text", expr: "p.local_id" },
  { id: "student.lastName", label: "Last name", tool: TOOLS.summary, type: "text", expr: "p.last_name" },
  { id: "student.firstName", label: "First name", tool: TOOLS.summary, type: "text", expr: "p.first_name" },
  { id: "student.birthDate", label: "Birth date", tool: TOOLS.summary, type: "date", expr: "p.birth_date" },
  { id: "student.gender", label: "Gender", tool: TOOLS.summary, type: "text", expr: "p.gender" },

  { id: "enrollment.school", label: "School", tool: TOOLS.generalEnrollment, type: "text", expr: "c.school_name" },
  { id: "enrollment.year", label: "School year", tool: TOOLS.generalEnrollment, type: "text", expr: "c.year_name" },
  { id: "enrollment.calendar", label: "Calendar", tool: TOOLS.generalEnrollment, type: "text", expr: "c.name" },
  { id: "enrollment.grade", label: "Grade", tool: TOOLS.generalEnrollment, type: "text", expr: "e.grade" },
  { id: "enrollment.startDate", label: "Start date", tool: TOOLS.generalEnrollment, type: "date", expr: "e.start_date" },
  { id: "enrollment.endDate", label: "End date", tool: TOOLS.generalEnrollment, type: "date", expr: "e.end_date" },
  { id: "enrollment.serviceType", label: "Service type", tool: TOOLS.generalEnrollment, type: "text", expr: "e.service_type" },

  { id: "enrollment.wardOfState", label: "Ward of state", tool: TOOLS.wardOfState, type: "boolean", expr: "e.ward_of_state" },
  { id: "enrollment.homeless", label: "Homeless (nighttime residence)", tool: TOOLS.homeless, type: "text", expr: "e.homeless" },
  { id: "enrollment.migrant", label: "Migrant", tool: TOOLS.migrant, type: "boolean", expr: "e.migrant" },
  { id: "enrollment.serviceHours", label: "Special Ed service minutes/week", tool: TOOLS.serviceHours, type: "number", expr: SERVICE_HOURS },
  { id: "enrollment.serviceHoursPercent", label: "Service hrs percent reported", tool: TOOLS.serviceHoursPercent, type: "number", expr: SERVICE_PERCENT },
  { id: "enrollment.lastHistory", label: "Last enrollment change", tool: TOOLS.enrollmentHistory, type: "text", get expr() { return LAST_HISTORY(); } },

  { id: "census.wardOfState", label: "Ward of state (Census)", tool: TOOLS.censusWardOfState, type: "boolean", expr: "e.ward_of_state" },
  { id: "census.homeless", label: "Homeless (Census)", tool: TOOLS.censusHomeless, type: "text", expr: "e.homeless" },
  { id: "census.migrant", label: "Migrant (Census)", tool: TOOLS.censusMigrant, type: "boolean", expr: "e.migrant" },
  { id: "census.serviceHours", label: "Service minutes/week (Census)", tool: TOOLS.censusServiceHours, type: "number", expr: SERVICE_HOURS },
  { id: "census.serviceHoursPercent", label: "Service hrs percent (Census)", tool: TOOLS.censusServiceHoursPercent, type: "number", expr: SERVICE_PERCENT },
  { id: "census.lastHistory", label: "Last enrollment change (Census)", tool: TOOLS.censusEnrollmentHistory, type: "text", get expr() { return LAST_HISTORY(); } },

  { id: "demographics.raceEthnicity", label: "Race/ethnicity", tool: TOOLS.demographics, type: "text", expr: "p.race_ethnicity" },
  { id: "demographics.homeLanguage", label: "Home language", tool: TOOLS.demographics, type: "text", expr: "p.home_language" },
  {
    id: "demographics.ssn",
    label: "SSN",
    tool: TOOLS.ssnStudents,
    alsoBy: [TOOLS.ssnAll],
    type: "text",
    expr: "(substr(p.ssn, 1, 3) || '-' || substr(p.ssn, 4, 2) || '-' || substr(p.ssn, 6, 4))",
    maskedExpr: "(case when p.ssn is null then null else '***-**-' || substr(p.ssn, 6, 4) end)",
    sensitive: true,
  },

  {
    id: "el.status",
    label: "EL status",
    tool: TOOLS.englishLearners,
    type: "text",
    expr: "(select el.status from sis_english_learners el where el.person_id = e.person_id and el.district_id = e.district_id order by el.identified_date desc nulls last limit 1)",
  },
  {
    id: "el.proficiencyLevel",
    label: "EL proficiency level",
    tool: TOOLS.englishLearners,
    type: "number",
    expr: "(select el.proficiency_level from sis_english_learners el where el.person_id = e.person_id and el.district_id = e.district_id order by el.identified_date desc nulls last limit 1)",
  },
  {
    id: "health.conditions",
    label: "Health conditions",
    tool: TOOLS.healthConditions,
    type: "text",
    expr: "(select string_agg(hc.condition, '; ' order by hc.condition) from sis_health_conditions hc where hc.person_id = e.person_id and hc.district_id = e.district_id and hc.end_date is null)",
  },
  {
    id: "fram.eligibility",
    label: "FRAM eligibility",
    tool: TOOLS.framEligibility,
    type: "text",
    expr: "(select f.eligibility from sis_fram_eligibility f where f.person_id = e.person_id and f.district_id = e.district_id and f.year_id = c.year_id order by f.start_date desc limit 1)",
  },
  {
    id: "attendance.absences",
    label: "Absences (this calendar)",
    tool: TOOLS.attendance,
    type: "number",
    expr: "(select count(*)::int from sis_attendance a where a.person_id = e.person_id and a.district_id = e.district_id and a.calendar_id = e.calendar_id and a.status = 'absent')",
  },
  {
    id: "behavior.events",
    label: "Behavior events (this calendar)",
    tool: TOOLS.behavior,
    type: "number",
    expr: "(select count(*)::int from sis_behavior_events b where b.person_id = e.person_id and b.district_id = e.district_id and b.calendar_id = e.calendar_id)",
  },
  {
    id: "grades.average",
    label: "Average score (this calendar)",
    tool: TOOLS.grades,
    type: "number",
    expr: "(select round(avg(g.score), 1)::float8 from sis_grades g where g.person_id = e.person_id and g.district_id = e.district_id and g.calendar_id = e.calendar_id)",
  },
];

const BY_ID = new Map(FIELDS.map((f) => [f.id, f]));

export function findField(id: string): FieldDef | undefined {
  return BY_ID.get(id);
}

const BY_LABEL = new Map([...FIELDS].reverse().map((f) => [f.label, f]));

/** Enrollment History names a changed field by its label. */
export function findFieldByLabel(label: string): FieldDef | undefined {
  return BY_LABEL.get(label);
}

/** Protected in the reader's district (the seed's FERPA/HIPAA list and the district's own), per the rights catalog. */
export function isProtectedField(field: FieldDef, protection: Protection): boolean {
  return protection.isProtected(field.tool);
}

const sqlText = (v: string) => `'${v.replace(/'/g, "''")}'`;
let fieldTools_: string | undefined;
/** Every field's label, tool and seed protection as a SQL VALUES list (constants, quoted). */
function fieldToolsSql(): string {
  const seed = seedProtection(getCatalog());
  fieldTools_ ??= `(values ${FIELDS.map((f) => `(${sqlText(f.label)}, ${sqlText(f.tool)}, ${seed.isProtected(f.tool)})`).join(", ")})`;
  return fieldTools_;
}

/** Reads of these fields go to the access log. */
export function isLoggedField(field: FieldDef, protection: Protection): boolean {
  return isProtectedField(field, protection) || field.sensitive === true;
}

/** The tools whose R lets a user read the field. */
export function fieldTools(field: FieldDef): string[] {
  return [field.tool, ...(field.alsoBy ?? [])];
}
