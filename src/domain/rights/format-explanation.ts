/**
 * Short human lines for an explanation, used by the CLI, the UI tooltip and assertion reports.
 */
import type { GranteeRef, RightExplanation } from "./explain-right.js";

const show = (r: string): string => (r === "" ? '""' : r);
const day = (d: Date): string => d.toISOString().slice(0, 10);

export function formatGrantee(g: GranteeRef): string {
  return g.kind === "group" ? `group "${g.groupName}"` : `individual rights of ${g.username}`;
}

function window(x: { from?: Date; until?: Date }): string {
  const parts = [x.from ? `from ${day(x.from)}` : "", x.until ? `until ${day(x.until)}` : ""].filter(Boolean);
  return parts.length ? ` (${parts.join(" ")})` : "";
}

export function formatExplanation(expl: RightExplanation): string[] {
  const lines: string[] = [];
  lines.push(`${expl.username} on "${expl.toolPath}" as of ${expl.asOf.toISOString()}: ${show(expl.rights)}`);
  if (expl.roleOverride) {
    lines.push("  Student Information System role: RWAD everywhere, every calendar with modify; denies do not apply");
    return lines;
  }
  if (expl.grantees.length === 0) lines.push("  no groups and no individual rights");
  for (const g of expl.grantees) {
    const who = formatGrantee(g.grantee);
    if (g.applied) {
      const inherited = g.applied.entryPath === expl.toolPath ? "" : " (inherited)";
      lines.push(`  ${who}: ${show(g.applied.rights)} from entry "${g.applied.entryPath}"${inherited}${window(g.applied)}`);
    } else if (g.active) {
      lines.push(`  ${who}: no entry on the tool or above it → ""`);
    } else {
      lines.push(`  ${who}: membership not in force → ignored`);
    }
    for (const i of g.ignored) {
      lines.push(`    ignored ${i.deny ? "deny" : show(i.rights)} on "${i.entryPath}": ${i.reason.replace(/-/g, " ")}${window(i)}`);
    }
  }
  lines.push(`  union of grantees: ${show(expl.union)}`);
  if (expl.deny) lines.push(`  denied by ${formatGrantee(expl.deny.grantee)} on "${expl.deny.entryPath}" → ""`);
  const cap = expl.calendarCap;
  if (cap) {
    const cal = `${cap.calendar.school} / ${cap.calendar.year} / ${cap.calendar.calendar}`;
    if (!cap.applies) lines.push(`  calendar ${cal}: tool is not calendar-scoped, no cap`);
    else if (!cap.grant) lines.push(`  calendar ${cal}: no calendar rights match → capped at ""`);
    else {
      const g = cap.grant;
      lines.push(
        `  calendar ${cal}: grant ${g.school}/${g.year}/${g.calendar}${g.modify ? " with modify" : " read-only"} ` +
          `from ${formatGrantee(g.source)} → ${g.modify ? "no cap" : "capped at R"}`,
      );
    }
  }
  return lines;
}

/**
 * The explanation on one line, as the path the answer took: each grantee's applied entry (and
 * entries left out for their dates), the union, a deny, the calendar cap, the result. Used where
 * one line per answer is the contract (`gatehouse policy test`).
 */
export function explainPath(expl: RightExplanation): string {
  if (expl.roleOverride) return `Student Information System role → RWAD everywhere, denies do not apply → ${show(expl.rights)}`;
  const steps: string[] = [];
  for (const g of expl.grantees) {
    const who = formatGrantee(g.grantee);
    if (!g.active) steps.push(`${who}: membership not in force`);
    else if (g.applied) steps.push(`${who} ${show(g.applied.rights)} from "${g.applied.entryPath}"${window(g.applied)}`);
    else steps.push(`${who}: no entry on the tool or above`);
    for (const i of g.ignored) if (g.active) steps.push(`${who} ${i.deny ? "deny" : show(i.rights)} on "${i.entryPath}" ${i.reason.replace(/-/g, " ")}${window(i)}`);
  }
  const parts = [steps.length ? steps.join(", ") : "no groups and no individual rights", `union ${show(expl.union)}`];
  if (expl.deny) parts.push(`denied by ${formatGrantee(expl.deny.grantee)} on "${expl.deny.entryPath}"`);
  const cap = expl.calendarCap;
  if (cap?.applies) {
    const cal = `calendar "${cap.calendar.calendar}"`;
    parts.push(!cap.grant ? `${cal}: no calendar rights, capped at ""` : cap.grant.modify ? `${cal}: grant with modify, no cap` : `${cal}: read-only grant from ${formatGrantee(cap.grant.source)}, capped at R`);
  }
  parts.push(show(expl.rights));
  return parts.join(" → ");
}
