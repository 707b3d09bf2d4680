/**
 * What an access review campaign asks reviewers about: for a scope (the protected areas, one
 * group, the holders of a tool, individual rights, everything), each person's access through
 * each source — a group membership, their individual rights, or the SIS role — with the rights.
 */
import type { Catalog } from "./catalog.js";
import type { CompiledDistrict } from "./compile-district.js";
import { isActiveAt, type DistrictModel } from "./model.js";
import { whoHasAccess } from "./who-has-access.js";

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
  rights: { path: string; rights: string }[];
};

/** The seed's protected areas: protected nodes whose parent is not protected (the subtrees inherit). */
export function protectedAreaPaths(catalog: Catalog): string[] {
  return catalog.nodes.filter((n) => n.federallyProtected && (n.parentIndex === null || !catalog.nodes[n.parentIndex]!.federallyProtected)).map((n) => n.path);
}

const entryRights = (entries: { toolPath: string; rights: string; deny?: boolean }[]) =>
  entries.map((e) => ({ path: e.toolPath, rights: e.deny ? "deny" : e.rights === "" ? "none" : e.rights }));

/** Holders of the tools, one item per (person, source), the tools it gives listed together. */
function holdersOf(catalog: Catalog, compiled: CompiledDistrict, paths: string[], asOf: Date): CampaignAccess[] {
  const byKey = new Map<string, CampaignAccess>();
  for (const path of paths) {
    for (const h of whoHasAccess(catalog, compiled, path, "R", { asOf })) {
      for (const via of h.via) {
        const source = via.kind === "group" ? "group" : via.kind === "user" ? "individual" : "role";
        const groupId = via.kind === "group" ? via.groupId : null;
        const key = `${h.userId}|${source}|${groupId ?? ""}`;
        const item = byKey.get(key) ?? { userId: h.userId, source, groupId, groupName: via.kind === "group" ? via.groupName : null, rights: [] };
        item.rights.push({ path, rights: via.kind === "role" ? "RWAD" : via.rights });
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
      if (g) out.push({ userId: u.id, source: "group", groupId: g.id, groupName: g.name, rights: entryRights(g.entries) });
    }
  }
  return out;
}

function individualRights(model: DistrictModel): CampaignAccess[] {
  return model.users.filter((u) => u.entries.length > 0).map((u) => ({ userId: u.id, source: "individual" as const, groupId: null, groupName: null, rights: entryRights(u.entries) }));
}

export function campaignAccess(catalog: Catalog, compiled: CompiledDistrict, scope: CampaignScopeRule, asOf: Date): CampaignAccess[] {
  const { model } = compiled;
  switch (scope.kind) {
    case "protected":
      return holdersOf(catalog, compiled, protectedAreaPaths(catalog), asOf);
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
        ...model.users.filter((u) => u.productSecurityRole === "student-information-system").map((u) => ({ userId: u.id, source: "role" as const, groupId: null, groupName: null, rights: [{ path: "every tool", rights: "RWAD" }] })),
      ];
  }
}
