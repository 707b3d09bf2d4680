/**
 * PolicyDocument → engine model. Group ids are group names and user ids are usernames
 * (the database layer maps them to its own ids when it applies a file).
 */
import { findNode, type Catalog } from "../rights/catalog.js";
import type { CalendarGrant, CalendarRef, DistrictModel, GroupModel, RightEntry, UserModel } from "../rights/model.js";
import { findTemplate, resolveTemplateEntries } from "../rights/templates.js";
import type { PolicyCalendarGrant, PolicyDocument, PolicyRights } from "./policy-document.js";

function bounds(x: { from?: Date; until?: Date }): { from?: Date; until?: Date } {
  return { ...(x.from ? { from: x.from } : {}), ...(x.until ? { until: x.until } : {}) };
}

export function rightsToEntries(rights: PolicyRights): RightEntry[] {
  return Object.entries(rights).flatMap(([toolPath, values]) =>
    values.map((v): RightEntry => (v.deny ? { toolPath, rights: "", deny: true, ...bounds(v) } : { toolPath, rights: v.rights, ...bounds(v) })),
  );
}

function grantsOf(list: PolicyCalendarGrant[]): CalendarGrant[] {
  return list.map((g) => ({ school: g.school, year: g.year, calendar: g.calendar, modify: g.modify, ...bounds(g) }));
}

/**
 * A group with a template starts from the template's entries; the group's own rights
 * replace the template's entries for the same tool (all of them, time windows included).
 */
export function policyToDistrictModel(policy: PolicyDocument, catalog: Catalog): DistrictModel {
  const canonical = (p: string): string => findNode(catalog, p)?.path ?? p;
  const groups: GroupModel[] = policy.groups.map((g) => {
    const own = rightsToEntries(g.rights);
    const overridden = new Set(own.map((e) => canonical(e.toolPath)));
    const template = g.template !== undefined ? findTemplate(g.template) : undefined;
    const fromTemplate = template
      ? resolveTemplateEntries(template, policy.preferences.masterSchedulingEnds ? { masterSchedulingEnds: policy.preferences.masterSchedulingEnds } : {})
          .filter((e) => !overridden.has(canonical(e.toolPath)))
      : [];
    return { id: g.name, name: g.name, entries: [...fromTemplate, ...own], calendarGrants: grantsOf(g.calendars) };
  });
  const users: UserModel[] = policy.users.map((u) => ({
    id: u.username,
    username: u.username,
    productSecurityRole: u.productSecurityRole,
    memberships: u.groups.map((m) => ({ groupId: m.name, ...bounds(m) })),
    entries: rightsToEntries(u.rights),
    calendarGrants: grantsOf(u.calendars),
  }));
  return { users, groups, ...(policy.protected ? { protectedTools: policy.protected } : {}) };
}

/** The district calendar with this name, as the engine's CalendarRef. */
export function findPolicyCalendar(policy: PolicyDocument, name: string): CalendarRef | undefined {
  return policy.calendars.find((c) => c.calendar === name);
}
