/**
 * The security screens' view of the API: wire types derived from the server's zod schemas
 * (dates arrive as ISO strings), the calls, and the query keys to refresh after a change.
 */
import type { z } from "zod";
import type {
  ZDeletionPreview,
  ZGrant,
  ZGroupDetail,
  ZGroupSummary,
  ZMember,
  ZPreferences,
  ZRightsPreview,
  ZTemplateGroupsCreated,
} from "../../../features/rights/schema.js";
import type { ZSchoolAssignments } from "../../../features/oneroster/schema.js";
import type { ZEffectiveRights, ZExplanation, ZUserDetail, ZUserSummary } from "../../../features/rights/schema-users.js";
import { api } from "../../api.js";
import type { Page } from "../../components/paged-list.js";
import type { EntryDto } from "./rights-diff.js";
import type { SeedCaution } from "./seed-cautions-table.js";
import { confirmingPastUntil } from "./confirm-past-until.js";

/** A server type as JSON delivers it: Date → ISO string. */
export type Wire<T> = T extends Date ? string : T extends (infer U)[] ? Wire<U>[] : T extends object ? { [K in keyof T]: Wire<T[K]> } : T;

export type GroupSummary = Wire<z.infer<typeof ZGroupSummary>>;
export type GroupDetail = Wire<z.infer<typeof ZGroupDetail>>;
export type Member = Wire<z.infer<typeof ZMember>>;
export type Grant = Wire<z.infer<typeof ZGrant>>;
export type DeletionPreview = Wire<z.infer<typeof ZDeletionPreview>>;
export type RightsPreview = Wire<z.infer<typeof ZRightsPreview>>;
export type Preferences = Wire<z.infer<typeof ZPreferences>>;
export type TemplateGroupsCreated = Wire<z.infer<typeof ZTemplateGroupsCreated>>;
/** A membership's dates as the screen last saw them; null: not a member. */
export type MembershipWindow = { from: string | null; until: string | null };

/** The body of a 409 "version-conflict" on a save: the state that won, and who made it. */
export type RightsConflict = {
  detail: string;
  current: { entries: EntryDto[]; calendarGrants?: Grant[]; version: number; updatedBy?: string | null; updatedAt?: string | null };
};

export const keys = {
  catalog: ["security", "catalog"] as const,
  groups: (search = "") => ["security", "groups", search] as const,
  group: (id: string) => ["security", "group", id] as const,
  groupCautions: (id: string) => ["security", "group", id, "seed-cautions"] as const,
  users: (search = "") => ["security", "users", search] as const,
  user: (id: string) => ["security", "user", id] as const,
  effective: (id: string) => ["security", "user", id, "effective"] as const,
  schoolAssignments: (id: string) => ["security", "user", id, "school-assignments"] as const,
  preferences: ["security", "preferences"] as const,
  calendars: ["security", "calendars"] as const,
  all: ["security"] as const,
};

export type UserSummary = Wire<z.infer<typeof ZUserSummary>>;
export type UserDetail = Wire<z.infer<typeof ZUserDetail>>;
export type EffectiveRights = Wire<z.infer<typeof ZEffectiveRights>>;
export type Explanation = Wire<z.infer<typeof ZExplanation>>;
export type Role = UserSummary["productSecurityRole"];
export type SchoolAssignments = Wire<z.infer<typeof ZSchoolAssignments>>;
export type Template = { name: string; notes: string[]; memberLimit: number | null; entries: { path: string; rights: string; masterSchedulingPeriod: boolean }[] };

/** One calendar as calendar grants name it. */
export type CalendarRef = { school: string; year: string; calendar: string };
/** Where and when to look at a user's rights: in one calendar (or none), on a day (or now). */
export type RightsLens = { calendar: CalendarRef | null; asOf: string | null };

function lensQuery(lens: RightsLens): string {
  const p = new URLSearchParams();
  if (lens.calendar) {
    p.set("school", lens.calendar.school);
    p.set("year", lens.calendar.year);
    p.set("calendar", lens.calendar.calendar);
  }
  // a day means the whole of it as the administrator sees it: noon, local time
  if (lens.asOf) p.set("asOf", new Date(`${lens.asOf}T12:00:00`).toISOString());
  return p.toString();
}

type GrantInput = { school: string; year: string; calendar: string; modify: boolean; until?: string };
type EntryInput = EntryDto;

/** Every URL of the rights API the screens use, in one place. */
export const securityApi = {
  templates: () => api.get<Template[]>("/api/templates"),
  /** The first 100 matches, for pickers; the Users screen pages through all of them. */
  users: async (search: string) => (await api.get<Page<UserSummary>>(`/api/users?search=${encodeURIComponent(search)}`)).items,
  user: (id: string) => api.get<UserDetail>(`/api/users/${id}`),
  addMembers: (groupId: string, body: { userIds: string[]; until?: string; confirmOverLimit?: boolean }) => api.post<{ added: number; alreadyMembers: number; overLimit: boolean }>(`/api/groups/${groupId}/members/bulk-add`, body),
  removeMembers: (groupId: string, userIds: string[]) => api.post<{ removed: number }>(`/api/groups/${groupId}/members/bulk-remove`, { userIds }),
  importMemberships: (csv: string, confirmOverLimit = false) => api.post<{ rows: number; added: number; unchanged: number }>("/api/memberships/import", { csv, confirmOverLimit }),
  createAccount: (body: { username: string; displayName: string; email?: string }) => api.post<UserSummary>("/api/users", body),
  setDisabled: (id: string, disabled: boolean, reason: string) => api.post<UserSummary>(`/api/users/${id}/${disabled ? "disable" : "enable"}`, { reason }),
  setRole: (id: string, role: Role, version: number) => api.put<{ productSecurityRole: Role; version: number }>(`/api/users/${id}/role`, { role, version }),
  saveUserRights: (id: string, entries: EntryInput[], version: number) =>
    confirmingPastUntil((confirmPastUntil) => api.put<{ version: number; warning: string | null }>(`/api/users/${id}/rights`, { version, entries, confirmPastUntil })),
  saveUserGrants: (id: string, calendarGrants: GrantInput[], version: number) => api.put<{ version: number }>(`/api/users/${id}/calendar-rights`, { version, calendarGrants }),
  schoolAssignments: (id: string) => api.get<SchoolAssignments>(`/api/users/${id}/school-assignments`),
  /** Replaces the assignments entered in the web app (the other sources' stay), at the account version read. */
  saveSchoolAssignments: (id: string, assignments: { schoolId: string; title: string }[], version: number) =>
    api.put<SchoolAssignments>(`/api/users/${id}/school-assignments`, { version, assignments }),
  effectiveRights: (userId: string, lens: RightsLens) => api.get<EffectiveRights>(`/api/users/${userId}/effective-rights?${lensQuery(lens)}`),
  explain: (userId: string, tool: string, lens: RightsLens) => api.get<Explanation>(`/api/users/${userId}/explain?tool=${encodeURIComponent(tool)}&${lensQuery(lens)}`),
  calendars: () => api.get<CalendarRef[]>("/api/calendars"),
  preferences: () => api.get<Preferences>("/api/preferences"),
  savePreferences: (body: { automaticStaffAccounts?: boolean; masterSchedulingEnds?: string | null; version: number }) => api.put<Preferences>("/api/preferences", body),
  /** Up to 500 groups, for pickers; the User groups screen pages through all of them. */
  groups: async (search: string) => (await api.get<Page<GroupSummary>>(`/api/groups?limit=500&search=${encodeURIComponent(search)}`)).items,
  group: (id: string) => api.get<GroupDetail>(`/api/groups/${id}`),
  groupCautions: (id: string) => api.get<{ rows: SeedCaution[] }>(`/api/groups/${id}/seed-cautions`),
  createGroup: (body: { name: string; description?: string; memberLimit?: number | null; template?: string; copyOf?: string; masterSchedulingEnds?: string }) =>
    api.post<GroupDetail>("/api/groups", body),
  updateGroup: (id: string, body: { name?: string; description?: string; memberLimit?: number | null; ownerId?: string | null; version: number }) => api.patch<GroupDetail>(`/api/groups/${id}`, body),
  deletionPreview: (id: string) => api.get<DeletionPreview>(`/api/groups/${id}/deletion-preview`),
  deleteGroup: (id: string, version: number) => api.delete<void>(`/api/groups/${id}?version=${version}`),
  saveGroupRights: (id: string, entries: EntryInput[], version: number) =>
    confirmingPastUntil((confirmPastUntil) => api.put<{ version: number }>(`/api/groups/${id}/rights`, { version, entries, confirmPastUntil })),
  previewGroupRights: (id: string, entries: EntryInput[]) => api.post<RightsPreview>(`/api/groups/${id}/rights/preview`, { entries }),
  saveGroupGrants: (id: string, calendarGrants: GrantInput[], version: number) => api.put<{ version: number }>(`/api/groups/${id}/calendar-rights`, { version, calendarGrants }),
  createTemplateGroups: (body: { templates?: string[]; skipExisting: boolean; masterSchedulingEnds?: string }) => api.post<TemplateGroupsCreated>("/api/groups/from-templates", body),
  addMember: (groupId: string, body: { userId: string; from?: string; until?: string; confirmOverLimit?: boolean; expected?: MembershipWindow | null }) =>
    confirmingPastUntil((confirmPastUntil) => api.post<{ overLimit: boolean; members: Member[] }>(`/api/groups/${groupId}/members`, { ...body, confirmPastUntil })),
  /** `seen`: the membership as the screen showed it; if it changed since, 409 membership-conflict and nothing is removed. */
  removeMember: (groupId: string, userId: string, seen: MembershipWindow) =>
    api.delete<void>(`/api/groups/${groupId}/members/${userId}?${new URLSearchParams({ expectedFrom: seen.from ?? "open", expectedUntil: seen.until ?? "open" })}`),
};
