import { and, eq, inArray, sql } from "drizzle-orm";
import type { CalendarRef } from "../../../domain/rights/model.js";
import type { PolicyDocument } from "../../../domain/policy/policy-document.js";
import type { Db } from "../../../platform/db/connect.js";
import { authorizedContacts } from "../../../platform/db/schema/contacts.js";
import { districts } from "../../../platform/db/schema/districts.js";
import { districtProtectedTools } from "../../../platform/db/schema/rights.js";
import { sisCalendars, sisSchools, sisSchoolYears } from "../../../platform/db/schema/sis.js";
import { users } from "../../../platform/db/schema/users.js";
import { inDistrict, type DistrictScope } from "../../../platform/db/tenancy.js";
import { loadProtectedTools } from "../repo-model.js";
import { readMasterSchedulingEnds, saveMasterSchedulingEnds } from "../rights-version.js";
import { ensureUser } from "./policy-grantees.js";

export type Changes = string[];

const YEAR_NAME = /^(\d{4})-(\d{2})$/;

/** "2025-26" → 2025-07-01 .. 2026-06-30: the school year a calendar belongs to. */
export function schoolYearDates(name: string): { startDate: string; endDate: string } | null {
  const m = YEAR_NAME.exec(name);
  if (!m) return null;
  const start = Number(m[1]);
  if ((start + 1) % 100 !== Number(m[2])) return null;
  return { startDate: `${start}-07-01`, endDate: `${start + 1}-06-30` };
}

function slugFor(name: string): string {
  return name.toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "").slice(0, 60) || "district";
}

/** The district by name, created (with a free slug) when missing. */
export async function ensureDistrict(tx: Db, name: string, changes: Changes): Promise<{ id: string }> {
  const [found] = await tx.select({ id: districts.id }).from(districts).where(eq(districts.name, name)).limit(1);
  if (found) return found;
  const base = slugFor(name);
  let slug = base;
  for (let n = 2; (await tx.select({ id: districts.id }).from(districts).where(eq(districts.slug, slug)).limit(1)).length > 0; n++) slug = `${base}-${n}`;
  const [created] = await tx.insert(districts).values({ name, slug }).returning({ id: districts.id });
  changes.push(`created district "${name}" (sign-in slug ${slug})`);
  return created!;
}

export async function applyPreferences(tx: Db, scope: DistrictScope, prefs: PolicyDocument["preferences"], changes: Changes): Promise<void> {
  const [district] = await tx.select({ preferences: districts.preferences }).from(districts).where(eq(districts.id, scope.districtId));
  if (district!.preferences.automaticStaffAccounts !== prefs.automaticStaffAccounts) {
    await tx
      .update(districts)
      .set({ preferences: sql`${districts.preferences} || ${JSON.stringify({ automaticStaffAccounts: prefs.automaticStaffAccounts })}::jsonb`, version: sql`${districts.version} + 1` })
      .where(eq(districts.id, scope.districtId));
    changes.push(`automatic creation of staff accounts: ${prefs.automaticStaffAccounts ? "on" : "off"}`);
  }
  const ends = prefs.masterSchedulingEnds ?? null;
  const current = await readMasterSchedulingEnds(tx, scope);
  if ((current?.getTime() ?? null) !== (ends?.getTime() ?? null)) {
    await saveMasterSchedulingEnds(tx, scope, ends);
    changes.push(`master scheduling period ends: ${ends ? ends.toISOString().slice(0, 10) : "not set"}`);
  }
}

/** The district's own protected areas become exactly the file's list (the seed's list is not the file's to change). */
export async function applyProtected(tx: Db, scope: DistrictScope, paths: string[], changes: Changes): Promise<void> {
  const current = await loadProtectedTools(tx, scope);
  const removed = current.filter((p) => !paths.includes(p));
  const added = paths.filter((p) => !current.includes(p));
  if (removed.length > 0) await tx.delete(districtProtectedTools).where(inDistrict(districtProtectedTools, scope, inArray(districtProtectedTools.toolPath, removed)));
  if (added.length > 0) await tx.insert(districtProtectedTools).values(added.map((toolPath) => ({ districtId: scope.districtId, toolPath, markedByName: "policy apply" })));
  for (const p of added) changes.push(`protected area marked: ${p}`);
  for (const p of removed) changes.push(`protected area unmarked: ${p}`);
}

/** Schools, school years and calendars named in the file (only missing ones are created). */
export async function applyCalendars(tx: Db, scope: DistrictScope, calendars: CalendarRef[], changes: Changes): Promise<void> {
  for (const c of calendars) {
    let [school] = await tx.select().from(sisSchools).where(inDistrict(sisSchools, scope, eq(sisSchools.name, c.school))).limit(1);
    if (!school) {
      const level = /high/i.test(c.school) ? "high" : /middle|junior/i.test(c.school) ? "middle" : "elementary";
      [school] = await tx.insert(sisSchools).values({ districtId: scope.districtId, name: c.school, level }).returning();
      changes.push(`created school "${c.school}"`);
    }
    let [year] = await tx.select().from(sisSchoolYears).where(inDistrict(sisSchoolYears, scope, eq(sisSchoolYears.name, c.year))).limit(1);
    if (!year) {
      [year] = await tx.insert(sisSchoolYears).values({ districtId: scope.districtId, name: c.year, ...schoolYearDates(c.year)! }).returning();
      changes.push(`created school year "${c.year}"`);
    }
    const [cal] = await tx
      .select({ id: sisCalendars.id })
      .from(sisCalendars)
      .where(inDistrict(sisCalendars, scope, and(eq(sisCalendars.schoolName, c.school), eq(sisCalendars.yearName, c.year), eq(sisCalendars.name, c.calendar))))
      .limit(1);
    if (!cal) {
      await tx.insert(sisCalendars).values({ districtId: scope.districtId, schoolId: school!.id, yearId: year!.id, schoolName: c.school, yearName: c.year, name: c.calendar });
      changes.push(`created calendar "${c.calendar}"`);
    }
  }
}

/** Add-on products and authorized contacts; a contact that is new or was deactivated becomes active. */
export async function applySupport(tx: Db, scope: DistrictScope, support: NonNullable<PolicyDocument["support"]>, changes: Changes): Promise<void> {
  const [district] = await tx.select({ addOnProducts: districts.addOnProducts }).from(districts).where(eq(districts.id, scope.districtId));
  if (district!.addOnProducts !== support.addOnProducts) {
    await tx.update(districts).set({ addOnProducts: support.addOnProducts, version: sql`${districts.version} + 1` }).where(eq(districts.id, scope.districtId));
    changes.push(`add-on products: ${support.addOnProducts}`);
  }
  for (const c of support.contacts) {
    const user = await ensureUser(tx, scope, c.username, changes, c.email);
    if (user.email !== c.email) {
      await tx.update(users).set({ email: c.email, version: sql`${users.version} + 1` }).where(eq(users.id, user.id));
      changes.push(`${c.username}: email ${c.email}`);
    }
    const [row] = await tx.select().from(authorizedContacts).where(inDistrict(authorizedContacts, scope, eq(authorizedContacts.userId, user.id))).limit(1);
    const activity = c.lastActivity ? { lastActivityAt: c.lastActivity } : {};
    if (!row) {
      await tx.insert(authorizedContacts).values({ districtId: scope.districtId, userId: user.id, type: c.type, status: "active", ...activity });
      changes.push(`${c.username}: authorized ${c.type} contact`);
      continue;
    }
    // Reactivating, or a newer last activity on a pending contact (activity clears a pending
    // deactivation), starts a new inactivity cycle, so the old cycle's notices do not block the
    // next ones. A reactivated contact with no lastActivity in the file counts as active now.
    const newer = c.lastActivity !== undefined && c.lastActivity.getTime() > row.lastActivityAt.getTime();
    const restart = row.status === "deactivated" || (row.status === "pending-deactivation" && newer);
    const set = {
      ...(row.type !== c.type ? { type: c.type } : {}),
      ...(restart ? { status: "active" as const, deactivatedAt: null, inactivityCycle: row.inactivityCycle + 1 } : {}),
      ...(c.lastActivity ? (row.lastActivityAt.getTime() !== c.lastActivity.getTime() ? activity : {}) : row.status === "deactivated" ? { lastActivityAt: sql`now()` } : {}),
    };
    if (Object.keys(set).length === 0) continue;
    await tx.update(authorizedContacts).set({ ...set, version: sql`${authorizedContacts.version} + 1` }).where(eq(authorizedContacts.id, row.id));
    changes.push(`${c.username}: contact ${Object.keys(set).join(", ")} updated`);
  }
}
