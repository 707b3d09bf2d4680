import { eq } from "drizzle-orm";
import type { SessionRow } from "../../platform/auth/session-store.js";
import type { Db } from "../../platform/db/connect.js";
import { districts } from "../../platform/db/schema/districts.js";
import { users } from "../../platform/db/schema/users.js";
import { notFound } from "../../platform/http/errors.js";

/** What the web app needs to draw itself for the signed-in (or half signed-in) user. */
export async function loadMe(db: Db, session: SessionRow) {
  const [row] = await db
    .select({ user: users, district: districts })
    .from(users)
    .leftJoin(districts, eq(districts.id, users.districtId))
    .where(eq(users.id, session.userId))
    .limit(1);
  if (!row) throw notFound("Your account");
  const { user, district } = row;
  return {
    stage: session.stage,
    csrfToken: session.csrfToken,
    user: {
      id: user.id,
      username: user.username,
      displayName: user.displayName,
      email: user.email,
      kind: user.kind,
      productSecurityRole: user.productSecurityRole,
      mfaEnabled: Boolean(user.mfaEnabledAt),
    },
    district: district ? { id: district.id, slug: district.slug, name: district.name } : null,
  };
}
