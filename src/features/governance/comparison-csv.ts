import { toCsv } from "../reviews/review-csv.js";
import type { compareGroups } from "./compare-groups.js";
import type { compareUsers } from "./compare-users.js";

const shown = (s: { rights: string; deny: boolean }) => (s.deny ? "deny" : s.rights === "" ? "none" : s.rights);
const modify = (g: { modify: boolean } | null) => (g === null ? "no grant" : g.modify ? "modify" : "read-only");

/** Two groups' differences as one table: tool rows, then calendar rows, then member rows. */
export function groupComparisonCsv(c: Awaited<ReturnType<typeof compareGroups>>): string {
  const rows: unknown[][] = [
    ...c.tools.map((t) => ["tool", t.path, shown(t.a), shown(t.b)]),
    ...c.calendars.map((g) => ["calendar", `${g.school} / ${g.year} / ${g.calendar}`, modify(g.a), modify(g.b)]),
    ...c.members.onlyA.map((m) => ["member", m.username, "member", "not a member"]),
    ...c.members.onlyB.map((m) => ["member", m.username, "not a member", "member"]),
  ];
  return toCsv(["Kind", "What", c.a.name, c.b.name], rows);
}

export function userComparisonCsv(c: Awaited<ReturnType<typeof compareUsers>>): string {
  const r = (x: string) => (x === "" ? "none" : x);
  return toCsv(
    ["Tool", c.a.username, `${c.a.username}: from`, c.b.username, `${c.b.username}: from`],
    c.tools.map((t) => [t.path, r(t.a.rights), t.a.source, r(t.b.rights), t.b.source]),
  );
}
