import { asc, eq, ne } from "drizzle-orm";
import { exportPolicy, districtModelToPolicy } from "../../../domain/policy/export-policy.js";
import type { PolicyDocument, PolicyRights } from "../../../domain/policy/policy-document.js";
import { getCatalog, type Catalog } from "../../../domain/rights/catalog.js";
import type { Db } from "../../../platform/db/connect.js";
import { authorizedContacts } from "../../../platform/db/schema/contacts.js";
import { districts } from "../../../platform/db/schema/districts.js";
import { userGroups } from "../../../platform/db/schema/rights.js";
import { sisCalendars } from "../../../platform/db/schema/sis.js";
import { users } from "../../../platform/db/schema/users.js";
import { inDistrict } from "../../../platform/db/tenancy.js";
import { loadDistrictModel } from "../repo-model.js";
import { readMasterSchedulingEnds } from "../rights-version.js";

const t = (d: Date | undefined) => d?.getTime() ?? -Infinity;

/** Rights with tools in catalog order and each tool's time windows in date order: a stable file. */
function sortRights(rights: PolicyRights, catalog: Catalog): PolicyRights {
  const order = (p: string) => catalog.byKey.get(p.toLowerCase()) ?? Number.MAX_SAFE_INTEGER;
  return Object.fromEntries(
    Object.keys(rights)
      .sort((a, b) => order(a) - order(b) || a.localeCompare(b))
      .map((k) => [k, [...rights[k]!].sort((a, b) => t(a.from) - t(b.from) || t(a.until) - t(b.until))]),
  );
}

const byGrant = (a: { school: string; year: string; calendar: string }, b: typeof a) =>
  a.school.localeCompare(b.school) || a.year.localeCompare(b.year) || a.calendar.localeCompare(b.calendar);

/** The district as a policy document (null when there is no district of that name). */
export async function exportDistrictPolicy(db: Db, districtName: string, catalog: Catalog = getCatalog()): Promise<PolicyDocument | null> {
  const [district] = await db.select().from(districts).where(eq(districts.name, districtName)).limit(1);
  if (!district) return null;
  const scope = { districtId: district.id };
  const model = await loadDistrictModel(db, scope);
  const groups = await db.select({ id: userGroups.id, limit: userGroups.memberLimit }).from(userGroups).where(inDistrict(userGroups, scope));
  const calendars = await db
    .select({ school: sisCalendars.schoolName, year: sisCalendars.yearName, calendar: sisCalendars.name })
    .from(sisCalendars)
    .where(inDistrict(sisCalendars, scope))
    .orderBy(asc(sisCalendars.schoolName), asc(sisCalendars.yearName), asc(sisCalendars.name));
  const limits = Object.fromEntries(groups.filter((g) => g.limit !== null).map((g) => [g.id, g.limit!]));
  const doc = districtModelToPolicy(model, catalog, { district: district.name, calendars, automaticStaffAccounts: district.preferences.automaticStaffAccounts === true, limits });
  const ends = await readMasterSchedulingEnds(db, scope);
  if (ends) doc.preferences.masterSchedulingEnds = ends;
  for (const g of doc.groups) {
    g.rights = sortRights(g.rights, catalog);
    g.calendars.sort(byGrant);
  }
  for (const u of doc.users) {
    u.rights = sortRights(u.rights, catalog);
    u.calendars.sort(byGrant);
    u.groups.sort((a, b) => a.name.localeCompare(b.name));
  }
  const contacts = await db
    .select({ username: users.username, email: users.email, type: authorizedContacts.type, lastActivity: authorizedContacts.lastActivityAt })
    .from(authorizedContacts)
    .innerJoin(users, eq(users.id, authorizedContacts.userId))
    .where(inDistrict(authorizedContacts, scope, ne(authorizedContacts.status, "deactivated")))
    .orderBy(asc(users.username));
  if (district.addOnProducts > 0 || contacts.length > 0) {
    doc.support = {
      addOnProducts: district.addOnProducts,
      contacts: contacts.filter((c) => c.email).map((c) => ({ username: c.username, email: c.email!, type: c.type, lastActivity: c.lastActivity })),
    };
  }
  return doc;
}

/** YAML text of the district's policy, ready for `gatehouse policy apply`. */
export async function exportDistrictYaml(db: Db, districtName: string): Promise<string | null> {
  const doc = await exportDistrictPolicy(db, districtName);
  return doc ? exportPolicy(doc) : null;
}
