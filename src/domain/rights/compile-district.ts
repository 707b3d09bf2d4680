/**
 * Compiled form: one Uint8Array of rights levels per user, indexed by catalog node index,
 * valid for every instant in [validFrom, validUntil). A check is an array read plus a
 * calendar cap; anything outside the window goes through the direct evaluation.
 */
import { resolveNodeIndex, type Catalog } from "./catalog.js";
import { activeCalendarGrants, type GranteeRef } from "./explain-right.js";
import { isActiveAt, type CalendarGrant, type DistrictModel, type RightEntry, type TimeBounds, type UserModel } from "./model.js";
import { levelOfRights } from "./rights.js";

export type CompiledGrant = CalendarGrant & { source: GranteeRef };

export interface CompiledDistrict {
  catalog: Catalog;
  model: DistrictModel;
  asOf: Date;
  /** earliest instant the arrays are valid for (null: since ever) */
  validFrom: Date | null;
  /** first instant they are no longer valid: recompile then (null: never) */
  validUntil: Date | null;
  userIds: string[];
  userIndex: Map<string, number>;
  /** per user: rights level per catalog node, deny and role already applied */
  levels: Uint8Array[];
  /** per user: active calendar grants (own and active groups') */
  grants: CompiledGrant[][];
  /** per user: holds the student-information-system role (no calendar cap) */
  sisRole: boolean[];
  /** group id → indices of users with any membership in it, active or not */
  groupMembers: Map<string, Set<number>>;
}

interface CompiledGrantee {
  levels: Uint8Array;
  /** null when the grantee has no active deny */
  deny: Uint8Array | null;
}

/** Nearest-entry inheritance for one grantee at asOf, in one preorder pass. */
export function compileGrantee(catalog: Catalog, entries: RightEntry[], asOf: Date): CompiledGrantee {
  const n = catalog.nodes.length;
  // 255 = no entry on this node
  const own = new Uint8Array(n).fill(255);
  let ownDeny: Uint8Array | null = null;
  for (const e of entries) {
    const idx = resolveNodeIndex(catalog, e.toolPath);
    if (!isActiveAt(e, asOf)) continue;
    if (e.deny) {
      ownDeny ??= new Uint8Array(n);
      ownDeny[idx] = 1;
      continue;
    }
    const l = levelOfRights(e.rights);
    const cur = own[idx]!;
    if (cur === 255 || l > cur) own[idx] = l;
  }
  const levels = new Uint8Array(n);
  const nodes = catalog.nodes;
  for (let i = 0; i < n; i++) {
    const o = own[i]!;
    if (o !== 255) levels[i] = o;
    else {
      const p = nodes[i]!.parentIndex;
      levels[i] = p === null ? 0 : levels[p]!;
    }
    if (ownDeny && ownDeny[i] === 0) {
      const p = nodes[i]!.parentIndex;
      if (p !== null && ownDeny[p] === 1) ownDeny[i] = 1;
    }
  }
  return { levels, deny: ownDeny };
}

type GranteeCache = Map<string, CompiledGrantee>;

function compiledGroup(catalog: Catalog, model: DistrictModel, groupId: string, asOf: Date, cache: GranteeCache) {
  let c = cache.get(groupId);
  if (!c) {
    const g = model.groups.find((x) => x.id === groupId);
    c = compileGrantee(catalog, g ? g.entries : [], asOf);
    cache.set(groupId, c);
  }
  return c;
}

function compileUser(catalog: Catalog, model: DistrictModel, user: UserModel, asOf: Date, cache: GranteeCache) {
  const n = catalog.nodes.length;
  const out = new Uint8Array(n);
  if (user.productSecurityRole === "student-information-system") {
    out.fill(4);
    return { levels: out, grants: [] as CompiledGrant[] };
  }
  let deny: Uint8Array | null = null;
  const sources: CompiledGrantee[] = [];
  const seen = new Set<string>();
  for (const m of user.memberships) {
    if (seen.has(m.groupId) || !isActiveAt(m, asOf)) continue;
    seen.add(m.groupId);
    sources.push(compiledGroup(catalog, model, m.groupId, asOf, cache));
  }
  if (user.entries.length > 0) sources.push(compileGrantee(catalog, user.entries, asOf));
  for (const s of sources) {
    const l = s.levels;
    for (let i = 0; i < n; i++) if (l[i]! > out[i]!) out[i] = l[i]!;
    if (s.deny) {
      deny ??= new Uint8Array(n);
      for (let i = 0; i < n; i++) deny[i]! |= s.deny[i]!;
    }
  }
  if (deny) for (let i = 0; i < n; i++) if (deny[i]) out[i] = 0;
  return { levels: out, grants: activeCalendarGrants(model, user, asOf) };
}

function pushBounds(b: TimeBounds, into: number[]): void {
  if (b.from) into.push(b.from.getTime());
  if (b.until) into.push(b.until.getTime());
}

/** Every time bound that can change this user's answers. */
function userBoundaries(model: DistrictModel, user: UserModel, groupsById: Map<string, DistrictModel["groups"][number]>): number[] {
  const out: number[] = [];
  for (const e of user.entries) pushBounds(e, out);
  for (const g of user.calendarGrants) pushBounds(g, out);
  for (const m of user.memberships) {
    pushBounds(m, out);
    const group = groupsById.get(m.groupId);
    if (!group) continue;
    for (const e of group.entries) pushBounds(e, out);
    for (const g of group.calendarGrants) pushBounds(g, out);
  }
  return out;
}

function windowAround(times: number[], asOf: Date): { from: number; until: number } {
  const t = asOf.getTime();
  let from = -Infinity;
  let until = Infinity;
  for (const x of times) {
    if (x <= t) from = Math.max(from, x);
    else until = Math.min(until, x);
  }
  return { from, until };
}

const toDate = (t: number): Date | null => (Number.isFinite(t) ? new Date(t) : null);

export function compileDistrict(catalog: Catalog, model: DistrictModel, asOf: Date = new Date()): CompiledDistrict {
  const cache: GranteeCache = new Map();
  const groupsById = new Map(model.groups.map((g) => [g.id, g]));
  const compiled: CompiledDistrict = {
    catalog,
    model,
    asOf,
    validFrom: null,
    validUntil: null,
    userIds: [],
    userIndex: new Map(),
    levels: [],
    grants: [],
    sisRole: [],
    groupMembers: new Map(),
  };
  let from = -Infinity;
  let until = Infinity;
  for (const user of model.users) {
    const idx = compiled.userIds.length;
    const c = compileUser(catalog, model, user, asOf, cache);
    compiled.userIds.push(user.id);
    compiled.userIndex.set(user.id, idx);
    compiled.levels.push(c.levels);
    compiled.grants.push(c.grants);
    compiled.sisRole.push(user.productSecurityRole === "student-information-system");
    for (const m of user.memberships) addMember(compiled.groupMembers, m.groupId, idx);
    const w = windowAround(userBoundaries(model, user, groupsById), asOf);
    from = Math.max(from, w.from);
    until = Math.min(until, w.until);
  }
  compiled.validFrom = toDate(from);
  compiled.validUntil = toDate(until);
  return compiled;
}

function addMember(map: Map<string, Set<number>>, groupId: string, idx: number): void {
  let s = map.get(groupId);
  if (!s) map.set(groupId, (s = new Set()));
  s.add(idx);
}

/**
 * Recomputes only the given users against a new model snapshot; returns a new compiled
 * district sharing the untouched arrays (readers of the old one are not disturbed).
 */
function recompileUsers(compiled: CompiledDistrict, model: DistrictModel, userIds: Iterable<string>): CompiledDistrict {
  const { catalog, asOf } = compiled;
  const next: CompiledDistrict = {
    ...compiled,
    model,
    userIds: compiled.userIds.slice(),
    userIndex: new Map(compiled.userIndex),
    levels: compiled.levels.slice(),
    grants: compiled.grants.slice(),
    sisRole: compiled.sisRole.slice(),
    // copy-on-write: only the member sets this recompile touches are cloned
    groupMembers: new Map(compiled.groupMembers),
  };
  const cloned = new Set<string>();
  const members = (groupId: string): Set<number> => {
    if (!cloned.has(groupId)) {
      cloned.add(groupId);
      next.groupMembers.set(groupId, new Set(next.groupMembers.get(groupId)));
    }
    return next.groupMembers.get(groupId)!;
  };
  const oldUsers = new Map(compiled.model.users.map((u) => [u.id, u]));
  const cache: GranteeCache = new Map();
  const groupsById = new Map(model.groups.map((g) => [g.id, g]));
  const usersById = new Map(model.users.map((u) => [u.id, u]));
  let from = compiled.validFrom ? compiled.validFrom.getTime() : -Infinity;
  let until = compiled.validUntil ? compiled.validUntil.getTime() : Infinity;
  for (const userId of new Set(userIds)) {
    const user = usersById.get(userId);
    let idx = next.userIndex.get(userId);
    if (idx !== undefined) for (const m of oldUsers.get(userId)?.memberships ?? []) members(m.groupId).delete(idx);
    if (!user) {
      // removed user: nothing left to read, keep indices of everyone else stable
      if (idx !== undefined) {
        next.levels[idx] = new Uint8Array(catalog.nodes.length);
        next.grants[idx] = [];
        next.sisRole[idx] = false;
        next.userIndex.delete(userId);
      }
      continue;
    }
    if (idx === undefined) {
      idx = next.userIds.length;
      next.userIds.push(userId);
      next.userIndex.set(userId, idx);
    }
    const c = compileUser(catalog, model, user, asOf, cache);
    next.levels[idx] = c.levels;
    next.grants[idx] = c.grants;
    next.sisRole[idx] = user.productSecurityRole === "student-information-system";
    for (const m of user.memberships) members(m.groupId).add(idx);
    // narrowing the window is always safe; widening it would need a full scan
    const w = windowAround(userBoundaries(model, user, groupsById), asOf);
    from = Math.max(from, w.from);
    until = Math.min(until, w.until);
  }
  next.validFrom = toDate(from);
  next.validUntil = toDate(until);
  return next;
}

/** After a change to one group (entries, grants, or its memberships): recompute its members only. */
export function recompileForGroup(compiled: CompiledDistrict, model: DistrictModel, groupId: string): CompiledDistrict {
  const affected = new Set<string>();
  for (const idx of compiled.groupMembers.get(groupId) ?? []) affected.add(compiled.userIds[idx]!);
  for (const u of model.users) if (u.memberships.some((m) => m.groupId === groupId)) affected.add(u.id);
  return recompileUsers(compiled, model, affected);
}

/** After a change to one user (role, memberships, own entries or grants, added or removed). */
export function recompileForUser(compiled: CompiledDistrict, model: DistrictModel, userId: string): CompiledDistrict {
  return recompileUsers(compiled, model, [userId]);
}

