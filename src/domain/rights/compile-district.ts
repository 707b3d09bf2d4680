/**
 * Compiled form: one flat Uint8Array with a row per user — their rights level per catalog
 * node, then their cap in each of the first calendars checked — valid for every instant in
 * [validFrom, validUntil). A check is one read in the row plus, for a calendar-scoped tool,
 * one read of the cap a few bytes further on (see calendar-caps.ts); anything outside the
 * window goes through the direct evaluation. A recompile shares the buffer and writes only its
 * changed users' rows, in free rows (row-store.ts).
 */
import { resolveNodeIndex, type Catalog } from "./catalog.js";
import type { GranteeRef } from "./explain-right.js";
import { isActiveAt, type CalendarGrant, type CalendarRef, type DistrictModel, type GroupModel, type RightEntry, type TimeBounds, type UserModel } from "./model.js";
import { protectedNodesOf } from "./protected-areas.js";
import { levelOfRights } from "./rights.js";
import { newRowStore, rowsForRecompile, type RowStore } from "./row-store.js";

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
  /** the user model each index was compiled from (undefined: removed user) */
  users: (UserModel | undefined)[];
  /** bytes per row in `rows`: the levels, then ROW_CAP_SLOTS calendar caps */
  stride: number;
  /** where the caps start in a row: the node count rounded up to a multiple of 4 */
  capOffset: number;
  /**
   * With r = rowAt[u], user u's level on node n is rows[r + n] (deny and role already applied);
   * their cap in calendar slot s < ROW_CAP_SLOTS is rows[r + capOffset + s]. The buffer is shared
   * with other versions: only the rows this version's rowAt points to are its own to read.
   */
  rows: Uint8Array;
  /** user index → where their row starts in `rows` (after a full compile, u * stride) */
  rowAt: Int32Array;
  /** the shared buffer's free space, for recompiles (row-store.ts) */
  store: RowStore;
  /** 1 where the node is calendar-scoped (a calendar caps it) */
  calendarScoped: Uint8Array;
  /** 1 where the node is protected: the seed's list and what the district marked (protected-areas.ts) */
  protectedNodes: Uint8Array;
  /** per user: active calendar grants (own and active groups'), shared between users where possible */
  grants: CompiledGrant[][];
  /** per user: 1 when they hold the student-information-system role (no calendar cap) */
  sisRole: Uint8Array;
  /** group id → indices of users with any membership in it, active or not */
  groupMembers: Map<string, readonly number[]>;
  /** per calendar, every user's cap there; filled on first use (calendar-caps.ts) */
  calendarCaps: CalendarCapTable;
}

export type CalendarSlot = CalendarRef & { slot: number };

/**
 * Calendar name → the calendars of that name, each with its slot; each slot's cap per user
 * index. Slots and keys may be shared by successive compiles (a slot's calendar never changes);
 * caps are each compile's own.
 */
export interface CalendarCapTable {
  slots: Map<string, CalendarSlot[]>;
  keys: CalendarSlot[];
  /** slots below ROW_CAP_SLOTS whose caps are filled in the rows */
  inRow: boolean[];
  /** caps of the slots past ROW_CAP_SLOTS, one array per slot */
  caps: Uint8Array[];
}

/** Calendars whose caps live in each user's row (a district has a few dozen). */
export const ROW_CAP_SLOTS = 64;

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

/**
 * A grantee's row as one byte per node: its level as a "thermometer" code in the low nibble
 * (level L → its L low bits set: R=1, RW=3, RWA=7, RWAD=15) and bit 4 when a deny covers the
 * node. The union of several grantees is then a bitwise OR, four nodes per 32-bit word, and one
 * pass at the end clears denied nodes and turns each code back into its level (a popcount).
 */
const CODE_OF_LEVEL = [0, 1, 3, 7, 15];
const DENY_BIT = 0x10;

function granteeRow(catalog: Catalog, entries: RightEntry[], asOf: Date, levelBytes: number): Uint32Array | null {
  if (entries.length === 0) return null;
  const c = compileGrantee(catalog, entries, asOf);
  const row = new Uint8Array(levelBytes);
  let any = false;
  for (let i = 0; i < c.levels.length; i++) {
    const code = CODE_OF_LEVEL[c.levels[i]!]! | (c.deny?.[i] ? DENY_BIT : 0);
    if (code !== 0) (row[i] = code), (any = true);
  }
  return any ? new Uint32Array(row.buffer) : null;
}

/** Clears denied nodes and turns the codes of one word (four nodes) back into levels. */
function levelsOfCodes(x: number): number {
  const denied = (x >>> 4) & 0x01010101;
  x &= ~Math.imul(denied, 0xff) & 0x0f0f0f0f;
  x = x - ((x >>> 1) & 0x55555555);
  return (x & 0x33333333) + ((x >>> 2) & 0x33333333);
}

/** What one group contributes to each of its members, computed once per compile. */
interface CompiledGroup {
  /** null when the group gives nothing and denies nothing at asOf */
  row: Uint32Array | null;
  grants: CompiledGrant[];
  /** latest time bound at or before asOf, earliest after it (entries and grants) */
  from: number;
  until: number;
}

type Window = { from: number; until: number };

function widen(w: Window, b: TimeBounds, t: number): void {
  for (const x of [b.from, b.until]) {
    if (x === undefined) continue;
    const v = x.getTime();
    if (v <= t) {
      if (v > w.from) w.from = v;
    } else if (v < w.until) w.until = v;
  }
}

const compiledGroups = new WeakMap<GroupModel, { asOf: number; catalog: Catalog; group: CompiledGroup }>();

/** Compiles groups on first use only: an incremental recompile touches few of them. */
class GroupCompiler {
  private readonly byId: Map<string, GroupModel>;
  private readonly done = new Map<string, CompiledGroup | null>();
  constructor(
    private readonly catalog: Catalog,
    groups: GroupModel[],
    private readonly asOf: Date,
    private readonly levelBytes: number,
  ) {
    this.byId = groupsById(groups);
  }
  get(groupId: string): CompiledGroup | null {
    let c = this.done.get(groupId);
    if (c !== undefined) return c;
    const g = this.byId.get(groupId);
    c = g ? this.cached(g) : null;
    this.done.set(groupId, c);
    return c;
  }
  /** Models are immutable snapshots, so an unchanged group object compiles the same at the same instant. */
  private cached(g: GroupModel): CompiledGroup {
    const hit = compiledGroups.get(g);
    if (hit && hit.asOf === this.asOf.getTime() && hit.catalog === this.catalog) return hit.group;
    const group = this.compile(g);
    compiledGroups.set(g, { asOf: this.asOf.getTime(), catalog: this.catalog, group });
    return group;
  }
  private compile(g: GroupModel): CompiledGroup {
    const t = this.asOf.getTime();
    const w: Window = { from: -Infinity, until: Infinity };
    for (const e of g.entries) widen(w, e, t);
    const source: GranteeRef = { kind: "group", groupId: g.id, groupName: g.name };
    const grants: CompiledGrant[] = [];
    for (const cg of g.calendarGrants) {
      widen(w, cg, t);
      if (isActiveAt(cg, this.asOf)) grants.push({ ...cg, source });
    }
    return { row: granteeRow(this.catalog, g.entries, this.asOf, this.levelBytes), grants, from: w.from, until: w.until };
  }
}

const groupsCache = new WeakMap<GroupModel[], Map<string, GroupModel>>();

function groupsById(groups: GroupModel[]): Map<string, GroupModel> {
  let m = groupsCache.get(groups);
  if (!m || m.size !== groups.length) groupsCache.set(groups, (m = new Map(groups.map((g) => [g.id, g]))));
  return m;
}

const NO_GRANTS: CompiledGrant[] = [];

/** Scratch state reused across users of one compile. */
class UserCompiler {
  readonly words: number;
  private readonly active: CompiledGroup[] = [];
  constructor(
    readonly catalog: Catalog,
    readonly asOf: Date,
    readonly levelBytes: number,
    readonly groups: GroupCompiler,
  ) {
    this.words = levelBytes >> 2;
  }

  /** Writes the user's row into `out32` at word `base`; returns their grants and window. */
  compile(user: UserModel, out8: Uint8Array, out32: Uint32Array, base: number, w: Window): CompiledGrant[] {
    const t = this.asOf.getTime();
    for (const e of user.entries) widen(w, e, t);
    for (const g of user.calendarGrants) widen(w, g, t);
    const active = this.active;
    active.length = 0;
    for (const m of user.memberships) {
      widen(w, m, t);
      const g = this.groups.get(m.groupId);
      if (!g) continue;
      if (g.from > w.from) w.from = g.from;
      if (g.until < w.until) w.until = g.until;
      if (isActiveAt(m, this.asOf) && !active.includes(g)) active.push(g);
    }
    const words = this.words;
    if (user.productSecurityRole === "student-information-system") {
      out8.fill(4, base << 2, (base << 2) + this.catalog.nodes.length);
      return NO_GRANTS;
    }
    for (const g of active) {
      const row = g.row;
      if (row) for (let j = 0; j < words; j++) out32[base + j]! |= row[j]!;
    }
    const own = user.entries.length > 0 ? granteeRow(this.catalog, user.entries, this.asOf, this.levelBytes) : null;
    if (own) for (let j = 0; j < words; j++) out32[base + j]! |= own[j]!;
    for (let j = 0; j < words; j++) {
      const x = out32[base + j]!;
      if (x !== 0) out32[base + j] = levelsOfCodes(x);
    }
    return this.grantsOf(user, active);
  }

  private grantsOf(user: UserModel, active: CompiledGroup[]): CompiledGrant[] {
    let out: CompiledGrant[] | null = null;
    let only: CompiledGrant[] | null = null;
    for (const g of user.calendarGrants) {
      if (isActiveAt(g, this.asOf)) (out ??= []).push({ ...g, source: { kind: "user", username: user.username } });
    }
    for (const g of active) {
      if (g.grants.length === 0) continue;
      if (!out && !only) only = g.grants; // one group's grants alone: share its array
      else {
        out ??= only!.slice();
        only = null;
        out.push(...g.grants);
      }
    }
    return out ?? only ?? NO_GRANTS;
  }
}

/** Bytes of levels per row: the node count rounded up to whole 32-bit words. */
export const levelBytesOf = (catalog: Catalog): number => (catalog.nodes.length + 3) & ~3;

const scopedCache = new WeakMap<Catalog, Uint8Array>();

function calendarScopedOf(catalog: Catalog): Uint8Array {
  let s = scopedCache.get(catalog);
  if (!s) {
    s = new Uint8Array(levelBytesOf(catalog));
    for (const n of catalog.nodes) if (n.calendarScoped) s[n.index] = 1;
    scopedCache.set(catalog, s);
  }
  return s;
}

/** One user's row of levels (a view into the flat array, not a copy). */
export function userLevels(compiled: CompiledDistrict, userIdx: number): Uint8Array {
  const start = compiled.rowAt[userIdx]!;
  return compiled.rows.subarray(start, start + compiled.catalog.nodes.length);
}

const toDate = (t: number): Date | null => (Number.isFinite(t) ? new Date(t) : null);

export function compileDistrict(catalog: Catalog, model: DistrictModel, asOf: Date = new Date()): CompiledDistrict {
  const capOffset = levelBytesOf(catalog);
  const stride = capOffset + ROW_CAP_SLOTS;
  const n = model.users.length;
  const { store, rowAt } = newRowStore(n, stride);
  const levels = store.rows;
  const levels32 = new Uint32Array(levels.buffer);
  const uc = new UserCompiler(catalog, asOf, capOffset, new GroupCompiler(catalog, model.groups, asOf, capOffset));
  const userIds: string[] = new Array(n);
  const userIndex = new Map<string, number>();
  const grants: CompiledGrant[][] = new Array(n);
  const sisRole = new Uint8Array(n);
  const groupMembers = new Map<string, number[]>();
  const w: Window = { from: -Infinity, until: Infinity };
  for (let idx = 0; idx < n; idx++) {
    const user = model.users[idx]!;
    userIds[idx] = user.id;
    userIndex.set(user.id, idx);
    grants[idx] = uc.compile(user, levels, levels32, idx * (stride >> 2), w);
    if (user.productSecurityRole === "student-information-system") sisRole[idx] = 1;
    for (const m of user.memberships) addMember(groupMembers, m.groupId, idx);
  }
  return {
    catalog,
    model,
    asOf,
    validFrom: toDate(w.from),
    validUntil: toDate(w.until),
    userIds,
    userIndex,
    users: model.users.slice(),
    stride,
    capOffset,
    rows: levels,
    rowAt,
    store,
    calendarScoped: calendarScopedOf(catalog),
    protectedNodes: protectedNodesOf(catalog, model.protectedTools),
    grants,
    sisRole,
    groupMembers,
    calendarCaps: { slots: new Map(), keys: [], inRow: [], caps: [] },
  };
}

/** Users are added in index order, so a repeated membership is always the list's last entry. */
function addMember(map: Map<string, number[]>, groupId: string, idx: number): void {
  const list = map.get(groupId);
  if (!list) map.set(groupId, [idx]);
  else if (list[list.length - 1] !== idx) list.push(idx);
}

/** The cap of one user in one calendar from their compiled grants: none 0, read-only 1, modify 4. */
export function capFromGrants(compiled: CompiledDistrict, userIdx: number, school: string, year: string, calendar: string): number {
  if (compiled.sisRole[userIdx]) return 4;
  let cap = 0;
  for (const g of compiled.grants[userIdx]!) {
    if ((g.school !== "*" && g.school !== school) || (g.year !== "*" && g.year !== year) || (g.calendar !== "*" && g.calendar !== calendar)) continue;
    if (g.modify) return 4;
    cap = 1;
  }
  return cap;
}

/**
 * Recomputes only the given users (id → their model in the new snapshot, undefined when
 * removed); returns a new compiled district (readers of the old one are not disturbed: the
 * changed users get fresh rows and the other arrays are copied, not changed).
 */
function recompileUsers(compiled: CompiledDistrict, model: DistrictModel, found: Map<string, UserModel | undefined>): CompiledDistrict {
  const { catalog, asOf, stride, capOffset } = compiled;
  const added: string[] = [];
  let removed = false;
  for (const [id, user] of found) {
    if (!compiled.userIndex.has(id)) {
      if (user) added.push(id);
    } else if (!user) removed = true;
  }
  const total = compiled.userIds.length + added.length;
  const { store, rowAt, next: firstRow } = rowsForRecompile(compiled, total, stride, found.size);
  const levels = store.rows;
  const sisRole = new Uint8Array(total);
  sisRole.set(compiled.sisRole);
  const next: CompiledDistrict = {
    ...compiled,
    model,
    userIds: added.length ? [...compiled.userIds, ...added] : compiled.userIds,
    userIndex: added.length || removed ? new Map(compiled.userIndex) : compiled.userIndex,
    users: compiled.users.slice(),
    rows: levels,
    rowAt,
    store,
    grants: compiled.grants.slice(),
    sisRole,
    // copy-on-write: only the member sets this recompile touches are cloned
    groupMembers: new Map(compiled.groupMembers),
    // slots are shared (a slot's key never changes); the caps are this compile's own
    calendarCaps: { slots: compiled.calendarCaps.slots, keys: compiled.calendarCaps.keys, inRow: compiled.calendarCaps.inRow.slice(), caps: [] },
  };
  for (let i = 0; i < added.length; i++) next.userIndex.set(added[i]!, compiled.userIds.length + i);
  // copy-on-write, and only for a user who joined or left a group: a change to a group's
  // entries leaves every member list as it is
  const leaving = new Map<string, Set<number>>();
  const joining = new Map<string, number[]>();
  const moveMember = (before: UserModel | undefined, after: UserModel | undefined, idx: number) => {
    const was = new Set(before?.memberships.map((m) => m.groupId));
    const is = new Set(after?.memberships.map((m) => m.groupId));
    for (const g of was) if (!is.has(g)) (leaving.get(g) ?? leaving.set(g, new Set()).get(g)!).add(idx);
    for (const g of is) if (!was.has(g)) (joining.get(g) ?? joining.set(g, []).get(g)!).push(idx);
  };
  const levels32 = new Uint32Array(levels.buffer);
  const uc = new UserCompiler(catalog, asOf, capOffset, new GroupCompiler(catalog, model.groups, asOf, capOffset));
  const w: Window = { from: compiled.validFrom ? compiled.validFrom.getTime() : -Infinity, until: compiled.validUntil ? compiled.validUntil.getTime() : Infinity };
  const touched: number[] = [];
  let free = firstRow;
  for (const [userId, user] of found) {
    const idx = next.userIndex.get(userId);
    if (idx === undefined) continue; // neither compiled before nor in the model
    if (compiled.users[idx] !== user) moveMember(compiled.users[idx], user, idx);
    // a fresh row (never written, so zero), not the old one: other versions may still read that
    const row = free++;
    rowAt[idx] = row * stride;
    touched.push(idx);
    if (!user) {
      // removed user: nothing left to read, keep indices of everyone else stable
      next.users[idx] = undefined;
      next.grants[idx] = NO_GRANTS;
      sisRole[idx] = 0;
      next.userIndex.delete(userId);
      continue;
    }
    // narrowing the window is always safe; widening it would need a full scan
    next.grants[idx] = uc.compile(user, levels, levels32, row * (stride >> 2), w);
    next.users[idx] = user;
    sisRole[idx] = user.productSecurityRole === "student-information-system" ? 1 : 0;
  }
  for (const g of new Set([...leaving.keys(), ...joining.keys()])) {
    const out = leaving.get(g);
    const list = (compiled.groupMembers.get(g) ?? []).filter((i) => !out?.has(i));
    list.push(...(joining.get(g) ?? []));
    next.groupMembers.set(g, list);
  }
  const keys = compiled.calendarCaps.keys;
  next.calendarCaps.inRow.forEach((filled, slot) => {
    if (!filled) return;
    const k = keys[slot]!;
    for (const idx of touched) levels[rowAt[idx]! + capOffset + slot] = capFromGrants(next, idx, k.school, k.year, k.calendar);
  });
  compiled.calendarCaps.caps.forEach((old, slot) => {
    const caps = new Uint8Array(total);
    caps.set(old);
    const k = keys[slot]!;
    for (const idx of touched) caps[idx] = capFromGrants(next, idx, k.school, k.year, k.calendar);
    next.calendarCaps.caps[slot] = caps;
  });
  next.validFrom = toDate(w.from);
  next.validUntil = toDate(w.until);
  return next;
}

/**
 * After changes to some groups (entries, grants, memberships) and some users (role,
 * memberships, own entries or grants, added or removed): recomputes the groups' members and
 * those users, in one copy of the compiled arrays however many changed.
 */
export function recompileForChanges(compiled: CompiledDistrict, model: DistrictModel, change: { groupIds?: Iterable<string>; userIds?: Iterable<string> }): CompiledDistrict {
  const found = new Map<string, UserModel | undefined>();
  const groupIds = new Set(change.groupIds ?? []);
  const userIds = new Set(change.userIds ?? []);
  // earlier members of the changed groups, and the changed users: undefined until seen in the model
  // a flag per index, not a Set: the loop below reads it for every user of the district
  const wasMember = new Uint8Array(compiled.userIds.length);
  for (const g of groupIds) for (const idx of compiled.groupMembers.get(g) ?? []) wasMember[idx] = 1;
  for (let idx = 0; idx < wasMember.length; idx++) if (wasMember[idx]) found.set(compiled.userIds[idx]!, undefined);
  for (const id of userIds) found.set(id, undefined);
  const old = compiled.users;
  const users = model.users;
  const anyUsers = userIds.size > 0;
  for (let i = 0; i < users.length; i++) {
    const u = users[i]!;
    // same object at the same place: unchanged, so affected only if it was a member before
    if (old[i] === u) {
      if (wasMember[i] === 1 || (anyUsers && userIds.has(u.id))) found.set(u.id, u);
      continue;
    }
    if (found.has(u.id) || (groupIds.size > 0 && u.memberships.some((m) => groupIds.has(m.groupId)))) found.set(u.id, u);
  }
  return recompileUsers(compiled, model, found);
}

/** After a change to one group (entries, grants, or its memberships): recompute its members only. */
export function recompileForGroup(compiled: CompiledDistrict, model: DistrictModel, groupId: string): CompiledDistrict {
  return recompileForChanges(compiled, model, { groupIds: [groupId] });
}

/** After a change to one user (role, memberships, own entries or grants, added or removed). */
export function recompileForUser(compiled: CompiledDistrict, model: DistrictModel, userId: string): CompiledDistrict {
  const idx = compiled.userIndex.get(userId);
  // the model usually keeps everyone at their compiled position: try there before a scan
  const atIdx = idx === undefined ? undefined : model.users[idx];
  const user = atIdx?.id === userId ? atIdx : model.users.find((u) => u.id === userId);
  return recompileUsers(compiled, model, new Map([[userId, user]]));
}
