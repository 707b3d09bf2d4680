/**
 * The direct (slow) evaluation of one right, with its explanation. It is the reference the
 * compiled form is tested against, and the path used for an asOf outside a compiled window.
 */
import { ancestorsAndSelf, requireNode, resolveNodeIndex, type Catalog, type CatalogNode } from "./catalog.js";
import {
  calendarGrantMatches,
  inactiveReason,
  isActiveAt,
  type CalendarGrant,
  type CalendarRef,
  type DistrictModel,
  type GroupModel,
  type RightEntry,
  type UserModel,
} from "./model.js";
import { levelOfRights, rightsFromLevel, type Rights } from "./rights.js";

export type GranteeRef = { kind: "group"; groupId: string; groupName: string } | { kind: "user"; username: string };

export type IgnoredReason = "expired" | "not-yet-valid" | "membership-expired" | "membership-not-yet-valid";

export interface EntryRef {
  entryPath: string;
  rights: Rights;
  deny: boolean;
  from?: Date;
  until?: Date;
}

export interface GranteeExplanation {
  grantee: GranteeRef;
  /** false when every membership in the group is outside its time window */
  active: boolean;
  /** the nearest active allow entry (on the tool or an ancestor), null when none */
  applied: EntryRef | null;
  /** what this grantee contributes to the union */
  rights: Rights;
  ignored: (EntryRef & { reason: IgnoredReason })[];
  denies: EntryRef[];
}

export interface CalendarCapExplanation {
  calendar: CalendarRef;
  /** false when the tool is not calendar-scoped (no cap) */
  applies: boolean;
  cap: Rights;
  grant: (CalendarGrant & { source: GranteeRef }) | null;
}

export interface RightExplanation {
  userId: string;
  username: string;
  toolPath: string;
  asOf: Date;
  roleOverride: boolean;
  grantees: GranteeExplanation[];
  union: Rights;
  deny: { grantee: GranteeRef; entryPath: string } | null;
  calendarCap: CalendarCapExplanation | null;
  rights: Rights;
}

export class UnknownUserError extends Error {
  override readonly name = "UnknownUserError";
  constructor(readonly userId: string) {
    super(`Unknown user "${userId}"`);
  }
}

export interface EvaluateOptions {
  calendar?: CalendarRef;
  asOf?: Date;
}

function entryRef(e: RightEntry, path: string): EntryRef {
  return {
    entryPath: path,
    rights: e.deny ? "" : e.rights,
    deny: e.deny === true,
    ...(e.from ? { from: e.from } : {}),
    ...(e.until ? { until: e.until } : {}),
  };
}

// Lookup caches. Models are immutable snapshots, so caching per groups array is safe;
// the size check guards against an array grown in place.
const groupIndexCache = new WeakMap<GroupModel[], Map<string, GroupModel>>();

const userIndexCache = new WeakMap<UserModel[], Map<string, UserModel>>();

function userById(model: DistrictModel, id: string): UserModel | undefined {
  let m = userIndexCache.get(model.users);
  if (!m || m.size !== model.users.length) {
    m = new Map(model.users.map((u) => [u.id, u]));
    userIndexCache.set(model.users, m);
  }
  return m.get(id);
}

function groupById(model: DistrictModel, id: string): GroupModel | undefined {
  let m = groupIndexCache.get(model.groups);
  if (!m || m.size !== model.groups.length) {
    m = new Map(model.groups.map((g) => [g.id, g]));
    groupIndexCache.set(model.groups, m);
  }
  return m.get(id);
}

/** Entries keyed by the node they sit on, for the nodes on the tool's ancestor chain. */
function entriesOnChain(catalog: Catalog, entries: RightEntry[], chain: number[]): Map<number, RightEntry[]> {
  const onChain = new Set(chain);
  const out = new Map<number, RightEntry[]>();
  for (const e of entries) {
    const idx = resolveNodeIndex(catalog, e.toolPath);
    if (!onChain.has(idx)) continue;
    const list = out.get(idx) ?? [];
    list.push(e);
    out.set(idx, list);
  }
  return out;
}

function explainGrantee(
  catalog: Catalog,
  grantee: GranteeRef,
  entries: RightEntry[],
  chain: number[],
  asOf: Date,
  membershipReason: "expired" | "not-yet-valid" | null,
): GranteeExplanation {
  const byNode = entriesOnChain(catalog, entries, chain);
  const ignored: GranteeExplanation["ignored"] = [];
  const denies: EntryRef[] = [];
  let applied: EntryRef | null = null;
  for (const idx of chain) {
    const path = catalog.nodes[idx]!.path;
    let best: EntryRef | null = null;
    for (const e of byNode.get(idx) ?? []) {
      const ref = entryRef(e, path);
      if (membershipReason) {
        ignored.push({ ...ref, reason: membershipReason === "expired" ? "membership-expired" : "membership-not-yet-valid" });
        continue;
      }
      const why = inactiveReason(e, asOf);
      if (why) ignored.push({ ...ref, reason: why });
      else if (e.deny) denies.push(ref);
      // several active entries on one node: the largest applies
      else if (!best || levelOfRights(ref.rights) > levelOfRights(best.rights)) best = ref;
    }
    // nearest entry wins; entries further up are shadowed, but denies up the chain still count
    if (!applied && best) applied = best;
  }
  return {
    grantee,
    active: membershipReason === null,
    applied,
    rights: applied ? applied.rights : "",
    ignored,
    denies,
  };
}

/** One grantee's part in a right on one tool at asOf, e.g. to explain a group once for all its members. */
export function explainGranteeOnTool(catalog: Catalog, grantee: GranteeRef, entries: RightEntry[], nodeIndex: number, asOf: Date): GranteeExplanation {
  return explainGrantee(catalog, grantee, entries, ancestorsAndSelf(catalog, nodeIndex), asOf, null);
}

function membershipState(user: UserModel, groupId: string, asOf: Date): "expired" | "not-yet-valid" | null {
  let reason: "expired" | "not-yet-valid" | null = "expired";
  for (const m of user.memberships) {
    if (m.groupId !== groupId) continue;
    const r = inactiveReason(m, asOf);
    if (r === null) return null;
    if (r === "not-yet-valid") reason = "not-yet-valid";
  }
  return reason;
}

/** Groups of the user in first-membership order, each once. */
export function groupsOfUser(model: DistrictModel, user: UserModel): GroupModel[] {
  const seen = new Set<string>();
  const out: GroupModel[] = [];
  for (const m of user.memberships) {
    if (seen.has(m.groupId)) continue;
    seen.add(m.groupId);
    const g = groupById(model, m.groupId);
    if (g) out.push(g);
  }
  return out;
}

/** The active calendar grants of a user at asOf: their own and their active groups'. */
export function activeCalendarGrants(
  model: DistrictModel,
  user: UserModel,
  asOf: Date,
): (CalendarGrant & { source: GranteeRef })[] {
  const out: (CalendarGrant & { source: GranteeRef })[] = [];
  for (const g of user.calendarGrants) {
    if (isActiveAt(g, asOf)) out.push({ ...g, source: { kind: "user", username: user.username } });
  }
  for (const group of groupsOfUser(model, user)) {
    if (membershipState(user, group.id, asOf) !== null) continue;
    for (const g of group.calendarGrants) {
      if (isActiveAt(g, asOf)) out.push({ ...g, source: { kind: "group", groupId: group.id, groupName: group.name } });
    }
  }
  return out;
}

/** Cap from calendar grants: no match → "", match without modify → R, with modify → RWAD. */
export function explainCalendarCap(
  node: CatalogNode,
  grants: (CalendarGrant & { source: GranteeRef })[],
  calendar: CalendarRef,
): CalendarCapExplanation {
  if (!node.calendarScoped) return { calendar, applies: false, cap: "RWAD", grant: null };
  let best: (CalendarGrant & { source: GranteeRef }) | null = null;
  for (const g of grants) {
    if (!calendarGrantMatches(g, calendar)) continue;
    if (g.modify) return { calendar, applies: true, cap: "RWAD", grant: g };
    best ??= g;
  }
  return { calendar, applies: true, cap: best ? "R" : "", grant: best };
}

export function explainRight(
  catalog: Catalog,
  model: DistrictModel,
  userId: string,
  toolPath: string,
  opts: EvaluateOptions = {},
): RightExplanation {
  const asOf = opts.asOf ?? new Date();
  const user = userById(model, userId);
  if (!user) throw new UnknownUserError(userId);
  const node = requireNode(catalog, toolPath);
  const chain = ancestorsAndSelf(catalog, node.index);

  const grantees: GranteeExplanation[] = [];
  for (const group of groupsOfUser(model, user)) {
    const ref: GranteeRef = { kind: "group", groupId: group.id, groupName: group.name };
    grantees.push(explainGrantee(catalog, ref, group.entries, chain, asOf, membershipState(user, group.id, asOf)));
  }
  if (user.entries.length > 0) {
    grantees.push(explainGrantee(catalog, { kind: "user", username: user.username }, user.entries, chain, asOf, null));
  }

  let unionLevel = 0;
  let deny: RightExplanation["deny"] = null;
  for (const g of grantees) {
    unionLevel = Math.max(unionLevel, levelOfRights(g.rights));
    const d = g.denies[0];
    if (!deny && d) deny = { grantee: g.grantee, entryPath: d.entryPath };
  }
  const roleOverride = user.productSecurityRole === "student-information-system";
  const calendarCap = opts.calendar
    ? roleOverride
      ? { calendar: opts.calendar, applies: false, cap: "RWAD" as Rights, grant: null }
      : explainCalendarCap(node, activeCalendarGrants(model, user, asOf), opts.calendar)
    : null;

  let level = roleOverride ? 4 : deny ? 0 : unionLevel;
  if (calendarCap) level = Math.min(level, levelOfRights(calendarCap.cap));
  return {
    userId: user.id,
    username: user.username,
    toolPath: node.path,
    asOf,
    roleOverride,
    grantees,
    union: rightsFromLevel(unionLevel),
    deny,
    calendarCap,
    rights: rightsFromLevel(level),
  };
}

/** Slow-path answer only. */
export function evaluateRight(
  catalog: Catalog,
  model: DistrictModel,
  userId: string,
  toolPath: string,
  opts: EvaluateOptions = {},
): Rights {
  return explainRight(catalog, model, userId, toolPath, opts).rights;
}
