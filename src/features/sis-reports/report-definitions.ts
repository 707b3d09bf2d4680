/**
 * The Student Information reports Gatehouse can generate from the data it holds. The seed:
 * "Reports need only the R right for full access to viewing and generating results. In
 * addition, R rights allow printing of information". Each report is its own tool under
 * Student Information > Reports, so each needs R on exactly that tool, capped by calendar rights.
 * No report carries a federally protected field (no State Reporting, Special Ed or Health values).
 */
export const REPORTS = [
  {
    slug: "enrollment-summary",
    title: "Enrollment Summary",
    tool: "Student Information > Reports > Enrollment Summary",
    description: "Students enrolled per school, calendar and grade (active and ended enrollments)",
    columns: ["School", "Year", "Calendar", "Grade", "Active", "Ended"],
  },
  {
    slug: "enrollment-status",
    title: "Enrollment Status",
    tool: "Student Information > Reports > Enrollment Status",
    description: "Each enrollment with its start and end dates and statuses",
    columns: ["Student number", "Last name", "First name", "School", "Calendar", "Grade", "Start date", "Start status", "End date", "End status"],
  },
  {
    slug: "duplicate-ids",
    title: "Duplicate IDs",
    tool: "Student Information > Reports > Duplicate IDs",
    description: "Possible duplicate person records: the same name and birth date under more than one local ID",
    columns: ["Last name", "First name", "Birth date", "Person type", "Local IDs", "Records"],
  },
  {
    slug: "counselor",
    title: "Counselor",
    tool: "Student Information > Reports > Counselor",
    description: "Each counselor's students: the active enrollments of the calendars where the counselor is assigned",
    columns: ["Counselor", "School", "Calendar", "Student number", "Last name", "First name", "Grade"],
  },
  {
    slug: "caseload-summary",
    title: "Caseload Summary",
    tool: "Student Information > Reports > Caseload Summary",
    description: "Students per counselor, calendar and grade",
    columns: ["Counselor", "School", "Calendar", "Grade", "Students"],
  },
  {
    slug: "attendance",
    title: "Attendance",
    tool: "Attendance > Reports",
    description: "Absences and tardies per student and calendar, by excuse",
    columns: ["Student number", "Last name", "First name", "School", "Calendar", "Absent excused", "Absent unexcused", "Tardy", "Exempt"],
  },
  {
    slug: "behavior",
    title: "Behavior",
    tool: "Behavior > Reports",
    description: "Behavior events per school, calendar and event type",
    columns: ["School", "Calendar", "Event type", "Events", "Students"],
  },
] as const;

export type ReportDef = (typeof REPORTS)[number];
export type ReportSlug = ReportDef["slug"];
export type ReportCell = string | number | null;
