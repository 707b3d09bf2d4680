import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";
import { settle } from "./route-walk.js";

const TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];

/** Critical and serious WCAG 2.1 AA violations found, one line each, naming the page state. */
export type Found = string[];

/** Runs axe-core on the page as it is now and adds each critical or serious violation to `found`. */
export async function audit(page: Page, state: string, found: Found, options: { settled?: boolean } = {}) {
  if (!options.settled) await settle(page);
  const results = await new AxeBuilder({ page }).withTags(TAGS).analyze();
  for (const v of results.violations) {
    if (v.impact !== "critical" && v.impact !== "serious") continue;
    const where = v.nodes.slice(0, 3).map((n) => `${n.target.join(" ")}${n.failureSummary ? ` [${n.failureSummary.split("\n")[1]?.trim()}]` : ""}`);
    found.push(`${state}: ${v.id} (${v.impact}, ${v.nodes.length}×) ${where.join(" | ")}`);
  }
}
