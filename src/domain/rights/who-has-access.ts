/**
 * Review report: who holds at least a given right on a tool, and through which grants.
 * With a compiled district the list is a scan of the compiled arrays, and each group is
 * explained once for the tool (not once per member), so a report over a large district
 * costs about one pass over its users.
 */
import { requireNode, type Catalog } from "./catalog.js";
import { calendarSlot } from "./calendar-caps.js";
import { checkRightInSlot, isWithinWindow } from "./check-right.js";
import type { CompiledDistrict } from "./compile-district.js";
import { explainGranteeOnTool, explainRight, type GranteeExplanation, type RightExplanation } from "./explain-right.js";
import { isActiveAt, type CalendarRef, type DistrictModel, type GroupModel, type UserModel } from "./model.js";
import { levelOfLetter, levelOfRights, rightsFromLevel, type RightLetter, type Rights } from "./rights.js";

export type AccessVia =
  | { kind: "group"; groupId: string; groupName: string; entryPath: string; rights: Rights }
  | { kind: "user"; entryPath: string; rights: Rights }
  | { kind: "role"; role: "student-information-system" };

export interface AccessHolder {
  userId: string;
  username: string;
  rights: Rights;
  via: AccessVia[];
}

/** The holders as compiled indices and levels, before any explanation. */
export interface HolderList {
  userIdx: Int32Array;
  levels: Uint8Array;
}

function isCompiled(x: CompiledDistrict | DistrictModel): x is CompiledDistrict {
  return "rowAt" in x;
}

function minLevel(minRight: RightLetter | Rights): number {
  return Math.max(1, minRight.length === 1 ? levelOfLetter(minRight as RightLetter) : levelOfRights(minRight as Rights));
}

/** Users with at least `min` (level 1..4) on the node, capped in the calendar: one scan of the compiled arrays. */
export function listHolders(compiled: CompiledDistrict, nodeIndex: number, min: number, calendar?: CalendarRef): HolderList {
  const slot = calendar ? calendarSlot(compiled, calendar) : -1;
  const n = compiled.userIds.length;
  const idx = new Int32Array(n);
  const lv = new Uint8Array(n);
  let count = 0;
  for (let u = 0; u < n; u++) {
    const l = checkRightInSlot(compiled, u, nodeIndex, slot);
    if (l < min || compiled.users[u] === undefined) continue; // removed users keep an empty row
    idx[count] = u;
    lv[count++] = l;
  }
  return { userIdx: idx.subarray(0, count), levels: lv.subarray(0, count) };
}

function viaOf(g: GranteeExplanation, min: number): AccessVia | null {
  if (!g.applied || levelOfRights(g.rights) < min) return null;
  return g.grantee.kind === "group"
    ? { kind: "group", groupId: g.grantee.groupId, groupName: g.grantee.groupName, entryPath: g.applied.entryPath, rights: g.rights }
    : { kind: "user", entryPath: g.applied.entryPath, rights: g.rights };
}

/**
 * What each group contributes on one tool, explained on first ask and then shared by all
 * its members: `via(user)` lists a holder's grant paths as explainRight would find them.
 */
export function groupExplainer(catalog: Catalog, model: DistrictModel, nodeIndex: number, min: number, asOf: Date) {
  const groups = new Map<string, GroupModel>(model.groups.map((g) => [g.id, g]));
  const perGroup = new Map<string, AccessVia | null>();
  const ofGroup = (g: GroupModel): AccessVia | null => {
    let v = perGroup.get(g.id);
    if (v === undefined) {
      v = viaOf(explainGranteeOnTool(catalog, { kind: "group", groupId: g.id, groupName: g.name }, g.entries, nodeIndex, asOf), min);
      perGroup.set(g.id, v);
    }
    return v;
  };
  const via = (user: UserModel): AccessVia[] => {
    if (user.productSecurityRole === "student-information-system") return [{ kind: "role", role: "student-information-system" }];
    const out: AccessVia[] = [];
    const seen = new Set<string>();
    for (const m of user.memberships) {
      if (seen.has(m.groupId)) continue;
      seen.add(m.groupId);
      const g = groups.get(m.groupId);
      if (!g || !user.memberships.some((x) => x.groupId === m.groupId && isActiveAt(x, asOf))) continue;
      const v = ofGroup(g);
      if (v) out.push(v);
    }
    if (user.entries.length > 0) {
      const v = viaOf(explainGranteeOnTool(catalog, { kind: "user", username: user.username }, user.entries, nodeIndex, asOf), min);
      if (v) out.push(v);
    }
    return out;
  };
  return { ofGroup, via };
}

function viaOfExplanation(expl: RightExplanation, min: number): AccessVia[] {
  if (expl.roleOverride) return [{ kind: "role", role: "student-information-system" }];
  return expl.grantees.map((g) => viaOf(g, min)).filter((v): v is AccessVia => v !== null);
}

/**
 * Users with at least `minRight` (a letter, or a rights value such as "RW") on the tool,
 * optionally in a calendar. Uses the compiled arrays when given and asOf is inside their
 * window; otherwise evaluates each user directly.
 */
export function whoHasAccess(
  catalog: Catalog,
  source: CompiledDistrict | DistrictModel,
  toolPath: string,
  minRight: RightLetter | Rights,
  opts: { calendar?: CalendarRef; asOf?: Date } = {},
): AccessHolder[] {
  const node = requireNode(catalog, toolPath);
  const min = minLevel(minRight);
  const compiled = isCompiled(source) && (!opts.asOf || isWithinWindow(source, opts.asOf)) ? source : null;
  const model = isCompiled(source) ? source.model : source;
  const asOf = opts.asOf ?? (isCompiled(source) ? source.asOf : new Date());

  if (compiled) {
    const list = listHolders(compiled, node.index, min, opts.calendar);
    const explain = groupExplainer(catalog, model, node.index, min, asOf);
    const out: AccessHolder[] = new Array(list.userIdx.length);
    for (let i = 0; i < list.userIdx.length; i++) {
      const user = compiled.users[list.userIdx[i]!]!;
      out[i] = { userId: user.id, username: user.username, rights: rightsFromLevel(list.levels[i]!), via: explain.via(user) };
    }
    return out;
  }
  const evalOpts = { asOf, ...(opts.calendar ? { calendar: opts.calendar } : {}) };
  const out: AccessHolder[] = [];
  for (const u of model.users) {
    const expl = explainRight(catalog, model, u.id, node.path, evalOpts);
    if (levelOfRights(expl.rights) < min) continue;
    out.push({ userId: u.id, username: u.username, rights: expl.rights, via: viaOfExplanation(expl, min) });
  }
  return out;
}
