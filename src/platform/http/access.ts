import type { RightLetter } from "./actor.js";

/**
 * What a route needs before its handler runs. Every route must declare one (see
 * register-access.ts): a tool right, or an explicit marker saying why it needs none.
 */
export type Access =
  | { kind: "public" }
  | { kind: "session" }
  | { kind: "authenticated" }
  | { kind: "vendor" }
  | { kind: "tool"; tool: string; right: RightLetter };

export const access = {
  public: (): Access => ({ kind: "public" }),
  /** Any session, even one still waiting for its MFA code (the MFA and sign-out routes). */
  session: (): Access => ({ kind: "session" }),
  authenticated: (): Access => ({ kind: "authenticated" }),
  vendor: (): Access => ({ kind: "vendor" }),
  tool: (tool: string, right: RightLetter): Access => ({ kind: "tool", tool, right }),
};

export function describeAccess(a: Access): string {
  return a.kind === "tool" ? `${a.right} on ${a.tool}` : a.kind;
}
