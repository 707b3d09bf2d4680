/**
 * A deactivated contact of the demo district for the reactivation in support-contacts.spec.ts,
 * so the demo's own deactivated contact (Dana) stays deactivated for the specs that check it.
 */
import { createUser } from "../../../src/features/users/create-user.js";
import { findLoginUser } from "../../../src/features/auth/repo.js";
import type { Db } from "../../../src/platform/db/connect.js";
import { eq } from "drizzle-orm";
import { authorizedContacts } from "../../../src/platform/db/schema/contacts.js";
import { users } from "../../../src/platform/db/schema/users.js";

export const REACTIVATION_CONTACT = { username: "riley", displayName: "Riley Brooks" } as const;

/** A technical contact with MFA on, owned by support-contact-gaps.spec.ts (technical: the support allowance stays as the other specs expect). */
export const GAPS_CONTACT = { username: "casey", displayName: "Casey Gaps", password: "Gaps-Contact-Pass-48", secret: "KRSXG5CTMVRXEZLUKRSXG5CTMVRXEZLU", type: "technical" } as const;

const DAY = 86_400_000;

async function seedMfaContact(db: Db, districtId: string, now: Date, fixture: typeof GAPS_CONTACT) {
  if (await findLoginUser(db, districtId, fixture.username)) return;
  const { username, displayName, password } = fixture;
  const user = await createUser(db, { districtId, username, displayName, email: `${username}@demo-usd.example`, password }, null);
  await db.update(users).set({ mfaSecret: fixture.secret, mfaEnabledAt: now }).where(eq(users.id, user.id));
  await db.insert(authorizedContacts).values({ districtId, userId: user.id, type: fixture.type, status: "active", lastActivityAt: now, designatedAt: now });
}

export async function seedSupportFixtures(db: Db, districtId: string, now = new Date()): Promise<void> {
  await seedMfaContact(db, districtId, now, GAPS_CONTACT);
  if (await findLoginUser(db, districtId, REACTIVATION_CONTACT.username)) return;
  const user = await createUser(
    db,
    { districtId, ...REACTIVATION_CONTACT, email: `${REACTIVATION_CONTACT.username}@demo-usd.example`, password: "Tidal-Bench-Ledger-61" },
    null,
  );
  await db.insert(authorizedContacts).values({
    districtId,
    userId: user.id,
    type: "support",
    status: "deactivated",
    lastActivityAt: new Date(now.getTime() - 300 * DAY),
    designatedAt: new Date(now.getTime() - 500 * DAY),
    deactivatedAt: new Date(now.getTime() - 90 * DAY),
  });
}
