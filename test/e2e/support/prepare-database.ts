/**
 * Runs before the e2e server starts (see playwright.config.ts): migrates the fresh database,
 * seeds the demo district and creates the accounts in accounts.ts. Exits non-zero on any failure
 * so the run stops with the reason instead of failing every test.
 */
import { and, eq } from "drizzle-orm";
import { openDatabase } from "../../../src/cli/context.js";
import { seedDemo } from "../../../src/features/demo/seed-demo.js";
import { createUser } from "../../../src/features/users/create-user.js";
import { findLoginUser } from "../../../src/features/auth/repo.js";
import { loadConfig } from "../../../src/platform/config.js";
import { users } from "../../../src/platform/db/schema/users.js";
import { districts } from "../../../src/platform/db/schema/districts.js";
import { sisCalendars, sisSchools, sisSchoolYears } from "../../../src/platform/db/schema/sis.js";
import { authorizedContacts } from "../../../src/platform/db/schema/contacts.js";
import { userGroupMembers, userGroups } from "../../../src/platform/db/schema/rights.js";
import { bumpRightsVersion } from "../../../src/features/rights/rights-version.js";
import { ACCOUNTS, DEMO_SLUG, E2E_DISTRICTS } from "./accounts.js";
import { GAPS_CONTACT } from "./support-fixtures.js";
import { seedLifecycleFixtures } from "./lifecycle-fixtures.js";
import { seedSupportFixtures } from "./support-fixtures.js";

/** One school with one calendar, so Ad hoc fields (read through calendars) can be used in the district. */
async function seedOneCalendar(districtId: string) {
  const [year] = await database.db.insert(sisSchoolYears).values({ districtId, name: "2025-26", startDate: "2025-08-15", endDate: "2026-06-15" }).onConflictDoNothing().returning();
  const [school] = await database.db.insert(sisSchools).values({ districtId, name: "XSS High", level: "high" }).onConflictDoNothing().returning();
  if (!year || !school) return; // seeded by an earlier run
  await database.db.insert(sisCalendars).values({ districtId, schoolId: school.id, yearId: year.id, schoolName: school.name, yearName: year.name, name: "25-26 XSS High" });
}

const config = loadConfig();
const database = await openDatabase(config);
try {
  const { districtId } = await seedDemo(database.db);
  const districtIds = new Map<string, string>([[DEMO_SLUG, districtId]]);
  for (const d of E2E_DISTRICTS) {
    const [row] = await database.db.insert(districts).values({ slug: d.slug, name: d.name }).onConflictDoNothing().returning({ id: districts.id });
    const id = row?.id ?? (await database.db.select({ id: districts.id }).from(districts).where(eq(districts.slug, d.slug)))[0]!.id;
    districtIds.set(d.slug, id);
  }
  await seedOneCalendar(districtIds.get("e2e-xss")!);
  await seedLifecycleFixtures(database, config);
  await seedSupportFixtures(database.db, districtId);
  const allCampusUsers: string[] = [];
  for (const account of Object.values(ACCOUNTS)) {
    const inDistrict = account.district ? districtIds.get(account.district)! : null;
    if (await findLoginUser(database.db, inDistrict, account.username)) continue; // the seed made it
    const user = await createUser(
      database.db,
      {
        districtId: inDistrict,
        username: account.username,
        displayName: account.displayName,
        email: `${account.username}@e2e.example`,
        password: account.password,
        productSecurityRole: "role" in account ? account.role : "none",
      },
      null,
    );
    if ("mfaSecret" in account && account.mfaSecret) {
      await database.db.update(users).set({ mfaSecret: account.mfaSecret, mfaEnabledAt: new Date() }).where(eq(users.id, user.id));
    }
    if ("contact" in account && account.contact) {
      await database.db.insert(authorizedContacts).values({ districtId: inDistrict!, userId: user.id, type: account.contact, lastActivityAt: new Date(), designatedAt: new Date() });
    }
    if ("idleDays" in account && account.idleDays) {
      await database.db.update(users).set({ createdAt: new Date(Date.now() - account.idleDays * 86_400_000) }).where(eq(users.id, user.id));
    }
    if ("allCampusUsers" in account && account.allCampusUsers) allCampusUsers.push(user.id);
  }
  // the accounts whose specs use My account get the seed's own tools, as the demo's people have them
  const gaps = await findLoginUser(database.db, districtId, GAPS_CONTACT.username);
  if (gaps) allCampusUsers.push(gaps.id);
  const [everyone] = await database.db.select({ id: userGroups.id }).from(userGroups).where(and(eq(userGroups.districtId, districtId), eq(userGroups.name, "All Campus Users")));
  if (everyone && allCampusUsers.length > 0) {
    await database.db.insert(userGroupMembers).values(allCampusUsers.map((userId) => ({ districtId, groupId: everyone.id, userId }))).onConflictDoNothing();
    await bumpRightsVersion(database.db, { districtId }, { groups: [everyone.id], users: allCampusUsers });
  }
} finally {
  await database.close();
}
