import { and, eq, isNull } from "drizzle-orm";
import type { Db } from "../../platform/db/connect.js";
import { users } from "../../platform/db/schema/users.js";
import { notFound } from "../../platform/http/errors.js";

/** A user of the district in scope (null: vendor staff), or "not found" — another district's user does not exist here. */
export async function findScopedUser(db: Db, scope: { districtId: string | null }, userId: string) {
  const [user] = await db
    .select()
    .from(users)
    .where(and(eq(users.id, userId), scope.districtId ? eq(users.districtId, scope.districtId) : isNull(users.districtId)))
    .limit(1);
  if (!user) throw notFound("That user");
  return user;
}
