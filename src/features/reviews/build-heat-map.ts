/**
 * Groups × modules by rights level: for each module (catalog root), the highest and lowest level
 * the group's entries give anywhere inside it, so "mixed" modules stand out from uniform ones.
 */
import { compileGrantee } from "../../domain/rights/compile-district.js";
import type { RightsLevel } from "../../domain/rights/rights.js";
import { activeMemberCounts, type ReviewSource } from "./review-source.js";

export type HeatCell = { max: RightsLevel; min: RightsLevel; denied: boolean };
export type HeatRow = { groupId: string; groupName: string; members: number; cells: HeatCell[] };
export type HeatMap = { modules: string[]; rows: HeatRow[] };

export function buildHeatMap(source: ReviewSource): HeatMap {
  const { catalog, asOf } = source;
  const roots = catalog.roots.map((r) => catalog.nodes[r]!);
  // the module of each node, by walking parents once in preorder
  const moduleOf = new Int32Array(catalog.nodes.length);
  for (const n of catalog.nodes) moduleOf[n.index] = n.parentIndex === null ? roots.findIndex((r) => r.index === n.index) : moduleOf[n.parentIndex]!;
  const counts = activeMemberCounts(source);
  const rows = source.model.groups.map((g): HeatRow => {
    const compiled = compileGrantee(catalog, g.entries, asOf);
    const cells: HeatCell[] = roots.map(() => ({ max: 0, min: 4, denied: false }));
    for (const n of catalog.nodes) {
      const denied = compiled.deny?.[n.index] === 1;
      const level = (denied ? 0 : compiled.levels[n.index]!) as RightsLevel;
      const cell = cells[moduleOf[n.index]!]!;
      if (denied) cell.denied = true;
      if (level > cell.max) cell.max = level;
      if (level < cell.min) cell.min = level;
    }
    return { groupId: g.id, groupName: g.name, members: counts.get(g.id) ?? 0, cells };
  });
  rows.sort((a, b) => a.groupName.localeCompare(b.groupName));
  return { modules: roots.map((r) => r.path), rows };
}
