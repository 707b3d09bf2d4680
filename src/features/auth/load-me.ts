import { eq } from "drizzle-orm";
import { findPreviewTarget, type SessionRow } from "../../platform/auth/session-store.js";
import type { Db } from "../../platform/db/connect.js";
import { districts } from "../../platform/db/schema/districts.js";
import { users } from "../../platform/db/schema/users.js";
import { notFound } from "../../platform/http/errors.js";
import { isCurrentContact } from "../contacts/repo.js";

async function loadUser(db: Db, userId: string) {
  const [row] = await db.select({ user: users, district: districts }).from(users).leftJoin(districts, eq(districts.id, users.districtId)).where(eq(users.id, userId)).limit(1);
  return row ?? null;
}

/**
 * What the web app needs to draw itself for the signed-in (or half signed-in) user; while
 * previewing, the user previewed as (so every screen is theirs) and who is really reading.
 */
export async function loadMe(db: Db, session: SessionRow) {
  const real = await loadUser(db, session.userId);
  if (!real) throw notFound("Your account");
  const target = session.previewUserId ? await findPreviewTarget(db, real.user, session.previewUserId) : null;
  const row = target ? { user: target, district: real.district } : real;
  const { user, district } = row;
  return {
    preview: target ? { by: { id: real.user.id, username: real.user.username, displayName: real.user.displayName }, startedAt: session.previewStartedAt ?? new Date() } : null,
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
      mfaRequired: user.kind === "vendor" || (await isCurrentContact(db, user.id)),
    },
    district: district ? { id: district.id, slug: district.slug, name: district.name } : null,
  };
}
