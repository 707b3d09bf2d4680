/**
 * A deactivated contact of the demo district for the reactivation in support-contacts.spec.ts,
 * so the demo's own deactivated contact (Dana) stays deactivated for the specs that check it.
 */
import { createUser } from "../../../src/features/users/create-user.js";
import { findLoginUser } from "../../../src/features/auth/repo.js";
import type { Db } from "../../../src/platform/db/connect.js";
import { authorizedContacts } from "../../../src/platform/db/schema/contacts.js";

export const REACTIVATION_CONTACT = { username: "riley", displayName: "Riley Brooks" } as const;

const DAY = 86_400_000;

export async function seedSupportFixtures(db: Db, districtId: string, now = new Date()): Promise<void> {
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
