/**
 * A district of its own for lifecycle.spec.ts, so other specs signing the demo contacts in (which
 * is activity and resets their clock) cannot change what it checks. Run by prepare-database.ts
 * before the server starts: the contacts are made with their last activity in the past, then the
 * inactivity sweep is run as of the past days on which their notices went out.
 */
import { eq } from "drizzle-orm";
import { startOfDay, dayOf } from "../../../src/domain/contacts/calendar-day.js";
import { sweepContacts } from "../../../src/features/lifecycle/sweep-contacts.js";
import { portalBaseUrl } from "../../../src/features/lifecycle/sweep-options.js";
import { createUser } from "../../../src/features/users/create-user.js";
import type { Config } from "../../../src/platform/config.js";
import type { Database } from "../../../src/platform/db/connect.js";
import { authorizedContacts } from "../../../src/platform/db/schema/contacts.js";
import { districts } from "../../../src/platform/db/schema/districts.js";
import { users } from "../../../src/platform/db/schema/users.js";

export const LIFECYCLE_DISTRICT = { slug: "lifecycle-e2e", name: "Lifecycle Test USD" } as const;

/** Base32 authenticator secret of the contact who signs in to the portal. */
const PAT_SECRET = "KRSXG5CTMVRXEZLUKRSXG5CTMVRXEZLU";

/**
 * Today, counted from the last activity: Paula and Pat got their notice 20 days ago (10 days to
 * deactivation); Dora's notice is due in 20 days; Kai was active 5 days ago; Dex was deactivated
 * 50 days ago. Pat signs in to the portal in the spec (password and authenticator below).
 */
export const LIFECYCLE_CONTACTS = {
  paula: { username: "lc-paula", displayName: "Paula Pending", daysSinceActivity: 200 },
  pat: { username: "lc-pat", displayName: "Pat Portal", daysSinceActivity: 200, password: "Portal-Pending-73", mfaSecret: PAT_SECRET },
  dora: { username: "lc-dora", displayName: "Dora Duesoon", daysSinceActivity: 160 },
  kai: { username: "lc-kai", displayName: "Kai Recent", daysSinceActivity: 5 },
  dex: { username: "lc-dex", displayName: "Dex Deactivated", daysSinceActivity: 260 },
} as const;

/** Past sweep days (days before today) that bring the contacts above to where they are. */
const PAST_SWEEPS = [80, 51, 50, 20];

export async function seedLifecycleFixtures(database: Database, config: Config, now = new Date()): Promise<void> {
  const [existing] = await database.db.select({ id: districts.id }).from(districts).where(eq(districts.slug, LIFECYCLE_DISTRICT.slug));
  if (existing) return;
  const [district] = await database.db.insert(districts).values({ ...LIFECYCLE_DISTRICT, addOnProducts: 3 }).returning();
  for (const c of Object.values(LIFECYCLE_CONTACTS)) {
    const user = await createUser(
      database.db,
      {
        districtId: district!.id,
        username: c.username,
        displayName: c.displayName,
        email: `${c.username}@lifecycle.example`,
        password: "password" in c ? c.password : "Never-Used-Pass-58",
      },
      null,
    );
    if ("mfaSecret" in c) await database.db.update(users).set({ mfaSecret: c.mfaSecret, mfaEnabledAt: now }).where(eq(users.id, user.id));
    const lastActivityAt = new Date(now.getTime() - c.daysSinceActivity * 86_400_000);
    await database.db.insert(authorizedContacts).values({ districtId: district!.id, userId: user.id, type: "support", lastActivityAt, designatedAt: lastActivityAt });
  }
  const today = dayOf(now);
  for (const daysAgo of PAST_SWEEPS) {
    const asOf = today - daysAgo;
    await sweepContacts(database, { asOf, at: new Date(startOfDay(asOf).getTime() + 2 * 3_600_000), publicUrl: portalBaseUrl(config) });
  }
}

export const PAT_LOGIN = { district: LIFECYCLE_DISTRICT.slug, ...LIFECYCLE_CONTACTS.pat };
