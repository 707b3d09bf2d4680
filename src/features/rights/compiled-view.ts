import { resolveNodeIndex, type Catalog } from "../../domain/rights/catalog.js";
import { checkRight } from "../../domain/rights/check-right.js";
import type { Protection } from "../../domain/rights/protected-areas.js";
import type { CompiledDistrict } from "../../domain/rights/compile-district.js";
import { RIGHTS_BY_LEVEL } from "../../domain/rights/rights.js";
import type { CalendarRef, RightLetter, RightsView } from "../../platform/http/actor.js";

/**
 * A RightsView over one user's row of the compiled array. An unknown tool path throws: a route
 * or screen naming a tool that is not in the catalog is a programming error, not a missing right.
 * A class, so a view per request is one small object (its methods live on the prototype).
 */
class CompiledView implements RightsView {
  private readonly tools: Map<string, number>;
  constructor(
    private readonly compiled: CompiledDistrict,
    private readonly userIdx: number,
  ) {
    this.tools = toolIndexOf(compiled.catalog);
  }
  private nodeOf(tool: string): number {
    let node = this.tools.get(tool);
    if (node === undefined) this.tools.set(tool, (node = resolveNodeIndex(this.compiled.catalog, tool)));
    return node;
  }
  private check(tool: string, calendar?: CalendarRef): number {
    return checkRight(this.compiled, this.userIdx, this.nodeOf(tool), calendar);
  }
  isProtected(tool: string): boolean {
    return this.compiled.protectedNodes[this.nodeOf(tool)] === 1;
  }
  level(tool: string, calendar?: CalendarRef): string {
    return RIGHTS_BY_LEVEL[this.check(tool, calendar)]!;
  }
  has(tool: string, right: RightLetter, calendar?: CalendarRef): boolean {
    return this.check(tool, calendar) >= LEVEL_OF_LETTER[right];
  }
  calendarGrants() {
    return this.compiled.grants[this.userIdx]!.map((g) => ({ school: g.school, year: g.year, calendar: g.calendar, modify: g.modify }));
  }
}

const LEVEL_OF_LETTER: Record<RightLetter, number> = { R: 1, W: 2, A: 3, D: 4 };

/** Tool path as written → node index, per catalog: a route's tool is resolved once, then read. */
const toolIndexes = new WeakMap<Catalog, Map<string, number>>();

let last: { catalog: Catalog; tools: Map<string, number> } | null = null;

function toolIndexOf(catalog: Catalog): Map<string, number> {
  if (last?.catalog === catalog) return last.tools; // one catalog per server: skip the WeakMap per view
  let m = toolIndexes.get(catalog);
  if (!m) toolIndexes.set(catalog, (m = new Map()));
  last = { catalog, tools: m };
  return m;
}

export function compiledView(compiled: CompiledDistrict, userIdx: number): RightsView {
  return new CompiledView(compiled, userIdx);
}

/** Which tools are protected in a compiled district (the seed's list and the district's own). */
export function districtProtection(compiled: CompiledDistrict): Protection {
  const tools = toolIndexOf(compiled.catalog);
  return {
    isProtected(tool) {
      let node = tools.get(tool);
      if (node === undefined) tools.set(tool, (node = resolveNodeIndex(compiled.catalog, tool)));
      return compiled.protectedNodes[node] === 1;
    },
  };
}
