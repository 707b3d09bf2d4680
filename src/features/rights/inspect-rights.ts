import { findNode, getCatalog, suggestPath, type CatalogNode } from "../../domain/rights/catalog.js";
import { checkRight, isWithinWindow } from "../../domain/rights/check-right.js";
import { compileDistrict } from "../../domain/rights/compile-district.js";
import { explainRight } from "../../domain/rights/explain-right.js";
import { formatExplanation } from "../../domain/rights/format-explanation.js";
import type { CalendarRef, DistrictModel } from "../../domain/rights/model.js";
import { rightsFromLevel, type RightLetter } from "../../domain/rights/rights.js";
import { whoHasAccess } from "../../domain/rights/who-has-access.js";
import type { AppDeps } from "../../platform/deps.js";
import type { DistrictActor } from "../../platform/http/actor.js";
import { AppError, notFound } from "../../platform/http/errors.js";
import { currentCompiled } from "./current-rights.js";

export type RightsQuery = { school?: string; year?: string; calendar?: string; asOf?: Date };

/** The calendar of a query: all three parts, or none. */
export function calendarOf(q: RightsQuery): CalendarRef | undefined {
  const given = [q.school, q.year, q.calendar].filter((x) => x !== undefined).length;
  if (given === 0) return undefined;
  if (given !== 3) throw new AppError(400, "calendar-incomplete", "Name a calendar with all three of school, year and calendar.", { path: "querystring.calendar" });
  return { school: q.school!, year: q.year!, calendar: q.calendar! };
}

export function toolNode(tool: string, path = "querystring.tool"): CatalogNode {
  const node = findNode(getCatalog(), tool);
  if (node) return node;
  const suggestion = suggestPath(getCatalog(), tool);
  throw new AppError(422, "unknown-tool", `There is no tool "${tool}"${suggestion ? `; did you mean "${suggestion}"?` : "."}`, { path, detail: suggestion ? { suggestion } : {} });
}

/** The model cut down to these users and their groups: compiling it at another date is cheap. */
export function modelOfUsers(model: DistrictModel, userIds: string[]): DistrictModel {
  const people = model.users.filter((u) => userIds.includes(u.id));
  const groupIds = new Set(people.flatMap((u) => u.memberships.map((m) => m.groupId)));
  return { users: people, groups: model.groups.filter((g) => groupIds.has(g.id)) };
}

/** The whole catalog as one user sees it, optionally in a calendar and at another date. */
export async function getEffectiveRights(deps: AppDeps, actor: DistrictActor, userId: string, q: RightsQuery) {
  const calendar = calendarOf(q);
  let compiled = await currentCompiled(deps, actor);
  if (!compiled.model.users.some((u) => u.id === userId)) throw notFound("That user");
  const asOf = q.asOf ?? deps.clock.now();
  if (!isWithinWindow(compiled, asOf)) compiled = compileDistrict(compiled.catalog, modelOfUsers(compiled.model, [userId]), asOf);
  const idx = compiled.userIndex.get(userId)!;
  return {
    asOf,
    calendar: calendar ?? null,
    tools: compiled.catalog.nodes.map((n) => ({ path: n.path, depth: n.depth, rights: rightsFromLevel(checkRight(compiled, idx, n.index, calendar)) })),
  };
}

export async function explainUserRight(deps: AppDeps, actor: DistrictActor, userId: string, q: RightsQuery & { tool: string }) {
  const node = toolNode(q.tool);
  const calendar = calendarOf(q);
  const compiled = await currentCompiled(deps, actor);
  if (!compiled.model.users.some((u) => u.id === userId)) throw notFound("That user");
  const expl = explainRight(compiled.catalog, compiled.model, userId, node.path, { asOf: q.asOf ?? deps.clock.now(), ...(calendar ? { calendar } : {}) });
  return {
    toolPath: expl.toolPath,
    rights: expl.rights,
    union: expl.union,
    roleOverride: expl.roleOverride,
    asOf: expl.asOf,
    grantees: expl.grantees.map((g) => ({
      kind: g.grantee.kind,
      name: g.grantee.kind === "group" ? g.grantee.groupName : g.grantee.username,
      groupId: g.grantee.kind === "group" ? g.grantee.groupId : null,
      active: g.active,
      rights: g.rights,
      entryPath: g.applied?.entryPath ?? null,
      denies: g.denies.map((d) => d.entryPath),
      ignored: g.ignored.map((i) => ({ entryPath: i.entryPath, rights: i.rights, deny: i.deny, reason: i.reason })),
    })),
    deny: expl.deny ? { entryPath: expl.deny.entryPath, by: expl.deny.grantee.kind === "group" ? expl.deny.grantee.groupName : expl.deny.grantee.username } : null,
    calendarCap: expl.calendarCap ? { applies: expl.calendarCap.applies, cap: expl.calendarCap.cap, grant: expl.calendarCap.grant ? { school: expl.calendarCap.grant.school, year: expl.calendarCap.grant.year, calendar: expl.calendarCap.grant.calendar, modify: expl.calendarCap.grant.modify } : null } : null,
    lines: formatExplanation(expl),
  };
}

/** Everyone holding at least `right` on the tool (in the calendar), with the grants that give it. */
export async function listAccessHolders(deps: AppDeps, actor: DistrictActor, q: RightsQuery & { tool: string; right: RightLetter }) {
  const node = toolNode(q.tool);
  const calendar = calendarOf(q);
  const compiled = await currentCompiled(deps, actor);
  const holders = whoHasAccess(compiled.catalog, compiled, node.path, q.right, { ...(calendar ? { calendar } : {}), ...(q.asOf ? { asOf: q.asOf } : {}) });
  return {
    toolPath: node.path,
    right: q.right,
    protected: compiled.protectedNodes[node.index] === 1,
    holders: holders.map((h) => ({
      userId: h.userId,
      username: h.username,
      rights: h.rights,
      via: h.via.map((v) => (v.kind === "role" ? { kind: v.kind, name: "Student Information System role", entryPath: null, rights: "RWAD" as const } : { kind: v.kind, name: v.kind === "group" ? v.groupName : h.username, entryPath: v.entryPath, rights: v.rights })),
    })),
  };
}
