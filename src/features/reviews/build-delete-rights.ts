/**
 * Groups holding Delete somewhere, and groups reaching a tool the catalog marks dangerous (such as
 * Delete on a schedule, or the master-scheduling tools outside their period).
 */
import { ancestorsAndSelf, resolveNodeIndex, type Catalog } from "../../domain/rights/catalog.js";
import { compileGrantee } from "../../domain/rights/compile-district.js";
import { isActiveAt, type RightEntry } from "../../domain/rights/model.js";
import { levelOfLetter, rightsFromLevel, type Rights } from "../../domain/rights/rights.js";
import type { ReviewSource } from "./review-source.js";

export type DeleteRight = {
  groupId: string;
  groupName: string;
  toolPath: string;
  rights: Rights;
  /** the entry the right comes from (the tool itself or an ancestor) */
  entryPath: string;
  /** why the catalog marks this right dangerous; null for a plain Delete entry */
  dangerous: string | null;
};

function nearestEntryPath(catalog: Catalog, entries: RightEntry[], nodeIndex: number, asOf: Date): string {
  const byIndex = new Map<number, string>();
  for (const e of entries) if (!e.deny && isActiveAt(e, asOf)) byIndex.set(resolveNodeIndex(catalog, e.toolPath), e.toolPath);
  for (const i of ancestorsAndSelf(catalog, nodeIndex)) {
    const p = byIndex.get(i);
    if (p) return p;
  }
  return catalog.nodes[nodeIndex]!.path;
}

export function buildDeleteRights(source: ReviewSource): DeleteRight[] {
  const { catalog, asOf } = source;
  const out: DeleteRight[] = [];
  for (const g of source.model.groups) {
    const compiled = compileGrantee(catalog, g.entries, asOf);
    const levelAt = (i: number) => (compiled.deny?.[i] === 1 ? 0 : compiled.levels[i]!);
    const seen = new Set<string>();
    for (const e of g.entries) {
      if (e.deny || e.rights !== "RWAD" || !isActiveAt(e, asOf)) continue;
      const path = catalog.nodes[resolveNodeIndex(catalog, e.toolPath)]!.path;
      seen.add(path);
      out.push({ groupId: g.id, groupName: g.name, toolPath: path, rights: "RWAD", entryPath: path, dangerous: null });
    }
    for (const n of catalog.nodes) {
      if (!n.dangerous) continue;
      const level = levelAt(n.index);
      if (level < levelOfLetter(n.dangerous.right)) continue;
      const row = { groupId: g.id, groupName: g.name, toolPath: n.path, rights: rightsFromLevel(level), entryPath: nearestEntryPath(catalog, g.entries, n.index, asOf), dangerous: n.dangerous.reason };
      // a dangerous tool that is itself a Delete entry is one row, marked dangerous
      const same = seen.has(n.path) ? out.findIndex((r) => r.groupId === g.id && r.toolPath === n.path) : -1;
      if (same >= 0) out[same] = row;
      else out.push(row);
    }
  }
  return out.sort((a, b) => a.groupName.localeCompare(b.groupName) || Number(b.dangerous !== null) - Number(a.dangerous !== null));
}
