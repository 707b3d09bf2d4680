import { randomBytes } from "node:crypto";
import type { Db } from "../../src/platform/db/connect.js";
import { districts } from "../../src/platform/db/schema/districts.js";
import type { ProductSecurityRole } from "../../src/platform/db/schema/users.js";
import { createUser } from "../../src/features/users/create-user.js";

export const TEST_PASSWORD = "correct-horse-battery";

const suffix = () => randomBytes(3).toString("hex");

export async function buildDistrict(db: Db, overrides: Partial<typeof districts.$inferInsert> = {}) {
  const tag = suffix();
  const [district] = await db
    .insert(districts)
    .values({ slug: `d-${tag}`, name: `District ${tag}`, ...overrides })
    .returning();
  return district!;
}

export async function buildUser(
  db: Db,
  input: { districtId: string | null; username?: string; role?: ProductSecurityRole; password?: string; email?: string; displayName?: string },
) {
  const username = input.username ?? `user-${suffix()}`;
  return createUser(
    db,
    {
      districtId: input.districtId,
      username,
      displayName: input.displayName ?? username,
      email: input.email ?? `${username}@example.org`,
      password: input.password ?? TEST_PASSWORD,
      productSecurityRole: input.role ?? "none",
    },
    null,
  );
}

/** Locks a user out from one address, as five wrong passwords from it would (smart lockout). */
export async function lockOutUser(db: Db, user: { id: string; districtId: string | null; username: string }, address = "203.0.113.9") {
  const { accountKey, recordFailure } = await import("../../src/features/auth/attempts-repo.js");
  for (let i = 0; i < 5; i++) await recordFailure(db, accountKey(user.districtId, user.username), address, user.id, new Date());
}
