import type { Db } from "../../platform/db/connect.js";
import type { DistrictActor } from "../../platform/http/actor.js";
import { applyStaffAssignments, type StaffAssignment } from "../oneroster/apply-staff-assignments.js";
import { auditActor } from "../rights/guards.js";

type Assignable = { department: string | null; title: string | null };

/**
 * A SCIM user's school assignment, as the IdPs' default mappings send it: the enterprise
 * extension's department names the school (Entra maps the user's Department there, Okta its
 * department), and title (Entra's jobTitle) the role. No department: no assignment.
 */
export function scimAssignment(user: Assignable): StaffAssignment["schools"] {
  return user.department ? [{ schoolName: user.department, title: user.title ?? "" }] : [];
}

/**
 * The staff account automation for one user SCIM just created or changed, when their assignment
 * began, changed or ended (or they were made active again): the same mappings and rules as the
 * OneRoster import, a run with source "scim", done as the token's service account. A user set
 * inactive is left to SCIM's own disabling; a Product Security Role holder is never disabled by it.
 */
export async function runScimStaffAutomation(
  tx: Db,
  actor: DistrictActor,
  account: { id: string; username: string; productSecurityRole: string },
  before: Assignable | null,
  after: Assignable & { active: boolean },
  reactivated: boolean,
  now: Date,
) {
  if (!after.active) return;
  const was = before ? scimAssignment(before) : [];
  const is = scimAssignment(after);
  if (!reactivated && JSON.stringify(was) === JSON.stringify(is)) return;
  if (is.length === 0 && (was.length === 0 || account.productSecurityRole !== "none")) return;
  await applyStaffAssignments(tx, actor, [{ userId: account.id, username: account.username, schools: is }], { source: "scim", by: auditActor(actor), now });
}
