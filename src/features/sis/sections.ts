/**
 * The tabs of an enrollment (Student Information > General > Enrollments, and its Census twin
 * under Census > People > Demographics > Enrollments). Each field is read and written under
 * its own tool from the field catalog, in the enrollment's calendar.
 */
import { TOOLS } from "./field-catalog.js";

export type SectionField = { id: string; column?: WritableColumn };
export type WritableColumn = "grade" | "startDate" | "endDate" | "startStatus" | "endStatus" | "serviceType" | "wardOfState" | "homeless" | "migrant" | "serviceHours" | "serviceHoursPercent";
export type Section = { id: string; label: string; tool: string; fields: SectionField[] };

export const ENROLLMENT_SECTIONS: readonly Section[] = [
  {
    id: "general",
    label: "General Enrollment Information",
    tool: TOOLS.generalEnrollment,
    fields: [
      { id: "enrollment.school" },
      { id: "enrollment.calendar" },
      { id: "enrollment.grade", column: "grade" },
      { id: "enrollment.startDate", column: "startDate" },
      { id: "enrollment.endDate", column: "endDate" },
      { id: "enrollment.serviceType", column: "serviceType" },
    ],
  },
  {
    id: "state-reporting",
    label: "State Reporting",
    tool: TOOLS.stateReporting,
    fields: [
      { id: "enrollment.wardOfState", column: "wardOfState" },
      { id: "enrollment.homeless", column: "homeless" },
      { id: "enrollment.migrant", column: "migrant" },
    ],
  },
  {
    id: "special-ed",
    label: "Special Ed",
    tool: TOOLS.specialEd,
    fields: [
      { id: "enrollment.serviceHours", column: "serviceHours" },
      { id: "enrollment.serviceHoursPercent", column: "serviceHoursPercent" },
    ],
  },
  {
    id: "census-state-reporting",
    label: "State Reporting (Census)",
    tool: "Census > People > Demographics > Enrollments > State Reporting",
    fields: [
      { id: "census.wardOfState", column: "wardOfState" },
      { id: "census.homeless", column: "homeless" },
      { id: "census.migrant", column: "migrant" },
    ],
  },
  {
    id: "census-special-ed",
    label: "Special Ed (Census)",
    tool: "Census > People > Demographics > Enrollments > Special Ed",
    fields: [
      { id: "census.serviceHours", column: "serviceHours" },
      { id: "census.serviceHoursPercent", column: "serviceHoursPercent" },
    ],
  },
];

export const HISTORY_TOOLS = { student: TOOLS.enrollmentHistory, census: TOOLS.censusEnrollmentHistory } as const;

export function findSection(id: string): Section | undefined {
  return ENROLLMENT_SECTIONS.find((s) => s.id === id);
}
