import { eq, sql } from "drizzle-orm";
import type { CalendarGrant, DistrictModel, RightEntry } from "../../../domain/rights/model.js";
import type { PolicyDocument } from "../../../domain/policy/policy-document.js";
import { recordAudit } from "../../../platform/audit.js";
import type { Db } from "../../../platform/db/connect.js";
import { userGroupMembers, userGroups } from "../../../platform/db/schema/rights.js";
import { users } from "../../../platform/db/schema/users.js";
import { inDistrict, type DistrictScope } from "../../../platform/db/tenancy.js";
import { createUser } from "../../users/create-user.js";
import { findGroupByName, readEntries, readGrants, writeEntries, writeGrants, type Grantee } from "../repo-groups.js";
import type { Entry, Grant } from "../schema.js";
import type { Changes } from "./policy-district.js";
import { recordRightsVersion } from "../../governance/rights-versions-repo.js";

const time = (d: Date | null | undefined) => (d ? d.toISOString() : "");
const entryKey = (e: Entry) => `${e.toolPath}|${e.deny}|${e.deny ? "" : e.rights}|${time(e.from)}|${time(e.until)}`;
const grantKey = (g: Grant) => `${g.school}|${g.year}|${g.calendar}|${g.modify}|${time(g.from)}|${time(g.until)}`;
const sameSet = <T>(a: T[], b: T[], key: (x: T) => string) => {
  const ka = a.map(key).sort();
  const kb = b.map(key).sort();
  return ka.length === kb.length && ka.every((k, i) => k === kb[i]);
};

const toEntry = (e: RightEntry): Entry => ({ toolPath: e.toolPath, rights: e.deny ? "" : e.rights, deny: e.deny === true, from: e.from ?? null, until: e.until ?? null });
const toGrant = (g: CalendarGrant): Grant => ({ school: g.school, year: g.year, calendar: g.calendar, modify: g.modify, from: g.from ?? null, until: g.until ?? null });

/** Makes the grantee's entries and calendar rights exactly these; says what it changed. */
async function syncGrantee(tx: Db, scope: DistrictScope, grantee: Grantee, label: string, entries: Entry[], grants: Grant[], changes: Changes): Promise<boolean> {
  let changed = false;
  const target = "groupId" in grantee ? { type: "group", id: grantee.groupId, name: label } : { type: "user", id: grantee.userId, name: label };
  const audit = (action: string, before: unknown, after: unknown) => recordAudit(tx, { districtId: scope.districtId, actor: null, action, target, before, after });
  const beforeEntries = await readEntries(tx, scope, grantee);
  if (!sameSet(beforeEntries, entries, entryKey)) {
    await writeEntries(tx, scope, grantee, entries);
    await audit(`${target.type}.rights-replaced`, { entries: beforeEntries }, { entries, by: "policy apply" });
    changes.push(`${label}: tool rights set (${entries.length} entries)`);
    changed = true;
  }
  const beforeGrants = await readGrants(tx, scope, grantee);
  if (!sameSet(beforeGrants, grants, grantKey)) {
    await writeGrants(tx, scope, grantee, grants);
    await audit(`${target.type}.calendar-rights-replaced`, { calendarGrants: beforeGrants }, { calendarGrants: grants, by: "policy apply" });
    changes.push(`${label}: calendar rights set (${grants.length})`);
    changed = true;
  }
  if (changed && "groupId" in grantee) await recordRightsVersion(tx, scope, grantee.groupId, null, "policy apply");
  return changed;
}

/** The district user with this username, created without a password (they set one later) when missing. */
export async function ensureUser(tx: Db, scope: DistrictScope, username: string, changes: Changes, email?: string) {
  const [found] = await tx
    .select({ id: users.id, email: users.email, role: users.productSecurityRole })
    .from(users)
    .where(inDistrict(users, scope, sql`lower(${users.username}) = lower(${username})`))
    .limit(1);
  if (found) return found;
  const created = await createUser(tx, { districtId: scope.districtId, username, displayName: username, ...(email ? { email } : {}) }, null);
  changes.push(`created user ${username} (no password yet)`);
  return { id: created.id, email: created.email, role: created.productSecurityRole };
}

/** Groups of the file: created when missing, member limit and rights made as written. Returns name → id. */
export async function applyGroups(tx: Db, scope: DistrictScope, policy: PolicyDocument, model: DistrictModel, changes: Changes): Promise<Map<string, string>> {
  const ids = new Map<string, string>();
  for (const g of policy.groups) {
    const modelGroup = model.groups.find((x) => x.id === g.name)!;
    let row = await findGroupByName(tx, scope, g.name);
    if (!row) {
      row = (await tx.insert(userGroups).values({ districtId: scope.districtId, name: g.name, memberLimit: g.limit ?? null, template: g.template ?? null }).returning())[0]!;
      changes.push(`created group "${g.name}"${g.template ? ` from template "${g.template}"` : ""}`);
    } else if (row.memberLimit !== (g.limit ?? null)) {
      await tx.update(userGroups).set({ memberLimit: g.limit ?? null }).where(eq(userGroups.id, row.id));
      changes.push(`group "${g.name}": member limit ${g.limit ?? "none"}`);
    }
    ids.set(g.name, row!.id);
    const changed = await syncGrantee(tx, scope, { groupId: row!.id }, `group "${g.name}"`, modelGroup.entries.map(toEntry), modelGroup.calendarGrants.map(toGrant), changes);
    if (changed) await tx.update(userGroups).set({ version: sql`${userGroups.version} + 1`, updatedAt: sql`now()`, updatedById: null, updatedByName: "policy apply" }).where(eq(userGroups.id, row!.id));
  }
  return ids;
}

/** Users of the file: created when missing; role, memberships, own rights and calendars made as written. */
export async function applyUsers(tx: Db, scope: DistrictScope, policy: PolicyDocument, model: DistrictModel, groupIds: Map<string, string>, changes: Changes): Promise<void> {
  for (const u of policy.users) {
    const modelUser = model.users.find((x) => x.id === u.username)!;
    const user = await ensureUser(tx, scope, u.username, changes);
    let changed = false;
    if (user.role !== u.productSecurityRole) {
      await tx.update(users).set({ productSecurityRole: u.productSecurityRole }).where(eq(users.id, user.id));
      await recordAudit(tx, {
        districtId: scope.districtId, actor: null, action: "user.role-changed", target: { type: "user", id: user.id, name: u.username },
        before: { productSecurityRole: user.role }, after: { productSecurityRole: u.productSecurityRole, by: "policy apply" },
      });
      changes.push(`${u.username}: product security role ${u.productSecurityRole}`);
      changed = true;
    }
    changed = (await syncMemberships(tx, scope, user.id, u.username, modelUser.memberships.map((m) => ({ ...m, groupId: groupIds.get(m.groupId)! })), changes)) || changed;
    changed = (await syncGrantee(tx, scope, { userId: user.id }, u.username, modelUser.entries.map(toEntry), modelUser.calendarGrants.map(toGrant), changes)) || changed;
    if (changed) await tx.update(users).set({ version: sql`${users.version} + 1` }).where(eq(users.id, user.id));
  }
}

async function syncMemberships(tx: Db, scope: DistrictScope, userId: string, username: string, wanted: { groupId: string; from?: Date; until?: Date }[], changes: Changes): Promise<boolean> {
  const current = await tx.select().from(userGroupMembers).where(inDistrict(userGroupMembers, scope, eq(userGroupMembers.userId, userId)));
  const key = (m: { groupId: string; from?: Date | null; until?: Date | null }) => `${m.groupId}|${time(m.from)}|${time(m.until)}`;
  const currentKeys = current.map((m) => key({ groupId: m.groupId, from: m.validFrom, until: m.validUntil }));
  if (sameSet(currentKeys, wanted.map(key), (k) => k)) return false;
  await tx.delete(userGroupMembers).where(inDistrict(userGroupMembers, scope, eq(userGroupMembers.userId, userId)));
  await recordAudit(tx, {
    districtId: scope.districtId, actor: null, action: "user.memberships-replaced", target: { type: "user", id: userId, name: username },
    before: { memberships: current.map((m) => ({ groupId: m.groupId, from: m.validFrom, until: m.validUntil })) },
    after: { memberships: wanted.map((m) => ({ groupId: m.groupId, from: m.from ?? null, until: m.until ?? null })), by: "policy apply" },
  });
  if (wanted.length > 0) {
    await tx.insert(userGroupMembers).values(wanted.map((m) => ({ districtId: scope.districtId, groupId: m.groupId, userId, validFrom: m.from ?? null, validUntil: m.until ?? null })));
  }
  changes.push(`${username}: memberships set (${wanted.length} group${wanted.length === 1 ? "" : "s"})`);
  return true;
}
