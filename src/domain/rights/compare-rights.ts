/**
 * Side-by-side comparisons for access governance: two groups' own rights (after inheritance
 * within each group), and two sets of calendar grants. Pure: the feature layer loads the models.
 */
import { findNode, type Catalog } from "./catalog.js";
import { compileGrantee } from "./compile-district.js";
import type { CalendarGrant, RightEntry } from "./model.js";
import { rightsFromLevel, type Rights } from "./rights.js";

export type GroupSideRight = { rights: Rights; deny: boolean };
/** `inherited`: the tool only repeats its parent's difference (it has no entry of its own on either side). */
export type ToolDifference = { path: string; depth: number; a: GroupSideRight; b: GroupSideRight; inherited: boolean };

/** Every tool on which the two entry sets give a different right or deny at asOf, in catalog order. */
export function compareEntrySets(catalog: Catalog, a: RightEntry[], b: RightEntry[], asOf: Date): ToolDifference[] {
  // An entry on a tool the catalog has since retired grants nothing today: it is left out.
  const known = (e: RightEntry) => findNode(catalog, e.toolPath) !== undefined;
  const ca = compileGrantee(catalog, a.filter(known), asOf);
  const cb = compileGrantee(catalog, b.filter(known), asOf);
  const side = (c: typeof ca, i: number): GroupSideRight => ({ rights: rightsFromLevel(c.levels[i] as 0 | 1 | 2 | 3 | 4), deny: c.deny?.[i] === 1 });
  const same = (x: GroupSideRight, y: GroupSideRight) => x.rights === y.rights && x.deny === y.deny;
  const out: ToolDifference[] = [];
  for (const node of catalog.nodes) {
    const sa = side(ca, node.index);
    const sb = side(cb, node.index);
    if (same(sa, sb)) continue;
    const p = node.parentIndex;
    const inherited = p !== null && same(side(ca, p), sa) && same(side(cb, p), sb);
    out.push({ path: node.path, depth: node.depth, a: sa, b: sb, inherited });
  }
  return out;
}

const grantKey = (g: Pick<CalendarGrant, "school" | "year" | "calendar">) => `${g.school}\u0000${g.year}\u0000${g.calendar}`;
export type GrantDifference = { school: string; year: string; calendar: string; a: { modify: boolean } | null; b: { modify: boolean } | null };

/** Calendar grants held by one side only, or by both with a different modify flag. */
export function compareGrantSets(a: Omit<CalendarGrant, "from" | "until">[], b: Omit<CalendarGrant, "from" | "until">[]): GrantDifference[] {
  const byKey = new Map<string, GrantDifference>();
  const put = (g: Omit<CalendarGrant, "from" | "until">, side: "a" | "b") => {
    const k = grantKey(g);
    const row = byKey.get(k) ?? { school: g.school, year: g.year, calendar: g.calendar, a: null, b: null };
    row[side] = { modify: (row[side]?.modify ?? false) || g.modify };
    byKey.set(k, row);
  };
  for (const g of a) put(g, "a");
  for (const g of b) put(g, "b");
  return [...byKey.values()]
    .filter((d) => d.a === null || d.b === null || d.a.modify !== d.b.modify)
    .sort((x, y) => grantKey(x).localeCompare(grantKey(y)));
}
