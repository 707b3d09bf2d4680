/** The governance screens' view of the API: comparisons, rights history, dormant accounts. */
import type { z } from "zod";
import type { ZAccountsDisabled, ZDormantList, ZGroupComparison, ZRightsVersionDiff, ZRightsVersionList, ZUserComparison } from "../../../features/governance/schema.js";
import { api } from "../../api.js";
import type { CalendarRef, Wire } from "../security/security-api.js";

export type GroupComparison = Wire<z.infer<typeof ZGroupComparison>>;
export type UserComparison = Wire<z.infer<typeof ZUserComparison>>;
export type RightsVersion = Wire<z.infer<typeof ZRightsVersionList>>[number];
export type RightsVersionDiff = Wire<z.infer<typeof ZRightsVersionDiff>>;
export type DormantList = Wire<z.infer<typeof ZDormantList>>;
export type AccountsDisabled = Wire<z.infer<typeof ZAccountsDisabled>>;

export const governanceKeys = {
  compareGroups: (a: string, b: string) => ["governance", "compare-groups", a, b] as const,
  compareUsers: (query: string) => ["governance", "compare-users", query] as const,
  history: (groupId: string) => ["governance", "history", groupId] as const,
  diff: (groupId: string, from: number, to: number) => ["governance", "history", groupId, from, to] as const,
  dormant: (days: number) => ["governance", "dormant", days] as const,
  dormantPolicy: ["governance", "dormant-policy"] as const,
};

/** The query string of a user comparison: both people, optionally a calendar and a day. */
export function userComparisonQuery(a: string, b: string, calendar: CalendarRef | null, day: string | null): string {
  const p = new URLSearchParams({ a, b });
  if (calendar) for (const [k, v] of Object.entries(calendar)) p.set(k, v);
  if (day) p.set("asOf", new Date(`${day}T12:00:00`).toISOString());
  return p.toString();
}

export const governanceApi = {
  compareGroups: (a: string, b: string) => api.get<GroupComparison>(`/api/compare/groups?${new URLSearchParams({ a, b })}`),
  compareGroupsCsvUrl: (a: string, b: string) => `/api/compare/groups.csv?${new URLSearchParams({ a, b })}`,
  compareUsers: (query: string) => api.get<UserComparison>(`/api/compare/users?${query}`),
  compareUsersCsvUrl: (query: string) => `/api/compare/users.csv?${query}`,
  history: (groupId: string) => api.get<RightsVersion[]>(`/api/groups/${groupId}/rights-history`),
  diff: (groupId: string, from: number, to: number) => api.get<RightsVersionDiff>(`/api/groups/${groupId}/rights-history/diff?from=${from}&to=${to}`),
  restore: (groupId: string, number: number, version: number) => api.post<{ version: number; savedAs: number }>(`/api/groups/${groupId}/rights-history/${number}/restore`, { version }),
  dormant: (days: number) => api.get<DormantList>(`/api/dormant-accounts?days=${days}`),
  dormantPolicy: () => api.get<{ disableAfterDays: number | null; noticeDays: number }>("/api/dormant-accounts/policy"),
  setDormantPolicy: (disableAfterDays: number | null) => api.put<{ disableAfterDays: number | null; noticeDays: number }>("/api/dormant-accounts/policy", { disableAfterDays }),
  disable: (userIds: string[], reason: string) => api.post<AccountsDisabled>("/api/dormant-accounts/disable", { userIds, reason }),
};
