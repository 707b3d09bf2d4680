import { getCatalog } from "../../domain/rights/catalog.js";
import { describeEscalation, findEscalations, type Escalation } from "../../domain/rights/membership-escalation.js";
import type { Rights } from "../../domain/rights/rights.js";
import type { Db } from "../../platform/db/connect.js";
import type { DistrictActor } from "../../platform/http/actor.js";
import { AppError } from "../../platform/http/errors.js";
import { loadGroupModel } from "./repo-model.js";

const SHOWN = 3;

/**
 * DESIGN.md's no-escalation rule, for every membership change (add, change dates, remove): a
 * holder of the Student Information System role may make any; anyone else (the route already
 * required SIS Group Assignment) never their own, and only in a group whose every right and
 * calendar right they hold themselves. Call inside the transaction that holds the group's lock,
 * so rights added to the group meanwhile are seen.
 */
export async function checkMembershipChange(tx: Db, actor: DistrictActor, group: { id: string; name: string }, userId: string, now: Date): Promise<void> {
  if (actor.productSecurityRole === "student-information-system") return;
  if (userId === actor.userId) {
    throw new AppError(
      403,
      "product-security-role-required",
      "Only a holder of the Student Information System role may change their own group memberships. Ask another district system administrator who holds it.",
      { detail: { requiredRole: "student-information-system", yourRole: actor.productSecurityRole, reason: "own-membership" } },
    );
  }
  const model = await loadGroupModel(tx, actor, group.id);
  const found = model ? findEscalations(getCatalog(), model, { level: (tool) => actor.rights.level(tool) as Rights, calendarGrants: actor.rights.calendarGrants() }, now) : [];
  if (found.length === 0) return;
  throw new AppError(403, "rights-escalation", escalationMessage(group.name, found), {
    detail: { requiredRole: "student-information-system", yourRole: actor.productSecurityRole, exceeds: found.map(describeEscalation) },
  });
}

function escalationMessage(groupName: string, found: Escalation[]): string {
  const listed = found.slice(0, SHOWN).map(describeEscalation).join("; ");
  const more = found.length > SHOWN ? `; and ${found.length - SHOWN} more` : "";
  return `"${groupName}" gives ${listed}${more}. You may change the members of a group only when every right and calendar right of that group is within your own; a holder of the Student Information System role can make this change.`;
}
