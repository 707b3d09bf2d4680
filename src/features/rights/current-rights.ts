import { getCatalog } from "../../domain/rights/catalog.js";
import { compileDistrict, type CompiledDistrict } from "../../domain/rights/compile-district.js";
import type { DistrictModel } from "../../domain/rights/model.js";
import type { DistrictScope } from "../../platform/db/tenancy.js";
import type { AppDeps } from "../../platform/deps.js";
import { loadDistrictModel } from "./repo-model.js";
import type { RightsCache } from "./rights-cache.js";

/**
 * The district's compiled rights now: from the server's cache when the app runs with the
 * engine-backed provider, else compiled from the database for this one request.
 */
export async function currentCompiled(deps: AppDeps, scope: DistrictScope): Promise<CompiledDistrict> {
  const cache = deps.rights as Partial<RightsCache>;
  if (typeof cache.compiledFor === "function") return cache.compiledFor(scope);
  return compileDistrict(getCatalog(), await loadDistrictModel(deps.database.db, scope), deps.clock.now());
}

/** A copy of the model with one group's entries (and optionally grants) replaced. */
export function withGroupChanged(model: DistrictModel, groupId: string, change: Partial<Pick<DistrictModel["groups"][number], "entries" | "calendarGrants">>): DistrictModel {
  return { ...model, groups: model.groups.map((g) => (g.id === groupId ? { ...g, ...change } : g)) };
}

/** A copy of the model without a group (and without memberships in it). */
export function withoutGroup(model: DistrictModel, groupId: string): DistrictModel {
  return {
    groups: model.groups.filter((g) => g.id !== groupId),
    users: model.users.map((u) => (u.memberships.some((m) => m.groupId === groupId) ? { ...u, memberships: u.memberships.filter((m) => m.groupId !== groupId) } : u)),
  };
}
