import type { AdminPower, Access, OwnTool, RoleNeeded } from "./access.js";
import type { Actor, RightLetter } from "./actor.js";
import { AppError, forbidden, notFound, unauthenticated } from "./errors.js";

/**
 * Who is asking: a session (maybe still waiting for MFA) and, once fully signed in, the Actor;
 * or an API token (its service account is the Actor) with its scopes.
 */
export type Caller = { hasSession: boolean; actor: Actor | undefined; tokenScopes?: readonly string[] | undefined };

/**
 * The access layer's one decision: null when the declaration lets the caller in, else the
 * refusal to send. The request hook throws it; /api/me/capabilities reports it, so the screens
 * and the server cannot disagree.
 */
export function accessVerdict(required: Access, caller: Caller): AppError | null {
  if (required.kind === "public") return null;
  if (required.kind === "scim") {
    if (caller.tokenScopes?.includes("scim") && caller.actor) return null;
    return caller.tokenScopes ? tokenScopeMissing("scim") : unauthenticated("SCIM needs an API token with the scim scope, sent as Authorization: Bearer <token>.");
  }
  if (required.kind === "session") return caller.hasSession ? null : unauthenticated();
  const actor = caller.actor;
  if (!actor) return caller.hasSession ? new AppError(401, "mfa-required", "Finish signing in with your authenticator code first.") : unauthenticated();
  if (required.kind === "authenticated") return null;
  if (required.kind === "own") return ownToolRefusal(actor, required.tool, required.right);
  if (required.kind === "vendor") return actor.kind === "vendor" ? null : notFound("This page");
  if (actor.kind !== "district") return forbidden("district-only", "This is a district tool; vendor staff work through the support portal.");
  // Without the right the tool does not exist for this caller: 404, not 403 (STYLE.md).
  if (!actor.rights.has(required.tool, required.right)) return notFound("This tool");
  if (required.role && !holdsRole(actor, required.role)) return roleRequired(required.role, required.administers, actor);
  return null;
}

/**
 * The person's own tools (All Campus Users): only a district user without a Product Security Role
 * can lack them. A role holder administers the district's accounts and must never be shut out
 * of their own password and authenticator by a group change (their own, made by mistake).
 */
export function ownToolRefusal(actor: Actor, tool: OwnTool, right: RightLetter): AppError | null {
  if (actor.kind !== "district" || actor.productSecurityRole !== "none") return null;
  if (actor.rights.has(tool, right)) return null;
  return forbidden("own-tool-missing", accountSettingMissing(right), { tool, requiredRight: right });
}

/** The one sentence the API's 403 and the account page both say (Account Setting is the only own tool routes need). */
export function accountSettingMissing(right: RightLetter): string {
  const need = right === "R" ? "R on the Account Setting tool" : `${right} on the Account Setting tool (R only shows them)`;
  return `Your account settings need ${need}, which the All Campus Users group gives. Ask your district's system administrator to add you to that group. Signing out, signing out your other sessions and setting up an authenticator still work.`;
}

/** The Student Information System role includes the narrower SIS Group Assignment role. */
export function holdsRole(actor: Pick<Actor, "productSecurityRole">, role: RoleNeeded): boolean {
  if (actor.productSecurityRole === "student-information-system") return true;
  return role === "sis-group-assignment" && actor.productSecurityRole === "sis-group-assignment";
}

const CHANGING: Record<AdminPower, string> = {
  rights: "Changing tool rights or calendar rights",
  membership: "Adding or removing group members",
  roles: "Changing a user's product security role",
  accounts: "Unlocking, creating or disabling user accounts",
  preferences: "Changing the Account Security Preferences",
};

function roleRequired(role: RoleNeeded, power: AdminPower | undefined, actor: Actor): AppError {
  const what = power ? CHANGING[power] : "This";
  const detail = { requiredRole: role, yourRole: actor.productSecurityRole };
  if (role === "sis-group-assignment") {
    return forbidden(
      "product-security-role-required",
      `${what} needs a product security role on your account: Student Information System, or SIS Group Assignment. Ask a district system administrator who holds one.`,
      detail,
    );
  }
  const prefix = actor.productSecurityRole === "sis-group-assignment" ? "Your SIS Group Assignment role lets you change group membership only. " : "";
  return forbidden(
    "product-security-role-required",
    `${prefix}${what} needs the Student Information System product security role on your account. Ask a district system administrator who holds it.`,
    detail,
  );
}

export function tokenScopeMissing(scope: string): AppError {
  return forbidden("token-scope-missing", `This API token does not carry the ${scope} scope this route needs. Create a token with that scope on the Security > API tokens screen.`, { requiredScope: scope });
}
