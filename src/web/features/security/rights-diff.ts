/**
 * What an edit changes, before it is saved: the entries that differ, and the grants that need a
 * second look (a dangerous right, or federally protected data, given where it was not before).
 */
import { levelOfLetter, levelOfRights, type Rights } from "../../../domain/rights/rights.js";
import { resolve, type EditorEntry, type Entries, type Tree } from "./rights-tree.js";

/** An entry as the API sends and takes it; dates as ISO strings or "YYYY-MM-DD". */
export type EntryDto = { toolPath: string; rights: Rights; deny: boolean; from?: string | null; until?: string | null };

const day = (iso: string | null | undefined) => (iso ? iso.slice(0, 10) : undefined);

export function entriesFromList(list: EntryDto[]): Map<string, EditorEntry> {
  const out = new Map<string, EditorEntry>();
  for (const e of list) {
    const from = day(e.from);
    const until = day(e.until);
    out.set(e.toolPath, { rights: e.deny ? "" : e.rights, deny: e.deny, ...(from ? { from } : {}), ...(until ? { until } : {}) });
  }
  return out;
}

/** Entries in catalog order, ready for PUT …/rights. */
export function entriesToList(tree: Tree, entries: Entries): EntryDto[] {
  const order = [...tree.nodes.keys()];
  return [...entries.entries()]
    .sort(([a], [b]) => order.indexOf(a) - order.indexOf(b))
    .map(([toolPath, e]) => ({ toolPath, rights: e.deny ? "" : e.rights, deny: e.deny, ...(e.from ? { from: e.from } : {}), ...(e.until ? { until: e.until } : {}) }));
}

export type EntryChange = { path: string; before: EditorEntry | null; after: EditorEntry | null };

const same = (a: EditorEntry | undefined, b: EditorEntry | undefined) =>
  a?.rights === b?.rights && a?.deny === b?.deny && a?.from === b?.from && a?.until === b?.until;

export function changedEntries(tree: Tree, before: Entries, after: Entries): EntryChange[] {
  const out: EntryChange[] = [];
  for (const path of tree.nodes.keys()) {
    const a = before.get(path);
    const b = after.get(path);
    if (!same(a, b)) out.push({ path, before: a ?? null, after: b ?? null });
  }
  return out;
}

export type RiskyGrant = { path: string; kind: "dangerous" | "protected"; rights: Rights; reason: string };

/**
 * Tools where the edit newly gives a dangerous right (e.g. Delete on a schedule) or newly opens
 * federally protected data (at least R). Only the topmost protected tool of a newly opened
 * subtree is listed, so one module check does not produce a wall of warnings.
 */
export function riskyGrants(tree: Tree, before: Entries, after: Entries): RiskyGrant[] {
  const out: RiskyGrant[] = [];
  const listedProtected = new Set<string>();
  for (const [path, n] of tree.nodes) {
    const was = levelOfRights(resolve(tree, before, path).rights);
    const now = resolve(tree, after, path).rights;
    const level = levelOfRights(now);
    if (n.dangerous) {
      const min = levelOfLetter(n.dangerous.right);
      if (level >= min && was < min) out.push({ path, kind: "dangerous", rights: now, reason: n.dangerous.reason });
    }
    if (n.federallyProtected && level >= 1 && was < 1) {
      if (n.parent !== null && listedProtected.has(n.parent)) {
        listedProtected.add(path);
        continue;
      }
      listedProtected.add(path);
      out.push({ path, kind: "protected", rights: now, reason: "federally protected student data (FERPA/HIPAA)" });
    }
  }
  return out;
}

/** "RWA" → "R W A"; "" → "none", for messages a person reads. */
export function describeRights(rights: Rights): string {
  return rights === "" ? "none" : rights.split("").join(" ");
}

/** One short line per change, as the confirmation and the audit preview show it. */
export function describeChange(c: EntryChange): string {
  const show = (e: EditorEntry | null) =>
    e === null ? "inherits" : e.deny ? "deny" : `${describeRights(e.rights)}${e.until ? ` until ${e.until}` : ""}${e.from ? ` from ${e.from}` : ""}`;
  return `${c.path}: ${show(c.before)} → ${show(c.after)}`;
}
