import type { Actor } from "../../platform/http/actor.js";
import { TOOLS } from "./field-catalog.js";

/** The screens of this feature, in menu order; the web shows those the user can read. */
export const SIS_MENU_TOOLS = [
  TOOLS.summary,
  TOOLS.enrollments,
  TOOLS.enrollmentHistory,
  TOOLS.attendance,
  TOOLS.behavior,
  TOOLS.grades,
  TOOLS.healthConditions,
  TOOLS.englishLearners,
  TOOLS.framEligibility,
  TOOLS.demographics,
  TOOLS.censusEnrollments,
  TOOLS.censusEnrollmentHistory,
  TOOLS.unfilteredSearch,
  TOOLS.adhoc,
  TOOLS.filterDesigner,
  TOOLS.accessLog,
] as const;

export function listSisTools(actor: Actor) {
  if (actor.kind !== "district") return [];
  return SIS_MENU_TOOLS.map((tool) => ({ tool, level: actor.rights.level(tool) })).filter((t) => t.level !== "");
}
