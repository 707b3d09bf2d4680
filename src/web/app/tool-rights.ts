import { useQuery } from "@tanstack/react-query";
import { api } from "../api.js";
import type { Me } from "./auth-context.js";
import type { FeatureNav } from "./feature-routes.js";

/** Effective rights per tool path: "", "R", "RW", "RWA" or "RWAD". */
export type ToolRights = Record<string, string>;

async function fetchToolRights(): Promise<ToolRights | null> {
  try {
    const { tools } = await api.get<{ tools: ToolRights }>("/api/me/tools");
    return tools;
  } catch {
    // No answer (or no such endpoint on this server): navigation falls back to showing every item.
    return null;
  }
}

/** The signed-in district user's rights per tool, or null when they are not known. */
export function useToolRights(enabled: boolean) {
  return useQuery({ queryKey: ["auth", "me", "tools"], queryFn: fetchToolRights, enabled, staleTime: 30_000, retry: false });
}

/** Does this nav item belong in this user's navigation? */
export function canSeeNav(nav: FeatureNav, me: Me, rights: ToolRights | null | undefined): boolean {
  const kind = me.user.kind;
  if (nav.audience !== "all" && nav.audience !== kind) return false;
  if (kind !== "district" || !rights) return true;
  const tools = [...(nav.tool ? [nav.tool] : []), ...(nav.anyTool ?? [])];
  return tools.length === 0 || tools.some((t) => (rights[t] ?? "").includes("R"));
}
