import { and, eq, lt, sql } from "drizzle-orm";
import escapeHtml from "escape-html";
import type { Database } from "../../platform/db/connect.js";
import { districts } from "../../platform/db/schema/districts.js";
import { outbox } from "../../platform/db/schema/outbox.js";
import { users } from "../../platform/db/schema/users.js";
import { enqueueEmail } from "../../platform/mail/enqueue-email.js";
import { disableAccount } from "./dormant-accounts.js";
import { DORMANT_NOTICE_DAYS } from "./dormant-policy.js";

const DAY_MS = 86_400_000;
const day = (d: Date) => d.toISOString().slice(0, 10);
/** Whole days (UTC) from one instant to another, as the contact sweep counts them. */
const daysBetween = (from: Date, to: Date) => Math.floor(to.getTime() / DAY_MS) - Math.floor(from.getTime() / DAY_MS);
/** One notice per person per stretch of inactivity: signing in starts a new stretch, and a new key. */
const noticeKey = (userId: string, lastActivity: Date) => `dormant-notice:${userId}:${lastActivity.toISOString()}`;

/**
 * The daily automatic disabling of dormant staff accounts, for districts that turned it on.
 * As in the contact lifecycle, nobody is disabled without the full notice: the notice goes
 * (once, by the outbox's dedupe key) when DORMANT_NOTICE_DAYS remain, and the account is
 * disabled only once that notice is at least that old and there was still no sign-in.
 */
export async function disableDormantAccounts(database: Database, now: Date, publicUrl: string) {
  const { db } = database;
  const on = await db.select({ id: districts.id, slug: districts.slug, name: districts.name, days: sql<number>`(${districts.preferences}->>'dormantDisableDays')::int` }).from(districts).where(sql`(${districts.preferences}->>'dormantDisableDays') is not null`);
  let noticed = 0;
  let disabled = 0;
  for (const d of on) {
    const noticeFrom = new Date(now.getTime() - Math.max(0, d.days - DORMANT_NOTICE_DAYS) * DAY_MS);
    const idle = await db
      .select({ id: users.id, username: users.username, displayName: users.displayName, email: users.email, lastActivity: sql<Date>`coalesce(${users.lastLoginAt}, ${users.createdAt})`.mapWith((v) => new Date(v)) })
      .from(users)
      .where(and(eq(users.districtId, d.id), eq(users.disabled, false), lt(sql`coalesce(${users.lastLoginAt}, ${users.createdAt})`, noticeFrom)));
    for (const u of idle) {
      const key = noticeKey(u.id, u.lastActivity);
      const [notice] = await db.select({ createdAt: outbox.createdAt }).from(outbox).where(eq(outbox.dedupeKey, key)).limit(1);
      if (notice && daysBetween(notice.createdAt, now) >= DORMANT_NOTICE_DAYS) {
        const reason = `no sign-in for ${d.days} days (automatic, noticed ${day(notice.createdAt)})`;
        if (await db.transaction((tx) => disableAccount(tx, { ...u, districtId: d.id }, null, reason, now))) disabled++;
      } else if (!notice && u.email) {
        const on = day(new Date(now.getTime() + DORMANT_NOTICE_DAYS * DAY_MS));
        const link = `${publicUrl.replace(/\/+$/, "")}/login/${d.slug}`;
        const text = `Hello ${u.displayName},\n\nYour Gatehouse account ${u.username} at ${d.name} has not been used to sign in since ${day(u.lastActivity)}. ${d.name} disables accounts after ${d.days} days without a sign-in, so it will be disabled on or after ${on} unless you sign in before then.\n\nSign in: ${link}\n`;
        const html = `<p>Hello ${escapeHtml(u.displayName)},</p><p>Your Gatehouse account ${escapeHtml(u.username)} at ${escapeHtml(d.name)} has not been used to sign in since ${day(u.lastActivity)}. ${escapeHtml(d.name)} disables accounts after ${d.days} days without a sign-in, so it will be disabled on or after ${on} unless you sign in before then.</p><p><a href="${escapeHtml(link)}">Sign in</a></p>`;
        if (await enqueueEmail(db, { districtId: d.id, dedupeKey: key, kind: "dormant-notice", to: u.email, subject: `Your Gatehouse account will be disabled on ${on} unless you sign in`, text, html })) noticed++;
      }
    }
  }
  return { noticed, disabled };
}
