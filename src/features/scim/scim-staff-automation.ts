import type { Db } from "../../platform/db/connect.js";
import type { DistrictActor } from "../../platform/http/actor.js";
import { applyStaffAssignments, type StaffAssignment } from "../oneroster/apply-staff-assignments.js";
import { replaceSourceAssignments } from "../oneroster/school-assignments.js";
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
 * began, changed or ended (or they were made active again). SCIM's assignment replaces only what
 * SCIM assigned before; the automation runs on every source's assignments together (OneRoster's
 * and the web app's too), with the same mappings and rules as the OneRoster import, a run with
 * source "scim", done as the token's service account. A user set inactive is left to SCIM's own
 * disabling; a Product Security Role holder is never disabled by it.
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
  const was = before ? scimAssignment(before) : [];
  const is = scimAssignment(after);
  const changed = JSON.stringify(was) !== JSON.stringify(is);
  if (!changed && !reactivated) return;
  // SCIM's own assignments are kept whatever the account's state; OneRoster's and the web app's stay as they are
  const [everySource] = await replaceSourceAssignments(tx, actor, "scim", [{ userId: account.id, username: account.username, schools: is }]);
  if (!after.active) return;
  if (everySource!.schools.length === 0 && (was.length === 0 || account.productSecurityRole !== "none")) return;
  await applyStaffAssignments(tx, actor, [everySource!], { source: "scim", by: auditActor(actor), now });
}

/** A user deleted over SCIM: what SCIM assigned them has ended (a later POST of the userName brings it back). */
export async function endScimAssignments(tx: Db, actor: DistrictActor, account: { id: string; username: string }) {
  await replaceSourceAssignments(tx, actor, "scim", [{ userId: account.id, username: account.username, schools: [] }]);
}
