/**
 * The tool rights editor's rules, without React: nearest-entry inheritance as the engine does it,
 * implied rights (D ticks R, W, A; clearing R clears the rest), a module check applied to its
 * subtree, partially checked parents, deny and until per entry, and the text filter.
 * Entries are kept as a map path → entry; every function returns a new map.
 */
import { levelOfLetter, levelOfRights, rightsFromLevel, type RightLetter, type Rights } from "../../../domain/rights/rights.js";

export type TreeNode = {
  path: string;
  label: string;
  parent: string | null;
  children: string[];
  calendarScoped: boolean;
  federallyProtected: boolean;
  /** marked protected by the district beyond the seed's list (treated the same) */
  districtProtected?: boolean;
  allOrNothing: boolean;
  dangerous: { right: RightLetter; reason: string } | null;
};

export type Tree = { nodes: ReadonlyMap<string, TreeNode>; roots: string[] };

/** A rights entry's own fields; dates are "YYYY-MM-DD". */
export type EntryWindow = { rights: Rights; deny: boolean; from?: string; until?: string };

/**
 * One tool's entry as the editor holds it: the one in force today, which the checkboxes show and
 * change, plus the tool's other entries for other dates (the seed's ** rows come as a pair:
 * "RWAD until the end of master scheduling", then "none from that day"). Those are kept as they
 * are and saved with it, so editing a row never drops a scheduled change.
 */
export type EditorEntry = EntryWindow & { others?: EntryWindow[] };
export type Entries = ReadonlyMap<string, EditorEntry>;

export type LetterState = "checked" | "unchecked" | "partial";

/** Builds the tree from catalog nodes listed parents first (the catalog's preorder). */
export function buildTree(nodes: Omit<TreeNode, "children">[]): Tree {
  const map = new Map<string, TreeNode>();
  const roots: string[] = [];
  for (const n of nodes) {
    map.set(n.path, { ...n, children: [] });
    if (n.parent === null) roots.push(n.path);
    else map.get(n.parent)?.children.push(n.path);
  }
  // The seed lists Campus Instruction below the Campus tools; keep that order.
  roots.sort((a, b) => Number(map.get(a)!.allOrNothing) - Number(map.get(b)!.allOrNothing));
  return { nodes: map, roots };
}

function node(tree: Tree, path: string): TreeNode {
  const n = tree.nodes.get(path);
  if (!n) throw new Error(`Unknown tool "${path}"`);
  return n;
}

/** Paths from the node up to its root, node first. */
export function ancestorsAndSelf(tree: Tree, path: string): string[] {
  const out: string[] = [];
  for (let p: string | null = path; p !== null; p = node(tree, p).parent) out.push(p);
  return out;
}

/** Every path below a node (not the node itself). */
export function descendants(tree: Tree, path: string): string[] {
  const out: string[] = [];
  const walk = (p: string) => {
    for (const c of node(tree, p).children) {
      out.push(c);
      walk(c);
    }
  };
  walk(path);
  return out;
}

/** `allowed` ignores denies: it is what the checkboxes start from once a deny is lifted. */
export type Resolved = { rights: Rights; allowed: Rights; denied: boolean; from: string | null; deniedBy: string | null };

/** What one grantee's entries give on a tool: the nearest allow entry up the path, and any deny above. */
export function resolve(tree: Tree, entries: Entries, path: string): Resolved {
  let rights: Rights | null = null;
  let from: string | null = null;
  let deniedBy: string | null = null;
  for (const p of ancestorsAndSelf(tree, path)) {
    const e = entries.get(p);
    if (!e) continue;
    if (e.deny) deniedBy ??= p;
    else if (rights === null) {
      rights = e.rights;
      from = p;
    }
  }
  return { rights: deniedBy ? "" : (rights ?? ""), allowed: rights ?? "", denied: deniedBy !== null, from, deniedBy };
}

/** The rights the node would have from allow entries above it, with no entry of its own. */
function inherited(tree: Tree, entries: Entries, path: string): Rights {
  for (const p of ancestorsAndSelf(tree, path).slice(1)) {
    const e = entries.get(p);
    if (e && !e.deny) return e.rights;
  }
  return "";
}

/**
 * New rights after ticking or clearing one letter: rights are closed upwards, so ticking D gives
 * RWAD and clearing R leaves nothing. All-or-nothing tools (Campus Instruction) jump to RWAD or "".
 */
export function applyLetter(current: Rights, letter: RightLetter, checked: boolean, allOrNothing: boolean): Rights {
  if (allOrNothing) return checked ? "RWAD" : "";
  const level = levelOfRights(current);
  const l = levelOfLetter(letter);
  return rightsFromLevel(checked ? Math.max(level, l) : Math.min(level, l - 1));
}

/**
 * Sets the node's rights and lets its whole subtree follow: allow entries below are removed so
 * they inherit (denies stay: they are a separate decision). An entry equal to what the node
 * would inherit anyway, with no dates, is dropped to keep the list short.
 */
export function setRights(tree: Tree, entries: Entries, path: string, rights: Rights): Map<string, EditorEntry> {
  const n = node(tree, path);
  if (n.allOrNothing && rights !== "" && rights !== "RWAD") throw new Error(`"${path}" takes only full access or none`);
  const next = new Map(entries);
  for (const d of descendants(tree, path)) if (!next.get(d)?.deny) next.delete(d);
  const own = next.get(path);
  const keep = own && (own.from || own.until || own.others?.length);
  if (own?.deny) {
    next.set(path, { ...own, deny: false, rights });
  } else if (!keep && inherited(tree, next, path) === rights) {
    next.delete(path);
  } else {
    next.set(path, { ...(own ?? {}), deny: false, rights });
  }
  return next;
}

/** Ticks or clears one letter at a node (the checkbox handler). */
export function toggleLetter(tree: Tree, entries: Entries, path: string, letter: RightLetter, checked: boolean): Map<string, EditorEntry> {
  const n = node(tree, path);
  const current = resolve(tree, entries, path).allowed;
  return setRights(tree, entries, path, applyLetter(current, letter, checked, n.allOrNothing));
}

/** Adds or removes an explicit deny on a node (it covers the subtree and beats every allow). */
export function setDeny(entries: Entries, path: string, deny: boolean): Map<string, EditorEntry> {
  const next = new Map(entries);
  const own = next.get(path);
  const others = own?.others?.length ? { others: own.others } : {};
  if (deny) next.set(path, { rights: "", deny: true, ...(own?.until ? { until: own.until } : {}), ...others });
  else if (own?.deny) {
    // lifting the deny leaves the tool's entries for other dates, if any, in charge
    const [first, ...rest] = own.others ?? [];
    if (first) next.set(path, { ...first, ...(rest.length ? { others: rest } : {}) });
    else next.delete(path);
  }
  return next;
}

/** Sets or clears the until date of the node's entry; a node with no entry gets one with the rights it shows now. */
export function setUntil(tree: Tree, entries: Entries, path: string, until: string | null): Map<string, EditorEntry> {
  const next = new Map(entries);
  const own = next.get(path);
  if (until === null) {
    if (own) {
      const { until: _drop, ...rest } = own;
      next.set(path, rest);
    }
    return next;
  }
  // an entry that takes over on the old end date (the ** rows' "then none") moves with it
  const others = own?.others?.map((o) => (own.until && o.from === own.until ? { ...o, from: until } : o));
  next.set(path, { ...(own ?? { rights: resolve(tree, entries, path).allowed, deny: false }), until, ...(others ? { others } : {}) });
  return next;
}

/**
 * Every node's checkbox states in one pass: a letter is "partial" when the node and something
 * below it differ on that letter, so a parent shows that a child was set differently.
 */
export function letterStates(tree: Tree, entries: Entries): Map<string, Record<RightLetter, LetterState>> {
  const out = new Map<string, Record<RightLetter, LetterState>>();
  const letters: RightLetter[] = ["R", "W", "A", "D"];
  // seen[l] bit 1 = some node in the subtree has l, bit 2 = some node lacks it
  const visit = (path: string, parentRights: Rights | null, parentDenied: boolean): Record<RightLetter, number> => {
    const e = entries.get(path);
    const denied = parentDenied || e?.deny === true;
    const own = e && !e.deny ? e.rights : parentRights;
    const rights: Rights = denied ? "" : (own ?? "");
    const level = levelOfRights(rights);
    const seen = { R: 0, W: 0, A: 0, D: 0 } as Record<RightLetter, number>;
    for (const l of letters) seen[l] = level >= levelOfLetter(l) ? 1 : 2;
    for (const c of node(tree, path).children) {
      const sub = visit(c, own ?? null, denied);
      for (const l of letters) seen[l] |= sub[l];
    }
    const states = {} as Record<RightLetter, LetterState>;
    for (const l of letters) states[l] = seen[l] === 3 ? "partial" : seen[l] === 1 ? "checked" : "unchecked";
    out.set(path, states);
    return seen;
  };
  for (const r of tree.roots) visit(r, null, false);
  return out;
}

/** Paths to show for a filter text: every match, its ancestors (to reach it) and its subtree. */
export function filterPaths(tree: Tree, text: string): Set<string> | null {
  const q = text.trim().toLowerCase();
  if (!q) return null;
  const out = new Set<string>();
  for (const [path, n] of tree.nodes) {
    if (!path.toLowerCase().includes(q) && !n.label.toLowerCase().includes(q)) continue;
    for (const a of ancestorsAndSelf(tree, path)) out.add(a);
    for (const d of descendants(tree, path)) out.add(d);
  }
  return out;
}
