import { canManageMembership, canManageRights } from "../../domain/rights/model.js";
import { isDistrictActor, type Actor, type DistrictActor } from "../../platform/http/actor.js";
import { AppError, notFound } from "../../platform/http/errors.js";

/** Rights administration lives in a district; the access hook already refused vendor staff. */
export function districtActor(actor: Actor | undefined): DistrictActor {
  if (!actor || !isDistrictActor(actor)) throw notFound("This tool");
  return actor;
}

/** The audit log's actor shape. */
export const auditActor = (actor: Actor) => ({ id: actor.userId, name: actor.username });

/**
 * DESIGN.md: only holders of a Product Security Role change tool rights and calendar rights.
 * The tool right to open the screen is not enough; this is checked on top of it.
 */
export function requireRightsManager(actor: Actor): void {
  if (canManageRights(actor)) return;
  throw new AppError(
    403,
    "product-security-role-required",
    actor.productSecurityRole === "sis-group-assignment"
      ? "Your SIS Group Assignment role lets you change group membership only. Changing tool rights or calendar rights needs the Student Information System product security role."
      : "Changing tool rights or calendar rights needs the Student Information System product security role on your account. Ask a district system administrator who holds it.",
    { detail: { requiredRole: "student-information-system", yourRole: actor.productSecurityRole } },
  );
}

/** Membership may also be changed by the narrower SIS Group Assignment role. */
export function requireMembershipManager(actor: Actor): void {
  if (canManageMembership(actor)) return;
  throw new AppError(
    403,
    "product-security-role-required",
    "Adding or removing group members needs a product security role on your account: Student Information System, or SIS Group Assignment. Ask a district system administrator who holds one.",
    { detail: { requiredRole: "sis-group-assignment", yourRole: actor.productSecurityRole } },
  );
}
