/**
 * Reviews of grants that need a person's attention: individual rights (the seed advises groups),
 * groups past their member limit, and entries or memberships running out soon.
 */
import { isActiveAt } from "../../domain/rights/model.js";
import type { Rights } from "../../domain/rights/rights.js";
import { activeMemberCounts, userLookup, type ReviewSource } from "./review-source.js";

export type IndividualRight = {
  userId: string;
  username: string;
  displayName: string;
  toolPath: string;
  rights: Rights;
  deny: boolean;
  until: Date | null;
  active: boolean;
};

export function buildIndividualRights(source: ReviewSource): IndividualRight[] {
  const user = userLookup(source);
  const out: IndividualRight[] = [];
  for (const u of source.model.users) {
    for (const e of u.entries) {
      out.push({
        userId: u.id,
        username: u.username,
        displayName: user(u.id).displayName,
        toolPath: e.toolPath,
        rights: e.deny ? "" : e.rights,
        deny: e.deny === true,
        until: e.until ?? null,
        active: isActiveAt(e, source.asOf),
      });
    }
  }
  return out.sort((a, b) => a.username.localeCompare(b.username) || a.toolPath.localeCompare(b.toolPath));
}

export type GroupOverLimit = { groupId: string; name: string; memberLimit: number; members: number };

export function buildGroupsOverLimit(source: ReviewSource): GroupOverLimit[] {
  const counts = activeMemberCounts(source);
  return source.groups
    .filter((g) => g.memberLimit !== null && (counts.get(g.id) ?? 0) > g.memberLimit)
    .map((g) => ({ groupId: g.id, name: g.name, memberLimit: g.memberLimit!, members: counts.get(g.id) ?? 0 }))
    .sort((a, b) => b.members - b.memberLimit - (a.members - a.memberLimit) || a.name.localeCompare(b.name));
}

export type ExpiringGrant = {
  kind: "group-entry" | "user-entry" | "membership";
  until: Date;
  groupId: string | null;
  groupName: string | null;
  userId: string | null;
  username: string | null;
  toolPath: string | null;
  rights: Rights | null;
  deny: boolean;
};

export const EXPIRING_WITHIN_DAYS = 30;

/** Entries and memberships in force now whose until falls within the next `days` days. */
export function buildExpiringGrants(source: ReviewSource, days = EXPIRING_WITHIN_DAYS): ExpiringGrant[] {
  const now = source.asOf.getTime();
  const end = now + days * 86_400_000;
  const soon = (b: { from?: Date; until?: Date }): b is { until: Date } =>
    b.until !== undefined && b.until.getTime() > now && b.until.getTime() <= end && isActiveAt(b, source.asOf);
  const groupName = new Map(source.groups.map((g) => [g.id, g.name]));
  const out: ExpiringGrant[] = [];
  for (const g of source.model.groups) {
    for (const e of g.entries) {
      if (!soon(e)) continue;
      out.push({ kind: "group-entry", until: e.until, groupId: g.id, groupName: g.name, userId: null, username: null, toolPath: e.toolPath, rights: e.deny ? "" : e.rights, deny: e.deny === true });
    }
  }
  for (const u of source.model.users) {
    for (const e of u.entries) {
      if (!soon(e)) continue;
      out.push({ kind: "user-entry", until: e.until, groupId: null, groupName: null, userId: u.id, username: u.username, toolPath: e.toolPath, rights: e.deny ? "" : e.rights, deny: e.deny === true });
    }
    for (const m of u.memberships) {
      if (!soon(m)) continue;
      out.push({ kind: "membership", until: m.until, groupId: m.groupId, groupName: groupName.get(m.groupId) ?? m.groupId, userId: u.id, username: u.username, toolPath: null, rights: null, deny: false });
    }
  }
  return out.sort((a, b) => a.until.getTime() - b.until.getTime());
}
