import { findNode, getCatalog } from "../../src/domain/rights/catalog.js";
import { seedProtection } from "../../src/domain/rights/protected-areas.js";
import type { CalendarGrantView, CalendarRef, RightLetter, RightsView } from "../../src/platform/http/actor.js";
import type { RightsProvider } from "../../src/platform/deps.js";
import { roleOnlyRights } from "../../src/platform/role-rights.js";

/** One user's rights for a test: tool path → "" | "R" | "RW" | "RWA" | "RWAD", and calendar grants. */
export type RightsTable = { tools: Record<string, string>; calendars: CalendarGrantView[] };

const LEVELS = ["", "R", "RW", "RWA", "RWAD"];
const LETTER_LEVEL: Record<RightLetter, number> = { R: 1, W: 2, A: 3, D: 4 };

/**
 * A RightsView from a small table, following the design's rules closely enough for feature
 * tests: the nearest entry on the path or an ancestor wins, and a calendar-scoped tool used in
 * a calendar is capped by the grants (none → "", without modify → R).
 */
export function rightsViewFrom(table: RightsTable): RightsView {
  const entries = new Map(Object.entries(table.tools).map(([path, rights]) => [path.toLowerCase(), LEVELS.indexOf(rights)]));
  for (const [path, level] of entries) if (level < 0) throw new Error(`bad rights for ${path}`);
  const toolLevel = (tool: string) => {
    const node = findNode(getCatalog(), tool);
    if (!node) throw new Error(`Unknown tool path in test: ${tool}`);
    const segments = node.path.split(" > ");
    for (let n = segments.length; n > 0; n--) {
      const found = entries.get(segments.slice(0, n).join(" > ").toLowerCase());
      if (found !== undefined) return { level: found, calendarScoped: node.calendarScoped };
    }
    return { level: 0, calendarScoped: node.calendarScoped };
  };
  const cap = (calendar: CalendarRef) => {
    let best = 0;
    for (const g of table.calendars) {
      const matches = (g.school === "*" || g.school === calendar.school) && (g.year === "*" || g.year === calendar.year) &&
        (g.calendar === "*" || g.calendar === calendar.calendar);
      if (matches) best = Math.max(best, g.modify ? 4 : 1);
    }
    return best;
  };
  const level = (tool: string, calendar?: CalendarRef) => {
    const t = toolLevel(tool);
    return calendar && t.calendarScoped ? Math.min(t.level, cap(calendar)) : t.level;
  };
  return {
    level: (tool, calendar) => LEVELS[level(tool, calendar)]!,
    has: (tool, right, calendar) => level(tool, calendar) >= LETTER_LEVEL[right],
    calendarGrants: () => table.calendars.map((g) => ({ ...g })),
    isProtected: seedProtection(getCatalog()).isProtected,
  };
}

/** A provider whose tables tests fill per user id; anyone else gets the role-only rights. */
export function createFakeRights(): RightsProvider & { set(userId: string, table: RightsTable): void } {
  const tables = new Map<string, RightsTable>();
  return {
    set: (userId, table) => void tables.set(userId, table),
    async viewFor(user) {
      const table = tables.get(user.id);
      return table ? rightsViewFrom(table) : roleOnlyRights.viewFor(user);
    },
  };
}

export const ALL_CALENDARS: CalendarGrantView = { school: "*", year: "*", calendar: "*", modify: true };
