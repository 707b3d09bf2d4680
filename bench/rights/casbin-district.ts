/**
 * The bench district as node-casbin policy, in casbin's own recommended RBAC-with-domains model
 * (users reach rights through `g` role links to their groups, one domain per district) with the
 * allow/deny effect of casbin's RBAC-with-deny model. What casbin cannot express is given to it
 * as plain rules: nearest-entry inheritance down the tool tree (each group's rights are written
 * per tool it reaches), time bounds (only what is in force at asOf), calendar grants (one object
 * per calendar of the district, "*" expanded over them; read-only gives R, modify R, W, A and D)
 * and the Student Information System role (a role with every right on every tool and calendar,
 * and no other role links, so no deny reaches its holders).
 */
import { newCachedEnforcer, newModelFromString, StringAdapter, type CachedEnforcer } from "casbin";
import { compileGrantee } from "../../src/domain/rights/compile-district.js";
import { isActiveAt, type CalendarGrant, type CalendarRef, type RightEntry } from "../../src/domain/rights/model.js";
import { RIGHT_LETTERS } from "../../src/domain/rights/rights.js";
import { ASOF, type BenchDistrict } from "./district.js";

export const CASBIN_MODEL = `
[request_definition]
r = sub, dom, obj, act

[policy_definition]
p = sub, dom, obj, act, eft

[role_definition]
g = _, _, _

[policy_effect]
e = some(where (p.eft == allow)) && !some(where (p.eft == deny))

[matchers]
m = g(r.sub, p.sub, r.dom) && r.dom == p.dom && r.obj == p.obj && r.act == p.act
`;

export const DOM = "district1";
export const SIS_ROLE = "role:student-information-system";
export const calendarObject = (c: CalendarRef) => `calendar:${c.school}|${c.year}|${c.calendar}`;

export function casbinPolicy(d: BenchDistrict): string[] {
  const { catalog } = d;
  const lines: string[] = [];
  const rules = (sub: string, entries: RightEntry[], grants: CalendarGrant[]) => {
    const c = compileGrantee(catalog, entries, ASOF);
    for (let i = 0; i < catalog.nodes.length; i++) {
      const obj = catalog.nodes[i]!.id;
      if (c.deny?.[i]) for (const a of RIGHT_LETTERS) lines.push(`p, ${sub}, ${DOM}, ${obj}, ${a}, deny`);
      for (let k = 0; k < c.levels[i]!; k++) lines.push(`p, ${sub}, ${DOM}, ${obj}, ${RIGHT_LETTERS[k]}, allow`);
    }
    for (const g of grants) {
      if (!isActiveAt(g, ASOF)) continue;
      for (const cal of d.calendars) {
        if ((g.school !== "*" && g.school !== cal.school) || (g.year !== "*" && g.year !== cal.year) || (g.calendar !== "*" && g.calendar !== cal.calendar)) continue;
        for (const a of g.modify ? RIGHT_LETTERS : RIGHT_LETTERS.slice(0, 1)) lines.push(`p, ${sub}, ${DOM}, ${calendarObject(cal)}, ${a}, allow`);
      }
    }
  };
  for (const g of d.model.groups) rules(g.id, g.entries, g.calendarGrants);
  for (const n of catalog.nodes) for (const a of RIGHT_LETTERS) lines.push(`p, ${SIS_ROLE}, ${DOM}, ${n.id}, ${a}, allow`);
  for (const cal of d.calendars) for (const a of RIGHT_LETTERS) lines.push(`p, ${SIS_ROLE}, ${DOM}, ${calendarObject(cal)}, ${a}, allow`);
  for (const u of d.model.users) {
    if (u.productSecurityRole === "student-information-system") {
      lines.push(`g, ${u.id}, ${SIS_ROLE}, ${DOM}`);
      continue;
    }
    if (u.entries.length > 0 || u.calendarGrants.length > 0) rules(u.id, u.entries, u.calendarGrants);
    for (const m of u.memberships) if (isActiveAt(m, ASOF)) lines.push(`g, ${u.id}, ${m.groupId}, ${DOM}`);
  }
  return lines;
}

export async function casbinEnforcer(d: BenchDistrict): Promise<{ enforcer: CachedEnforcer; pRules: number; gRules: number }> {
  const lines = casbinPolicy(d);
  const enforcer = await newCachedEnforcer(newModelFromString(CASBIN_MODEL), new StringAdapter(lines.join("\n")));
  const pRules = lines.filter((l) => l.startsWith("p,")).length;
  return { enforcer, pRules, gRules: lines.length - pRules };
}
