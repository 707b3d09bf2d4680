/**
 * What every review reads: the engine's district model plus the names and limits the engine
 * does not need. Built once per request by load-review-source.ts; the builders are pure.
 */
import type { Catalog } from "../../domain/rights/catalog.js";
import { isActiveAt, type DistrictModel } from "../../domain/rights/model.js";

export type ReviewGroup = { id: string; name: string; memberLimit: number | null };
export type ReviewUser = { id: string; username: string; displayName: string };

export type ReviewSource = {
  catalog: Catalog;
  model: DistrictModel;
  groups: ReviewGroup[];
  users: ReviewUser[];
  asOf: Date;
  /** The district's master scheduling end date (a district setting); null when not set. */
  masterSchedulingEnd?: Date | null;
  /** Each calendar with its students (enrolled) and staff (assigned): whom an SSN right covers there. */
  ssnPopulation?: PopulationCalendar[];
};

export type PopulationCalendar = { school: string; year: string; calendar: string; students: number; staff: number };

/** Members whose membership is in force at asOf, per group id (each user once). */
export function activeMemberCounts(source: ReviewSource): Map<string, number> {
  const counts = new Map<string, number>();
  for (const u of source.model.users) {
    const groups = new Set(u.memberships.filter((m) => isActiveAt(m, source.asOf)).map((m) => m.groupId));
    for (const g of groups) counts.set(g, (counts.get(g) ?? 0) + 1);
  }
  return counts;
}

export function userLookup(source: ReviewSource): (id: string) => ReviewUser {
  const byId = new Map(source.users.map((u) => [u.id, u]));
  return (id) => byId.get(id) ?? { id, username: id, displayName: id };
}
