import { and, eq, inArray, sql } from "drizzle-orm";
import { recordAudit } from "../../platform/audit.js";
import type { Db } from "../../platform/db/connect.js";
import { staffAutomationMappings, staffAutomationRuns, type AutomationAction } from "../../platform/db/schema/oneroster.js";
import { calendarGrants, rightEntries, userGroupMembers, userGroups } from "../../platform/db/schema/rights.js";
import { users } from "../../platform/db/schema/users.js";
import { inDistrict, type DistrictScope } from "../../platform/db/tenancy.js";
import { disableAccount } from "../governance/dormant-accounts.js";
import { readPreferences } from "../rights/repo-preferences.js";
import { bumpRightsVersion } from "../rights/rights-version.js";

/**
 * A staff member's school assignments as a source (OneRoster, SCIM, the web app) knows them.
 * No `userId`: the account is created with `username`. No schools: every assignment has ended.
 */
export type StaffAssignment = {
  userId?: string;
  username: string;
  displayName?: string;
  personId?: string;
  schools: { schoolId?: string; schoolName: string; title: string }[];
  calendars?: unknown[];
};
export type AutomationContext = { source: string; by: { id: string; name: string } | null; now: Date };

/**
 * Staff account automation (the seed's "Enable Automatic Creation of Staff Accounts"): while the
 * preference is on, an assignment creates the account, adds it to the calendar-only groups mapped
 * to the school and to the groups mapped to the title; an account with no assignment left is
 * disabled (never a Product Security Role holder's: the district's administrators stay). A school mapping to a group that is not calendar-only (it grants a tool right) is
 * skipped: the seed's rule keeps calendar groups free of tool rights. Every action is audited and
 * the run is kept for the run history.
 */
export async function applyStaffAssignments(tx: Db, scope: DistrictScope, staff: StaffAssignment[], ctx: AutomationContext): Promise<{ ran: boolean; actions: AutomationAction[] }> {
  if (staff.length === 0 || !(await readPreferences(tx, scope)).automaticStaffAccounts) return { ran: false, actions: [] };
  const mappings = await tx
    .select({ kind: staffAutomationMappings.kind, key: staffAutomationMappings.key, groupId: staffAutomationMappings.groupId, groupName: userGroups.name })
    .from(staffAutomationMappings)
    .innerJoin(userGroups, eq(userGroups.id, staffAutomationMappings.groupId))
    .where(inDistrict(staffAutomationMappings, scope));
  const calendarOnly = await calendarOnlyGroupIds(tx, scope, [...new Set(mappings.filter((m) => m.kind === "school").map((m) => m.groupId))]);
  const actions: AutomationAction[] = [];
  const changedUsers: string[] = [];
  const act = async (a: AutomationAction, audit: { action: string; target: { type: string; id: string; name?: string }; after: unknown }) => {
    actions.push(a);
    await recordAudit(tx, { districtId: scope.districtId, actor: ctx.by, ...audit, after: { ...(audit.after as object), automation: ctx.source } });
  };
  const known = staff.flatMap((s) => (s.userId && s.schools.length > 0 ? [s.userId] : []));
  // one read for every known account instead of one update each: only the disabled ones are enabled below
  const disabled = new Set(known.length === 0 ? [] : (await tx.select({ id: users.id }).from(users).where(inDistrict(users, scope, eq(users.disabled, true), sql`${users.id} = any(${sql.param(known)}::uuid[])`))).map((u) => u.id));
  for (const s of staff) {
    let userId = s.userId;
    if (s.schools.length === 0) {
      if (userId && (await holdsRole(tx, scope, userId))) {
        actions.push({ username: s.username, action: "skipped", detail: "no school assignment is left, but the account holds a Product Security Role, so the automation leaves it enabled" });
        continue;
      }
      if (userId && (await disableAccount(tx, { id: userId, username: s.username, districtId: scope.districtId }, ctx.by, `staff account automation: no school assignment is left (${ctx.source})`, ctx.now))) {
        actions.push({ username: s.username, action: "account-disabled", detail: "no school assignment is left" });
      }
      continue;
    }
    if (!userId) {
      const [made] = await tx.insert(users).values({ districtId: scope.districtId, username: s.username, displayName: s.displayName ?? s.username }).onConflictDoNothing().returning({ id: users.id });
      const id = made?.id ?? (await tx.select({ id: users.id }).from(users).where(inDistrict(users, scope, eq(users.username, s.username))))[0]!.id;
      userId = id;
      if (made) await act({ username: s.username, action: "account-created", detail: `assigned to ${s.schools.map((x) => x.schoolName).join(", ")}` }, { action: "user.created", target: { type: "user", id, name: s.username }, after: { username: s.username } });
    }
    const [enabled] = s.userId && !disabled.has(s.userId) ? [] : await tx.update(users).set({ disabled: false, version: sql`${users.version} + 1` }).where(inDistrict(users, scope, eq(users.id, userId), eq(users.disabled, true))).returning({ id: users.id });
    if (enabled) await act({ username: s.username, action: "account-enabled", detail: "a school assignment began again" }, { action: "user.enabled", target: { type: "user", id: userId, name: s.username }, after: { disabled: false } });
    const groups = new Map<string, string>();
    for (const school of s.schools) {
      for (const m of mappings) {
        const lower = m.key.toLowerCase();
        if (m.kind === "school" && lower === school.schoolName.toLowerCase()) {
          if (calendarOnly.has(m.groupId)) groups.set(m.groupId, m.groupName);
          else actions.push({ username: s.username, action: "skipped", detail: `"${m.groupName}" is mapped to ${school.schoolName} but is not calendar-only (it has tool rights or no calendar rights)` });
        }
        if (m.kind === "role" && lower === school.title.toLowerCase()) groups.set(m.groupId, m.groupName);
      }
    }
    if (groups.size === 0) continue;
    const added = await tx
      .insert(userGroupMembers)
      .values([...groups.keys()].map((groupId) => ({ districtId: scope.districtId, groupId, userId: userId!, addedAt: ctx.now })))
      .onConflictDoNothing()
      .returning({ groupId: userGroupMembers.groupId });
    for (const g of added) {
      await act({ username: s.username, action: "group-added", detail: groups.get(g.groupId)! }, { action: "group.member-added", target: { type: "group", id: g.groupId, name: groups.get(g.groupId) }, after: { userId, username: s.username } });
    }
    if (added.length > 0) changedUsers.push(userId);
  }
  if (changedUsers.length > 0) await bumpRightsVersion(tx, scope, { users: changedUsers });
  if (actions.length > 0) {
    await tx.insert(staffAutomationRuns).values({ districtId: scope.districtId, source: ctx.source, actorName: ctx.by?.name ?? null, ranAt: ctx.now, actions });
    await recordAudit(tx, { districtId: scope.districtId, actor: ctx.by, action: "staff-automation.ran", target: { type: "district", id: scope.districtId }, after: { source: ctx.source, actions: actions.length } });
  }
  return { ran: true, actions };
}

async function holdsRole(tx: Db, scope: DistrictScope, userId: string): Promise<boolean> {
  const [row] = await tx.select({ role: users.productSecurityRole }).from(users).where(inDistrict(users, scope, eq(users.id, userId)));
  return Boolean(row && row.role !== "none");
}

/** Of these groups, those that hold calendar rights and grant no tool right: the seed's calendar groups. */
export async function calendarOnlyGroupIds(db: Db, scope: DistrictScope, groupIds: string[]): Promise<Set<string>> {
  if (groupIds.length === 0) return new Set();
  const withCalendars = await db.selectDistinct({ id: calendarGrants.groupId }).from(calendarGrants).where(inDistrict(calendarGrants, scope, inArray(calendarGrants.groupId, groupIds)));
  const withTools = await db
    .selectDistinct({ id: rightEntries.groupId })
    .from(rightEntries)
    .where(inDistrict(rightEntries, scope, inArray(rightEntries.groupId, groupIds), and(eq(rightEntries.deny, false), sql`${rightEntries.rights} <> ''`)));
  const tools = new Set(withTools.map((r) => r.id));
  return new Set(withCalendars.map((r) => r.id!).filter((id) => !tools.has(id)));
}
