/**
 * What an edit changes, before it is saved: the entries that differ, and the grants that need a
 * second look (a dangerous right, or federally protected data, given where it was not before).
 */
import { levelOfLetter, levelOfRights, type Rights } from "../../../domain/rights/rights.js";
import { resolve, type EditorEntry, type Entries, type EntryWindow, type Tree } from "./rights-tree.js";

/** An entry as the API sends and takes it; dates as ISO strings or "YYYY-MM-DD". */
export type EntryDto = { toolPath: string; rights: Rights; deny: boolean; from?: string | null; until?: string | null };

const day = (iso: string | null | undefined) => (iso ? iso.slice(0, 10) : undefined);

const inForce = (e: EntryDto, now: number) => (!e.from || Date.parse(e.from) <= now) && (!e.until || Date.parse(e.until) > now);

function toWindow(e: EntryDto): EntryWindow {
  const from = day(e.from);
  const until = day(e.until);
  return { rights: e.deny ? "" : e.rights, deny: e.deny, ...(from ? { from } : {}), ...(until ? { until } : {}) };
}

/**
 * The API's entries as the editor holds them, one per tool: the entry in force at `now` (else
 * the first listed) with the tool's entries for other dates kept beside it.
 */
export function entriesFromList(list: EntryDto[], now = Date.now()): Map<string, EditorEntry> {
  const byPath = new Map<string, EntryDto[]>();
  for (const e of list) byPath.set(e.toolPath, [...(byPath.get(e.toolPath) ?? []), e]);
  const out = new Map<string, EditorEntry>();
  for (const [path, all] of byPath) {
    const main = all.find((e) => inForce(e, now)) ?? all[0]!;
    const others = all.filter((e) => e !== main).map(toWindow);
    out.set(path, { ...toWindow(main), ...(others.length ? { others } : {}) });
  }
  return out;
}

function windowDto(toolPath: string, e: EntryWindow): EntryDto {
  return { toolPath, rights: e.deny ? "" : e.rights, deny: e.deny, ...(e.from ? { from: e.from } : {}), ...(e.until ? { until: e.until } : {}) };
}

/** Entries in catalog order, ready for PUT …/rights. */
export function entriesToList(tree: Tree, entries: Entries): EntryDto[] {
  const order = [...tree.nodes.keys()];
  return [...entries.entries()]
    .sort(([a], [b]) => order.indexOf(a) - order.indexOf(b))
    .flatMap(([toolPath, e]) => [windowDto(toolPath, e), ...(e.others ?? []).map((o) => windowDto(toolPath, o))]);
}

export type EntryChange = { path: string; before: EditorEntry | null; after: EditorEntry | null };

const sameWindow = (a: EntryWindow | undefined, b: EntryWindow | undefined) =>
  a?.rights === b?.rights && a?.deny === b?.deny && a?.from === b?.from && a?.until === b?.until;
const same = (a: EditorEntry | undefined, b: EditorEntry | undefined) =>
  sameWindow(a, b) && (a?.others?.length ?? 0) === (b?.others?.length ?? 0) && (a?.others ?? []).every((o, i) => sameWindow(o, b?.others?.[i]));

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
    if ((n.federallyProtected || n.districtProtected) && level >= 1 && was < 1) {
      if (n.parent !== null && listedProtected.has(n.parent)) {
        listedProtected.add(path);
        continue;
      }
      listedProtected.add(path);
      out.push({ path, kind: "protected", rights: now, reason: n.federallyProtected ? "federally protected student data (FERPA/HIPAA)" : "protected student data (marked by the district)" });
    }
  }
  return out;
}

/** "RWA" → "R W A"; "" → "none", for messages a person reads. */
export function describeRights(rights: Rights): string {
  return rights === "" ? "none" : rights.split("").join(" ");
}

/** One short line per change, as the confirmation and the audit preview show it. */
export function describeWindow(e: EntryWindow): string {
  return `${e.deny ? "deny" : describeRights(e.rights)}${e.until ? ` until ${e.until}` : ""}${e.from ? ` from ${e.from}` : ""}`;
}

export function describeChange(c: EntryChange): string {
  const show = (e: EditorEntry | null) => (e === null ? "inherits" : [e, ...(e.others ?? [])].map(describeWindow).join(", then "));
  return `${c.path}: ${show(c.before)} → ${show(c.after)}`;
}
