/**
 * The tool catalog as committed data. The database layer stores these nodes keyed by
 * CATALOG_VERSION; bump the version whenever a path is added, renamed or re-flagged, and list
 * every rename in CATALOG_RENAMES so districts' stored entries follow it (catalog-sync.ts).
 *
 * Sources: every path in the seed's example tables (normalised, see tool-path.ts), the
 * seed's Privacy Law Compliance list, the Campus Instruction tools, and Gatehouse's own
 * tools. Every parent of a path is listed as its own node (catalog.ts refuses orphans).
 *
 * Flags inherit downwards unless a node sets them itself:
 * - calendarScoped: set on module roots (student/person data yes; administration no).
 * - federallyProtected: the seed's FERPA/HIPAA list; descendants inherit it.
 * - allOrNothing: the Campus Instruction subtree ("" or RWAD only).
 * - dangerous: NOT inherited; the right from which a grant is dangerous and why.
 */
import type { RightLetter } from "./rights.js";

export const CATALOG_VERSION = 1;

/**
 * A path the catalog renamed or moved in version `since`. When a deployment syncs to a newer
 * catalog, entries stored on `from` are moved to `to`; entries on a path that is neither in the
 * catalog nor renamed are retired (no node lies below a missing path, so they grant nothing).
 */
export interface CatalogRename {
  from: string;
  to: string;
  since: number;
}

/** Renames and moves across catalog versions, oldest first. Add one whenever a path changes. */
export const CATALOG_RENAMES: readonly CatalogRename[] = [];

export interface CatalogDataEntry {
  path: string;
  calendarScoped?: boolean;
  federallyProtected?: boolean;
  allOrNothing?: boolean;
  dangerous?: { right: RightLetter; reason: string };
}

const SCHEDULE_DELETE =
  "Delete removes the schedule and all associated attendance and grades for students who attended classes within it";
const MASTER_SCHEDULING =
  "grant only during the master scheduling period (give the entry an until date); afterwards the right must be removed";

const p = (path: string, flags: Omit<CatalogDataEntry, "path"> = {}): CatalogDataEntry => ({ path, ...flags });
const ms = (path: string): CatalogDataEntry => p(path, { dangerous: { right: "R", reason: MASTER_SCHEDULING } });
const fed = (path: string): CatalogDataEntry => p(path, { federallyProtected: true });

export const CATALOG_DATA: readonly CatalogDataEntry[] = [
  // Per-user account tools: not student data.
  p("Account Setting", { calendarScoped: false }),
  p("Log Off", { calendarScoped: false }),
  p("My Data", { calendarScoped: false }),

  p("Student Information", { calendarScoped: true }),
  p("Student Information > Allow Unfiltered Search"),
  p("Student Information > General"),
  p("Student Information > General > Summary"),
  p("Student Information > General > Enrollments"),
  p("Student Information > General > Enrollments > General Enrollment Information"),
  p("Student Information > General > Enrollments > Graduation"),
  p("Student Information > General > Enrollments > Future Enrollment"),
  p("Student Information > General > Enrollments > State Reporting"),
  fed("Student Information > General > Enrollments > State Reporting > Ward of State"),
  fed("Student Information > General > Enrollments > State Reporting > Homeless"),
  fed("Student Information > General > Enrollments > State Reporting > Migrant"),
  p("Student Information > General > Enrollments > Special Education"),
  p("Student Information > General > Enrollments > Special Ed"),
  fed("Student Information > General > Enrollments > Special Ed > Service Hours"),
  fed("Student Information > General > Enrollments > Special Ed > Service Hrs Percent Reported"),
  fed("Student Information > General > Enrollments > Enrollment History"),
  p("Student Information > General > Schedule", { dangerous: { right: "D", reason: SCHEDULE_DELETE } }),
  p("Student Information > General > Attendance"),
  p("Student Information > General > Programs"),
  p("Student Information > General > Grades"),
  p("Student Information > General > Transcript"),
  p("Student Information > General > Credit Summary"),
  p("Student Information > General > Assessment"),
  p("Student Information > General > Behavior"),
  p("Student Information > General > Behavior > All Calendars"),
  p("Student Information > General > Transportation"),
  p("Student Information > General > Fees"),
  p("Student Information > General > Lockers"),
  p("Student Information > General > Graduation"),
  p("Student Information > General > Athletics"),
  p("Student Information > General > Waiver"),
  p("Student Information > General > Records Transfer"),
  p("Student Information > General > Ad hoc Letters"),
  p("Student Information > Counseling"),
  p("Student Information > Counseling > Contact Log"),
  p("Student Information > Grad Planner"),
  p("Student Information > Health"),
  fed("Student Information > Health > Conditions"),
  p("Student Information > Student Locator"),
  p("Student Information > Special Ed"),
  p("Student Information > PLP"),
  p("Student Information > Program Participation"),
  fed("Student Information > Program Participation > English Learners (EL)"),
  p("Student Information > Reports"),
  ...[
    "File Labels by DOB", "Folder Labels by DOB", "Counselor", "Progress Report", "Enrollment Overlap",
    "Enrollment Summary", "Enrollment Status", "Duplicate IDs", "Duplicate Students Search", "Fee Payments",
    "Fee Receivable Summary", "Fee Audit", "Fee Billing Batch", "Athletic Eligibility", "Process Compliance",
    "Plan Audit", "Service Detail", "Service Provider Detail", "Special Ed Exception", "Test Accommodations",
    "Service Summary", "Caseload Summary", "Service Provider Summary", "Test Results",
  ].map((r) => p(`Student Information > Reports > ${r}`)),

  p("Census", { calendarScoped: true }),
  p("Census > People"),
  // Demographics shows the person's SSN (only with the SSN Rights tools, see below).
  p("Census > People > Demographics"),
  p("Census > People > Demographics > Enrollments"),
  p("Census > People > Demographics > Enrollments > State Reporting"),
  fed("Census > People > Demographics > Enrollments > State Reporting > Ward of State"),
  fed("Census > People > Demographics > Enrollments > State Reporting > Homeless"),
  fed("Census > People > Demographics > Enrollments > State Reporting > Migrant"),
  p("Census > People > Demographics > Enrollments > Special Ed"),
  fed("Census > People > Demographics > Enrollments > Special Ed > Service Hours"),
  fed("Census > People > Demographics > Enrollments > Special Ed > Service Hrs Percent Reported"),
  fed("Census > People > Demographics > Enrollments > Enrollment History"),
  p("Census > People > Enrollments"),
  p("Census > People > Enrollments > General Enrollment Information"),
  p("Census > People > Enrollments > Graduation"),
  p("Census > People > Enrollments > State Reporting"),
  p("Census > People > Enrollments > Special Education"),
  p("Census > People > Enrollments > Future Enrollment"),
  p("Census > People > Enrollments > Enrollment History"),
  p("Census > People > District Employment"),
  p("Census > People > District Assignment"),
  p("Census > People > POS Deposit"),
  p("Census > People > School Choice"),
  p("Census > People > Student Contacts"),
  p("Census > People > Credentials"),
  p("Census > People > Overrides"),
  p("Census > Household"),
  p("Census > Household > Fees"),
  p("Census > Household > POS Deposit"),
  p("Census > Reports"),
  p("Census > Reports > Impact Aid Report"),

  p("Attendance", { calendarScoped: true }),
  p("Attendance > Attendance Wizards"),
  p("Attendance > Attendance Letters"),
  p("Attendance > Attendance Messenger"),
  p("Attendance > Attendance Messenger Scheduler"),
  p("Attendance > Classroom Monitor"),
  p("Attendance > Daily Attendance"),
  p("Attendance > Reporting"),
  p("Attendance > Reporting > ADM and ADA Detail"),
  p("Attendance > Reporting > Home & Hospital Attendance Register"),
  p("Attendance > Reports"),
  p("Attendance > Reports > Funding Report"),
  p("Attendance > Reports > Sub Attendance Roster"),

  p("Behavior", { calendarScoped: true }),
  p("Behavior > Behavior Referral"),
  p("Behavior > Behavior Messenger"),
  p("Behavior > Behavior Letter Wizard"),
  p("Behavior > Behavior Messenger Scheduler"),
  p("Behavior > Reports"),

  p("Health", { calendarScoped: true }),

  p("FRAM", { calendarScoped: true }),
  p("FRAM > Eligibility"),
  fed("FRAM > Eligibility > Eligibility"),

  p("Medicaid", { calendarScoped: true }),
  p("Medicaid > Batch Service Log Entry"),
  p("Medicaid > Batch Bills"),
  p("Medicaid > Reports"),
  p("Medicaid > Reports > Service Log"),
  p("Medicaid > Reports > Service"),
  p("Medicaid > Reports > Provider Service Log"),
  p("Medicaid > Reports > Eligibility"),

  p("Scheduling", { calendarScoped: true }),
  p("Scheduling > Courses"),
  p("Scheduling > Courses > Sections"),
  p("Scheduling > Courses > Sections > Roster Setup"),
  p("Scheduling > Add Course", { dangerous: { right: "D", reason: SCHEDULE_DELETE } }),
  p("Scheduling > Schedule Wizard", {
    dangerous: { right: "R", reason: `${MASTER_SCHEDULING}; Campus recommends one user be in charge of it` },
  }),
  ...[
    "Scheduling Build Constraints", "Roster Copy", "Schedule Gap Filler", "Request Wizard", "Fill Teams",
    "Rotation Builder", "Student Gap Scheduler", "Trials", "Lunches", "Scheduling Group",
  ].map((t) => ms(`Scheduling > ${t}`)),
  p("Scheduling > Reports"),
  p("Scheduling > Reports > Master Schedule"),
  p("Scheduling > Reports > Open Rooms"),
  p("Scheduling > Reports > Section Rosters"),
  p("Scheduling > Reports > Teacher Schedule Batch"),

  p("Grading and Standards", { calendarScoped: true }),
  p("Grading and Standards > Reports"),

  p("State Reporting", { calendarScoped: true }),
  p("Messenger", { calendarScoped: true }),
  p("Messenger > Sent Message Log"),
  p("User Communication", { calendarScoped: false }),
  p("Surveys", { calendarScoped: false }),

  // SSN tools are separate from Demographics; seeing an SSN also needs calendar rights to the person.
  p("SSN Rights", { calendarScoped: true }),
  p("SSN Rights > SSN for All People", {
    dangerous: { right: "R", reason: "shows or changes the SSN of every person in the system" },
  }),
  p("SSN Rights > SSN for Staff"),
  p("SSN Rights > SSN for Students"),

  // Ad hoc works on filters, not on one calendar; protected fields are gated per field.
  p("Ad Hoc Reporting", { calendarScoped: false }),
  p("Ad Hoc Reporting > Filter Designer"),

  // Campus Instruction: all or nothing.
  p("Campus Instruction", { calendarScoped: true, allOrNothing: true }),
  ...[
    "Planner", "Grade Book", "Attendance", "Roster", "Seating Charts", "Progress Monitor", "Student Groups",
    "Assignments", "Reports", "Messenger",
  ].map((t) => p(`Campus Instruction > ${t}`)),

  p("System Administration", { calendarScoped: false }),
  p("System Administration > Health"),
  p("System Administration > Health > Vaccines"),
  p("System Administration > Medicaid"),
  p("System Administration > Special Education"),
  p("System Administration > Data Utilities"),
  p("System Administration > Data Utilities > Student Records Transfer"),
  p("System Administration > Data Utilities > Student Records Transfer > Notify Process Inbox"),
  p("System Administration > User Security"),
  p("System Administration > User Security > User Groups"),
  p("System Administration > User Security > User Groups > Tool Rights", {
    dangerous: { right: "W", reason: "changes what every member of a group may do" },
  }),
  p("System Administration > User Security > User Groups > Calendar Rights"),
  p("System Administration > User Security > User Groups > Members"),
  p("System Administration > User Security > Users"),
  p("System Administration > User Security > Account Security Preferences"),
  p("System Administration > User Security > Reviews"),
  p("System Administration > User Security > Audit Log"),
  p("System Administration > User Security > Access Log"),

  p("Support", { calendarScoped: false }),
  p("Support > Case Portal"),
  p("Support > Update Requests"),
];
