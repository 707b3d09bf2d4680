import { and, eq, gt, isNull } from "drizzle-orm";
import { recordAudit } from "../../platform/audit.js";
import { hashPassword, passwordProblem } from "../../platform/auth/passwords.js";
import { revokeUserSessions } from "../../platform/auth/session-store.js";
import { sha256 } from "../../platform/auth/tokens.js";
import type { Db } from "../../platform/db/connect.js";
import { passwordSetTokens } from "../../platform/db/schema/auth.js";
import { districts } from "../../platform/db/schema/districts.js";
import { users } from "../../platform/db/schema/users.js";
import { AppError } from "../../platform/http/errors.js";

// Unknown, used and expired links answer alike: the page can only say to ask for a new one.
const LINK_DEAD = () => new AppError(404, "password-link-invalid", "This link does not work any more: it was used already, has expired, or was replaced by a newer one. Ask your administrator for a new link.");

function liveLink(tokenHash: string, now: Date) {
  return and(eq(passwordSetTokens.tokenHash, tokenHash), isNull(passwordSetTokens.usedAt), gt(passwordSetTokens.expiresAt, now));
}

/** Who a live link is for, so the page can greet them and send them to the right sign-in page. */
export async function readPasswordLink(db: Db, token: string, now: Date) {
  const [row] = await db
    .select({ username: users.username, displayName: users.displayName, expiresAt: passwordSetTokens.expiresAt, purpose: passwordSetTokens.purpose, district: { slug: districts.slug, name: districts.name } })
    .from(passwordSetTokens)
    .innerJoin(users, eq(users.id, passwordSetTokens.userId))
    .leftJoin(districts, eq(districts.id, users.districtId))
    .where(liveLink(sha256(token), now))
    .limit(1);
  if (!row) throw LINK_DEAD();
  return { ...row, district: row.district?.slug ? row.district : null };
}

/** Sets the password through a live link, once: the link is spent and every session of the user ends. */
export async function setPasswordWithLink(db: Db, token: string, password: string, now: Date) {
  return db.transaction(async (tx) => {
    const [link] = await tx.select().from(passwordSetTokens).where(liveLink(sha256(token), now)).for("update").limit(1);
    if (!link) throw LINK_DEAD();
    const [user] = await tx.select().from(users).where(eq(users.id, link.userId)).limit(1);
    if (!user) throw LINK_DEAD();
    const problem = await passwordProblem(password, user.username);
    if (problem) throw new AppError(400, "password-too-weak", problem, { path: "body.password" });
    await tx.update(users).set({ passwordHash: await hashPassword(password), passwordChangedAt: now }).where(eq(users.id, user.id));
    await tx.update(passwordSetTokens).set({ usedAt: now }).where(eq(passwordSetTokens.id, link.id));
    await revokeUserSessions(tx, user.id, now);
    await recordAudit(tx, {
      districtId: user.districtId,
      actor: { id: user.id, name: user.username },
      action: "user.password-set-with-link",
      target: { type: "user", id: user.id, name: user.username },
      after: { purpose: link.purpose },
    });
    return { districtId: user.districtId };
  });
}
