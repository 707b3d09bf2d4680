import { getCatalog } from "../domain/rights/catalog.js";
import { seedProtection, type Protection } from "../domain/rights/protected-areas.js";
import type { RightsProvider } from "./deps.js";
import type { RightsView } from "./http/actor.js";

/** RWAD everywhere; which tools are protected comes from the district when known. */
export function fullRights(protection: Protection): RightsView {
  return {
    level: () => "RWAD",
    has: () => true,
    calendarGrants: () => [{ school: "*", year: "*", calendar: "*", modify: true }],
    isProtected: (tool) => protection.isProtected(tool),
  };
}
const FULL = fullRights(seedProtection(getCatalog()));
const NONE: RightsView = { level: () => "", has: () => false, calendarGrants: () => [], isProtected: seedProtection(getCatalog()).isProtected };

/**
 * Rights from the Product Security Role alone: holders of the Student Information System role
 * have RWAD everywhere; everyone else has nothing. Used where no tool rights are stored (vendor
 * staff, a district with no groups yet); the rights feature layers group and user grants on top.
 */
export const roleOnlyRights: RightsProvider = {
  async viewFor(user) {
    return user.kind === "district" && user.productSecurityRole === "student-information-system" ? FULL : NONE;
  },
};
