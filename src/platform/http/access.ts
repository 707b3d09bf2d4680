import type { RightLetter } from "./actor.js";

/** The Product Security Roles a route can require (DESIGN.md); "none" is never required. */
export type RoleNeeded = "student-information-system" | "sis-group-assignment";

/**
 * The administrative power a route exercises. A route that changes any of these must say so
 * and must require a role: DESIGN.md gives these powers to role holders only, whatever tool
 * rights someone else holds.
 */
export type AdminPower = "rights" | "membership" | "roles" | "accounts" | "preferences";

export type AdminDeclaration = { administers: AdminPower; role: RoleNeeded };

/**
 * What a route needs before its handler runs. Every route must declare one (server.ts refuses
 * a route without): a tool right, or an explicit marker saying why it needs none. A tool route
 * that administers something also names the role it needs; the request hook enforces both and
 * /api/me/capabilities reports both, so the server's answer and the web app's "View only" come
 * from this one declaration.
 */
export type Access =
  | { kind: "public" }
  | { kind: "session" }
  | { kind: "authenticated" }
  /** Vendor staff hold no district roles; `administers` marks vendor-side account powers. */
  | { kind: "vendor"; administers?: AdminPower }
  /** SCIM provisioning: only an API token with the `scim` scope, never a session. */
  | { kind: "scim" }
  /**
   * One of the person's own tools (the seed's All Campus Users group: Account Setting). A
   * district user needs the right; vendor staff and Product Security Role holders always pass.
   * Refused with 403 and why, not 404: the page is there for everyone, only the right is missing.
   */
  | { kind: "own"; tool: OwnTool; right: RightLetter }
  | ({ kind: "tool"; tool: string; right: RightLetter } & Partial<AdminDeclaration>);

/** The seed's All Campus Users tools that guard a route of the person's own (My Data is a plain tool route). */
export type OwnTool = "Account Setting";

export const access = {
  public: (): Access => ({ kind: "public" }),
  /** Any session, even one still waiting for its MFA code (the MFA and sign-out routes). */
  session: (): Access => ({ kind: "session" }),
  authenticated: (): Access => ({ kind: "authenticated" }),
  vendor: (admin?: { administers: AdminPower }): Access => ({ kind: "vendor", ...admin }),
  tool: (tool: string, right: RightLetter, admin?: AdminDeclaration): Access => ({ kind: "tool", tool, right, ...admin }),
  scim: (): Access => ({ kind: "scim" }),
  own: (tool: OwnTool, right: RightLetter): Access => ({ kind: "own", tool, right }),
};

export function describeAccess(a: Access): string {
  if (a.kind === "own") return `${a.right} on ${a.tool} (own account; vendor staff and role holders pass)`;
  if (a.kind !== "tool") return a.kind;
  return `${a.right} on ${a.tool}${a.role ? ` with the ${a.role} role` : ""}`;
}

/** Tools whose changes are administrative powers by nature: a write on them must declare one. */
const ADMINISTRATIVE_TOOL_ROOT = "System Administration > User Security";
const SAFE_METHODS = ["GET", "HEAD", "OPTIONS"];

/**
 * Refuses, at registration, a declaration that could let an administrative change through
 * without a role: `administers` without a role (or with a role too narrow for the power), and a
 * writing route on a User Security tool that does not say what it administers.
 */
export function declarationProblem(methods: string[], url: string, a: Access): string | null {
  const route = `${methods.join(",")} ${url}`;
  if (a.kind !== "tool") return null;
  if (a.administers && !a.role) return `${route} administers ${a.administers} but declares no Product Security Role.`;
  if (a.administers && a.administers !== "membership" && a.role !== "student-information-system") {
    return `${route} administers ${a.administers}, which needs the student-information-system role, not ${a.role}.`;
  }
  const writes = methods.some((m) => !SAFE_METHODS.includes(m)) && a.right !== "R";
  if (writes && a.tool.startsWith(ADMINISTRATIVE_TOOL_ROOT) && !a.administers) {
    return `${route} changes a User Security tool (${a.right} on ${a.tool}) without declaring what it administers and the role it needs; add { administers, role } to access.tool.`;
  }
  return null;
}
