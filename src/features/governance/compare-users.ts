import { checkRight, isWithinWindow } from "../../domain/rights/check-right.js";
import { compileDistrict, type CompiledDistrict } from "../../domain/rights/compile-district.js";
import { explainRight, type RightExplanation } from "../../domain/rights/explain-right.js";
import type { CalendarRef } from "../../domain/rights/model.js";
import { rightsFromLevel } from "../../domain/rights/rights.js";
import type { AppDeps } from "../../platform/deps.js";
import type { DistrictActor } from "../../platform/http/actor.js";
import { AppError } from "../../platform/http/errors.js";
import { currentCompiled } from "../rights/current-rights.js";
import { modelOfUsers } from "../rights/inspect-rights.js";

/** Where a user's right on one tool comes from, in words a reviewer reads in a table cell. */
function sourceOf(expl: RightExplanation): string {
  if (expl.roleOverride) return "Student Information System role";
  if (expl.deny) return `denied by ${expl.deny.grantee.kind === "group" ? expl.deny.grantee.groupName : "an individual entry"}`;
  const givers = expl.grantees.filter((g) => g.active && g.rights === expl.union && g.rights !== "");
  const from = givers.map((g) => (g.grantee.kind === "group" ? g.grantee.groupName : "individual rights")).join(", ");
  const capped = expl.calendarCap?.applies && expl.rights !== expl.union ? ` (capped by calendar rights: ${expl.calendarCap.grant ? "read-only" : "no grant"})` : "";
  return from ? `${from}${capped}` : "no entry";
}

function requireUser(compiled: CompiledDistrict, userId: string, path: string) {
  const user = compiled.model.users.find((u) => u.id === userId);
  if (!user) throw new AppError(404, "not-found", "That user was not found.", { path });
  return user;
}

/**
 * Two users side by side: every tool where their effective rights differ in the chosen
 * calendar and day, each with the group (or role, deny, calendar cap) the value comes from.
 */
export async function compareUsers(deps: AppDeps, actor: DistrictActor, aId: string, bId: string, opts: { calendar?: CalendarRef; asOf: Date }) {
  let compiled = await currentCompiled(deps, actor);
  const a = requireUser(compiled, aId, "querystring.a");
  const b = requireUser(compiled, bId, "querystring.b");
  if (!isWithinWindow(compiled, opts.asOf)) compiled = compileDistrict(compiled.catalog, modelOfUsers(compiled.model, [a.id, b.id]), opts.asOf);
  const ia = compiled.userIndex.get(aId)!;
  const ib = compiled.userIndex.get(bId)!;
  const explain = (userId: string, path: string) => explainRight(compiled.catalog, compiled.model, userId, path, { asOf: opts.asOf, ...(opts.calendar ? { calendar: opts.calendar } : {}) });
  const tools = [];
  for (const node of compiled.catalog.nodes) {
    const la = checkRight(compiled, ia, node.index, opts.calendar);
    const lb = checkRight(compiled, ib, node.index, opts.calendar);
    if (la === lb) continue;
    tools.push({
      path: node.path,
      depth: node.depth,
      a: { rights: rightsFromLevel(la), source: sourceOf(explain(aId, node.path)) },
      b: { rights: rightsFromLevel(lb), source: sourceOf(explain(bId, node.path)) },
    });
  }
  return {
    asOf: opts.asOf,
    calendar: opts.calendar ?? null,
    a: { id: a.id, username: a.username, productSecurityRole: a.productSecurityRole },
    b: { id: b.id, username: b.username, productSecurityRole: b.productSecurityRole },
    tools,
  };
}
