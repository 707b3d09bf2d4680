/**
 * PolicyDocument → YAML in the policy file format, and an engine model → PolicyDocument
 * (for `gatehouse policy export`). Output parses back to the same document.
 */
import { stringify } from "yaml";
import type { Catalog } from "../rights/catalog.js";
import type { CalendarGrant, CalendarRef, DistrictModel, RightEntry } from "../rights/model.js";
import type { PolicyCalendarGrant, PolicyDocument, PolicyRight, PolicyRights } from "./policy-document.js";
import { findNode } from "../rights/catalog.js";

/** Midnight UTC prints as a plain date, anything else as an ISO date-time. */
function dateText(d: Date): string {
  const iso = d.toISOString();
  return iso.endsWith("T00:00:00.000Z") ? iso.slice(0, 10) : iso;
}

function boundsOut(x: { from?: Date; until?: Date }): Record<string, string> {
  return { ...(x.from ? { from: dateText(x.from) } : {}), ...(x.until ? { until: dateText(x.until) } : {}) };
}

function rightOut(v: PolicyRight): unknown {
  const timed = v.from !== undefined || v.until !== undefined;
  if (v.deny) return timed ? { deny: true, ...boundsOut(v) } : "deny";
  return timed ? { rights: v.rights, ...boundsOut(v) } : v.rights;
}

function rightsOut(r: PolicyRights): Record<string, unknown> {
  return Object.fromEntries(Object.entries(r).map(([path, values]) => [path, values.length === 1 ? rightOut(values[0]!) : values.map(rightOut)]));
}

function grantOut(g: PolicyCalendarGrant): Record<string, unknown> {
  return { school: g.school, year: g.year, calendar: g.calendar, modify: g.modify, ...boundsOut(g) };
}

export function exportPolicy(policy: PolicyDocument): string {
  const out: Record<string, unknown> = {
    district: policy.district,
    preferences: {
      automaticStaffAccounts: policy.preferences.automaticStaffAccounts,
      ...(policy.preferences.masterSchedulingEnds ? { masterSchedulingEnds: dateText(policy.preferences.masterSchedulingEnds) } : {}),
    },
    ...(policy.protected ? { protected: [...policy.protected] } : {}),
    calendars: policy.calendars.map((c) => ({ school: c.school, year: c.year, calendar: c.calendar })),
    groups: policy.groups.map((g) => ({
      name: g.name,
      ...(g.template !== undefined ? { template: g.template } : {}),
      ...(g.limit !== undefined ? { limit: g.limit } : {}),
      rights: rightsOut(g.rights),
      calendars: g.calendars.map(grantOut),
    })),
    users: policy.users.map((u) => ({
      username: u.username,
      groups: u.groups.map((m) => (m.from || m.until ? { name: m.name, ...boundsOut(m) } : m.name)),
      productSecurityRole: u.productSecurityRole,
      rights: rightsOut(u.rights),
      calendars: u.calendars.map(grantOut),
    })),
    ...(policy.support
      ? {
          support: {
            addOnProducts: policy.support.addOnProducts,
            contacts: policy.support.contacts.map((c) => ({
              username: c.username,
              email: c.email,
              type: c.type,
              ...(c.lastActivity ? { lastActivity: dateText(c.lastActivity) } : {}),
            })),
          },
        }
      : {}),
    assertions: policy.assertions.map((a) => ({
      user: a.user,
      tool: a.tool,
      ...(a.calendar !== undefined ? { calendar: a.calendar } : {}),
      ...(a.asOf ? { asOf: dateText(a.asOf) } : {}),
      rights: a.rights,
    })),
  };
  return stringify(out, { lineWidth: 0 });
}

function entriesToRights(entries: RightEntry[], catalog: Catalog): PolicyRights {
  const out: PolicyRights = {};
  for (const e of entries) {
    const path = findNode(catalog, e.toolPath)?.path ?? e.toolPath;
    const b = { ...(e.from ? { from: e.from } : {}), ...(e.until ? { until: e.until } : {}) };
    (out[path] ??= []).push(e.deny ? { deny: true, ...b } : { rights: e.rights, ...b });
  }
  return out;
}

function grantsIn(list: CalendarGrant[]): PolicyCalendarGrant[] {
  return list.map((g) => ({ ...g }));
}

/**
 * An engine model (as read from the database) as a PolicyDocument. Templates are already
 * expanded in a model, so exported groups carry their full entries and no template.
 */
export function districtModelToPolicy(
  model: DistrictModel,
  catalog: Catalog,
  meta: { district: string; calendars: CalendarRef[]; automaticStaffAccounts: boolean; limits?: Record<string, number> },
): PolicyDocument {
  const nameOf = new Map(model.groups.map((g) => [g.id, g.name]));
  return {
    district: meta.district,
    preferences: { automaticStaffAccounts: meta.automaticStaffAccounts },
    protected: [...(model.protectedTools ?? [])],
    calendars: meta.calendars.map((c) => ({ ...c })),
    groups: model.groups.map((g) => ({
      name: g.name,
      ...(meta.limits?.[g.id] !== undefined ? { limit: meta.limits[g.id]! } : {}),
      rights: entriesToRights(g.entries, catalog),
      calendars: grantsIn(g.calendarGrants),
    })),
    users: model.users.map((u) => ({
      username: u.username,
      groups: u.memberships.map((m) => ({ name: nameOf.get(m.groupId) ?? m.groupId, ...(m.from ? { from: m.from } : {}), ...(m.until ? { until: m.until } : {}) })),
      productSecurityRole: u.productSecurityRole,
      rights: entriesToRights(u.entries, catalog),
      calendars: grantsIn(u.calendarGrants),
    })),
    assertions: [],
  };
}
