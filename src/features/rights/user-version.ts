import { eq } from "drizzle-orm";
import type { Db } from "../../platform/db/connect.js";
import { users } from "../../platform/db/schema/users.js";
import { inDistrict, type DistrictScope } from "../../platform/db/tenancy.js";
import { AppError, notFound } from "../../platform/http/errors.js";
import { readEntries, readGrants } from "./repo-groups.js";

export type LockedUser = { id: string; username: string; productSecurityRole: typeof users.$inferSelect.productSecurityRole; version: number };

/** Locks a district user for the transaction and checks the version the caller read (409 with the current state when stale). */
export async function lockUserAtVersion(tx: Db, scope: DistrictScope, userId: string, version: number): Promise<LockedUser> {
  const user = await findDistrictUser(tx, scope, userId, true);
  if (!user) throw notFound("That user");
  if (user.version !== version) {
    throw new AppError(409, "version-conflict", `${user.username}'s account was changed by someone else after you opened it. Nothing was saved: review the current rights and apply your change again.`, {
      detail: {
        current: {
          version: user.version,
          productSecurityRole: user.productSecurityRole,
          entries: await readEntries(tx, scope, { userId }),
          calendarGrants: await readGrants(tx, scope, { userId }),
        },
      },
    });
  }
  return user;
}

export async function findDistrictUser(db: Db, scope: DistrictScope, userId: string, lock = false): Promise<LockedUser | null> {
  const q = db
    .select({ id: users.id, username: users.username, productSecurityRole: users.productSecurityRole, version: users.version })
    .from(users)
    .where(inDistrict(users, scope, eq(users.id, userId)))
    .limit(1);
  const [row] = lock ? await q.for("update") : await q;
  return row ?? null;
}
