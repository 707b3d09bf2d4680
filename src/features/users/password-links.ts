import { and, eq, isNull, notExists, sql } from "drizzle-orm";
import { recordAudit } from "../../platform/audit.js";
import { newToken, sha256 } from "../../platform/auth/tokens.js";
import type { Db } from "../../platform/db/connect.js";
import { serviceAccounts } from "../../platform/db/schema/api-tokens.js";
import { passwordSetTokens } from "../../platform/db/schema/auth.js";
import { users } from "../../platform/db/schema/users.js";
import { enqueueEmail } from "../../platform/mail/enqueue-email.js";
import { escapeHtml } from "../../platform/mail/escape-html.js";
import { AppError } from "../../platform/http/errors.js";

export const PASSWORD_LINK_HOURS = 24;

export type PasswordLinkUser = { id: string; districtId: string | null; username: string; displayName: string; email: string | null };
export type IssuedLink = { userId: string; username: string; url: string; expiresAt: Date; emailed: boolean };
type Purpose = "new-account" | "reset";

export function setPasswordUrl(baseUrl: string, token: string): string {
  return `${baseUrl.replace(/\/+$/, "")}/set-password/${token}`;
}

/**
 * Issues a one-time link to set a password, valid for 24 hours; an earlier unused link of the
 * user stops working. Only the token's hash is stored. The link goes to the user's email through
 * the outbox (same transaction) and back to the caller, to show to the administrator who asked.
 */
export async function issuePasswordLink(db: Db, baseUrl: string, user: PasswordLinkUser, purpose: Purpose, actor: { id: string; name: string } | null, now: Date): Promise<IssuedLink> {
  const token = newToken();
  const expiresAt = new Date(now.getTime() + PASSWORD_LINK_HOURS * 3_600_000);
  const url = setPasswordUrl(baseUrl, token);
  return db.transaction(async (tx) => {
    const [service] = await tx.select({ id: serviceAccounts.userId }).from(serviceAccounts).where(eq(serviceAccounts.userId, user.id));
    if (service) throw new AppError(409, "service-account-has-no-password", `${user.username} is a service account: it signs in with API tokens only, never a password. Create a token on the Security > API tokens screen.`);
    await tx.update(passwordSetTokens).set({ usedAt: now }).where(and(eq(passwordSetTokens.userId, user.id), isNull(passwordSetTokens.usedAt)));
    await tx.insert(passwordSetTokens).values({ userId: user.id, tokenHash: sha256(token), purpose, expiresAt, createdAt: now, createdById: actor?.id ?? null, createdByName: actor?.name ?? null });
    const emailed = user.email ? await enqueueEmail(tx, linkEmail(user, purpose, url, user.email)) : false;
    await recordAudit(tx, {
      districtId: user.districtId,
      actor,
      action: "user.password-link-issued",
      target: { type: "user", id: user.id, name: user.username },
      after: { purpose, expiresAt, emailedTo: user.email ?? null },
    });
    return { userId: user.id, username: user.username, url, expiresAt, emailed };
  });
}

function linkEmail(user: PasswordLinkUser, purpose: Purpose, url: string, to: string) {
  const opening = purpose === "new-account" ? "A Gatehouse account was created for you." : "An administrator asked for a new password for your Gatehouse account.";
  const subject = purpose === "new-account" ? "Set the password of your new Gatehouse account" : "Set a new Gatehouse password";
  const text = [`Hello ${user.displayName},`, "", opening, `Your username is ${user.username}.`, "", `Choose your password here (the link works once, for ${PASSWORD_LINK_HOURS} hours):`, url].join("\n");
  const html = [
    `<p>Hello ${escapeHtml(user.displayName)},</p>`,
    `<p>${escapeHtml(opening)} Your username is <strong>${escapeHtml(user.username)}</strong>.</p>`,
    `<p><a href="${escapeHtml(url)}">Choose your password</a> (the link works once, for ${PASSWORD_LINK_HOURS} hours).</p>`,
  ].join("\n");
  return { districtId: user.districtId, kind: `password-link-${purpose}`, to, subject, text, html };
}

/**
 * A link for every user of the district (null: vendor staff) who has no password and was never
 * sent one — the users `policy apply` (or another import) has just created.
 */
export async function issueMissingPasswordLinks(db: Db, baseUrl: string, districtId: string | null, now: Date): Promise<IssuedLink[]> {
  const waiting = await db
    .select({ id: users.id, districtId: users.districtId, username: users.username, displayName: users.displayName, email: users.email })
    .from(users)
    .where(
      and(
        districtId ? eq(users.districtId, districtId) : isNull(users.districtId),
        isNull(users.passwordHash),
        notExists(db.select({ one: sql`1` }).from(passwordSetTokens).where(eq(passwordSetTokens.userId, users.id))),
        notExists(db.select({ one: sql`1` }).from(serviceAccounts).where(eq(serviceAccounts.userId, users.id))),
      ),
    )
    .orderBy(users.username);
  const issued: IssuedLink[] = [];
  for (const user of waiting) issued.push(await issuePasswordLink(db, baseUrl, user, "new-account", null, now));
  return issued;
}
