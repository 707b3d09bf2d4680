import { getCatalog, type Catalog } from "../../domain/rights/catalog.js";
import { isWithinWindow } from "../../domain/rights/check-right.js";
import { compileDistrict, recompileForChanges, recompileForUser, type CompiledDistrict } from "../../domain/rights/compile-district.js";
import { systemClock, type Clock } from "../../platform/clock.js";
import type { Database } from "../../platform/db/connect.js";
import type { DistrictScope } from "../../platform/db/tenancy.js";
import type { RightsProvider } from "../../platform/deps.js";
import { fullRights, roleOnlyRights } from "../../platform/role-rights.js";
import { districtProtection } from "./compiled-view.js";
import { syncToolCatalog } from "./catalog-sync.js";
import { compiledView } from "./compiled-view.js";
import { loadDistrictModel, reloadPartOfModel } from "./repo-model.js";
import { readChangesSince, readRightsVersion } from "./rights-version.js";
import { reportRightsCompiled } from "../../platform/metrics/events.js";

/** Past this many changed groups/users since the cached version a full compile is cheaper. */
const MAX_INCREMENTAL_TARGETS = 200;

type Cached = { version: number; compiled: CompiledDistrict };

export type RightsCache = RightsProvider & {
  /**
   * The district's compiled rights, current as of this call: reads the rights version unless the
   * caller read it just now (the session lookup does, in the same statement).
   */
  compiledFor(scope: DistrictScope, knownVersion?: number): Promise<CompiledDistrict>;
};

/**
 * Compiled rights per district, kept per server process. Each call reads the district's rights
 * version (one primary-key lookup); when another server (or this one) changed rights since,
 * only the groups and users named in rights_changes are re-read and recompiled. A full compile
 * happens on first use, after a district-wide change, and when a time bound passes.
 */
export function createRightsCache(database: Database, clock: Clock = systemClock, catalog: Catalog = getCatalog()): RightsCache {
  const { db } = database;
  const cache = new Map<string, Cached>();
  const inFlight = new Map<string, Promise<Cached>>();
  let catalogSynced: Promise<unknown> | null = null;

  async function build(scope: DistrictScope, version: number, previous: Cached | undefined, now: Date): Promise<Cached> {
    const started = performance.now();
    const done = (kind: "full" | "incremental", cached: Cached): Cached => {
      reportRightsCompiled({ kind, seconds: (performance.now() - started) / 1000 });
      return cached;
    };
    if (previous && previous.version <= version && isWithinWindow(previous.compiled, now)) {
      const changes = version === previous.version ? [] : await readChangesSince(db, scope, previous.version, version);
      const groups = changes.filter((c) => c.kind === "group").map((c) => c.targetId);
      const users = changes.filter((c) => c.kind === "user").map((c) => c.targetId);
      if (!changes.some((c) => c.kind === "district") && groups.length + users.length <= MAX_INCREMENTAL_TARGETS) {
        const model = await reloadPartOfModel(db, scope, previous.compiled.model, { groupIds: groups, userIds: users }, catalog);
        const compiled = groups.length + users.length > 0 ? recompileForChanges(previous.compiled, model, { groupIds: groups, userIds: users }) : { ...previous.compiled, model };
        return done("incremental", { version, compiled });
      }
    }
    return done("full", { version, compiled: compileDistrict(catalog, await loadDistrictModel(db, scope, catalog), now) });
  }

  async function compiledFor(scope: DistrictScope, knownVersion?: number): Promise<CompiledDistrict> {
    // a failed sync (database briefly away) is tried again by the next request
    catalogSynced ??= syncToolCatalog(db, catalog).catch((error: unknown) => {
      catalogSynced = null;
      throw error;
    });
    await catalogSynced;
    // Read the version before the rows: a change landing in between is then re-read next time.
    const version = knownVersion ?? (await readRightsVersion(db, scope));
    const now = clock.now();
    const cached = cache.get(scope.districtId);
    if (cached && cached.version === version && isWithinWindow(cached.compiled, now)) return cached.compiled;
    const running = inFlight.get(scope.districtId);
    if (running) {
      const done = await running;
      if (done.version >= version && isWithinWindow(done.compiled, now)) return done.compiled;
    }
    const work = build(scope, version, cached, now);
    inFlight.set(scope.districtId, work);
    try {
      const fresh = await work;
      const latest = cache.get(scope.districtId);
      if (!latest || latest.version <= fresh.version) cache.set(scope.districtId, fresh);
      return fresh.compiled;
    } finally {
      if (inFlight.get(scope.districtId) === work) inFlight.delete(scope.districtId);
    }
  }

  /** A user created after the last compile (user creation does not move the rights version). */
  async function withUser(scope: DistrictScope, compiled: CompiledDistrict, userId: string): Promise<CompiledDistrict> {
    if (compiled.userIndex.has(userId)) return compiled;
    const model = await reloadPartOfModel(db, scope, compiled.model, { userIds: [userId] }, catalog);
    const next = recompileForUser(compiled, model, userId);
    const cached = cache.get(scope.districtId);
    if (cached && cached.compiled === compiled) cache.set(scope.districtId, { version: cached.version, compiled: next });
    return next;
  }

  return {
    compiledFor,
    async viewFor(user, rightsVersion) {
      if (user.kind !== "district" || !user.districtId) return roleOnlyRights.viewFor(user);
      const scope = { districtId: user.districtId };
      // the role gives every right, but which tools are protected is still the district's
      if (user.productSecurityRole === "student-information-system") return fullRights(districtProtection(await compiledFor(scope, rightsVersion)));
      const compiled = await withUser(scope, await compiledFor(scope, rightsVersion), user.id);
      const idx = compiled.userIndex.get(user.id);
      if (idx === undefined) return roleOnlyRights.viewFor(user);
      return compiledView(compiled, idx);
    },
  };
}

export { compiledView } from "./compiled-view.js";
