import { TOOLS } from "../../../features/sis/field-catalog.js";

export type StudentTabId =
  | "summary"
  | "enrollments"
  | "attendance"
  | "behavior"
  | "grades"
  | "health"
  | "english-learners"
  | "fram"
  | "demographics"
  | "census-enrollments";

/** A tab of the student page: the tool that guards it, and the menu path it sits at in Campus. */
export type StudentTab = { id: StudentTabId; label: string; tool: string; group: string };

export const STUDENT_TABS: readonly StudentTab[] = [
  { id: "summary", label: "Summary", tool: TOOLS.summary, group: "General" },
  { id: "enrollments", label: "Enrollments", tool: TOOLS.enrollments, group: "General" },
  { id: "attendance", label: "Attendance", tool: TOOLS.attendance, group: "General" },
  { id: "behavior", label: "Behavior", tool: TOOLS.behavior, group: "General" },
  { id: "grades", label: "Grades", tool: TOOLS.grades, group: "General" },
  { id: "health", label: "Health conditions", tool: TOOLS.healthConditions, group: "Health" },
  { id: "english-learners", label: "English Learners", tool: TOOLS.englishLearners, group: "Program Participation" },
  { id: "fram", label: "FRAM", tool: TOOLS.framEligibility, group: "FRAM" },
  { id: "demographics", label: "Demographics", tool: TOOLS.demographics, group: "Census" },
  { id: "census-enrollments", label: "Census enrollments", tool: TOOLS.censusEnrollments, group: "Census" },
];

/** The tabs this user has at least R on (without R a tool is not there: its API answers 404). */
export function visibleTabs(levels: Map<string, string>): StudentTab[] {
  return STUDENT_TABS.filter((t) => (levels.get(t.tool) ?? "").includes("R"));
}

export { TOOLS };
