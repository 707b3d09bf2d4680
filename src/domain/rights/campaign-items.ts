/**
 * What an access review campaign asks reviewers about: for a scope (the protected areas, one
 * group, the holders of a tool, individual rights, everything), each person's access through
 * each source — a group membership, their individual rights, or the SIS role — with the rights.
 */
import { protectedAreaPaths } from "./protected-areas.js";
import type { Catalog } from "./catalog.js";
import type { CompiledDistrict } from "./compile-district.js";
import { isActiveAt, type DistrictModel } from "./model.js";
import { whoHasAccess, type AccessVia } from "./who-has-access.js";

export type CampaignScopeRule =
  | { kind: "protected" }
  | { kind: "group"; groupId: string }
  | { kind: "tool"; toolPath: string }
  | { kind: "individual" }
  | { kind: "everything" };

export type CampaignAccess = {
  userId: string;
  source: "group" | "individual" | "role";
  groupId: string | null;
  groupName: string | null;
  /** each right in scope with `why`: the grant path as explain finds it (source, entry, inheritance, membership window) */
  rights: { path: string; rights: string; why: string }[];
};

const day = (d: Date) => d.toISOString().slice(0, 10);
const untilText = (m: { until?: Date } | undefined) => (m?.until ? `, membership until ${day(m.until)}` : "");
const ROLE_WHY = "Student Information System role: RWAD on every tool and calendar; denies do not apply";

/** The grant path of one right, in the words of explain: "member of Nurses → entry on Student Information > Health (inherited)". */
function whyOf(path: string, via: AccessVia, membership?: { until?: Date }): string {
  if (via.kind === "role") return ROLE_WHY;
  const entry = via.entryPath === path ? `entry on this tool` : `entry on ${via.entryPath} (inherited)`;
  return via.kind === "group" ? `member of "${via.groupName}"${untilText(membership)} → ${entry}: ${via.rights}` : `individual rights → ${entry}: ${via.rights}`;
}

const entryRights = (entries: { toolPath: string; rights: string; deny?: boolean; until?: Date }[], why: string) =>
  entries.map((e) => ({ path: e.toolPath, rights: e.deny ? "deny" : e.rights === "" ? "none" : e.rights, why: `${why} → entry on this tool${e.until ? ` until ${day(e.until)}` : ""}` }));

/** Holders of the tools, one item per (person, source), the tools it gives listed together. */
function holdersOf(catalog: Catalog, compiled: CompiledDistrict, paths: string[], asOf: Date): CampaignAccess[] {
  const byKey = new Map<string, CampaignAccess>();
  const users = new Map(compiled.model.users.map((u) => [u.id, u]));
  const membershipOf = (userId: string, groupId: string) => users.get(userId)?.memberships.find((m) => m.groupId === groupId && isActiveAt(m, asOf));
  for (const path of paths) {
    for (const h of whoHasAccess(catalog, compiled, path, "R", { asOf })) {
      for (const via of h.via) {
        const source = via.kind === "group" ? "group" : via.kind === "user" ? "individual" : "role";
        const groupId = via.kind === "group" ? via.groupId : null;
        const key = `${h.userId}|${source}|${groupId ?? ""}`;
        const item = byKey.get(key) ?? { userId: h.userId, source, groupId, groupName: via.kind === "group" ? via.groupName : null, rights: [] };
        item.rights.push({ path, rights: via.kind === "role" ? "RWAD" : via.rights, why: whyOf(path, via, groupId ? membershipOf(h.userId, groupId) : undefined) });
        byKey.set(key, item);
      }
    }
  }
  return [...byKey.values()];
}

function memberships(model: DistrictModel, asOf: Date, onlyGroup?: string): CampaignAccess[] {
  const groups = new Map(model.groups.map((g) => [g.id, g]));
  const out: CampaignAccess[] = [];
  for (const u of model.users) {
    const seen = new Set<string>();
    for (const m of u.memberships) {
      if ((onlyGroup && m.groupId !== onlyGroup) || seen.has(m.groupId) || !isActiveAt(m, asOf)) continue;
      seen.add(m.groupId);
      const g = groups.get(m.groupId);
      if (g) out.push({ userId: u.id, source: "group", groupId: g.id, groupName: g.name, rights: entryRights(g.entries, `member of "${g.name}"${untilText(m)}`) });
    }
  }
  return out;
}

function individualRights(model: DistrictModel): CampaignAccess[] {
  return model.users.filter((u) => u.entries.length > 0).map((u) => ({ userId: u.id, source: "individual" as const, groupId: null, groupName: null, rights: entryRights(u.entries, "individual rights") }));
}

export function campaignAccess(catalog: Catalog, compiled: CompiledDistrict, scope: CampaignScopeRule, asOf: Date): CampaignAccess[] {
  const { model } = compiled;
  switch (scope.kind) {
    case "protected":
      return holdersOf(catalog, compiled, protectedAreaPaths(catalog, compiled.model.protectedTools), asOf);
    case "tool":
      return holdersOf(catalog, compiled, [scope.toolPath], asOf);
    case "group":
      return memberships(model, asOf, scope.groupId);
    case "individual":
      return individualRights(model);
    case "everything":
      return [
        ...memberships(model, asOf),
        ...individualRights(model),
        ...model.users.filter((u) => u.productSecurityRole === "student-information-system").map((u) => ({ userId: u.id, source: "role" as const, groupId: null, groupName: null, rights: [{ path: "every tool", rights: "RWAD", why: ROLE_WHY }] })),
      ];
  }
}
