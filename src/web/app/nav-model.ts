import type { Me } from "./auth-context.js";
import { featureRoutes, SECTION_ORDER, type FeatureNav } from "./feature-routes.js";
import { canSeeNav, type ToolRights } from "./tool-rights.js";

export type NavItem = FeatureNav & { path: string };
export type NavSection = { section: string; items: NavItem[] };

function sectionRank(section: string): number {
  const i = SECTION_ORDER.indexOf(section);
  return i === -1 ? SECTION_ORDER.length : i;
}

/** The registry's nav items this user may see, grouped by section in SECTION_ORDER. */
export function buildNavSections(me: Me, rights: ToolRights | null | undefined): NavSection[] {
  const bySection = new Map<string, NavItem[]>();
  for (const route of featureRoutes) {
    if (!route.nav || !canSeeNav(route.nav, me, rights)) continue;
    const items = bySection.get(route.nav.section) ?? [];
    items.push({ ...route.nav, path: route.path });
    bySection.set(route.nav.section, items);
  }
  return [...bySection.entries()]
    .map(([section, items]) => ({ section, items }))
    .sort((a, b) => sectionRank(a.section) - sectionRank(b.section) || a.section.localeCompare(b.section));
}
