import { eq, inArray } from "drizzle-orm";
import escapeHtmlText from "escape-html";
import type { Database } from "../../../platform/db/connect.js";
import { reviewCampaigns } from "../../../platform/db/schema/governance.js";
import { users } from "../../../platform/db/schema/users.js";
import { enqueueEmail } from "../../../platform/mail/enqueue-email.js";
import { campaignsDueBy, campaignsToStart } from "./campaigns-repo.js";
import { openCampaignItems } from "./open-campaign-items.js";

const DAY_MS = 86_400_000;
/** Reviewers hear about undecided items this many days before the due date (and again when overdue). */
export const REMINDER_DAYS = 3;

/**
 * The campaigns' daily work, run with the contact sweep: open the next run of a recurring
 * campaign when its day has come, and remind each reviewer once before the due date (the
 * outbox's dedupe key keeps it to one, however many servers run this).
 */
export async function runCampaignJobs(database: Database, now: Date, publicUrl: string) {
  const { db } = database;
  let started = 0;
  for (const c of await campaignsToStart(db, now)) {
    await db.transaction(async (tx) => {
      const [locked] = await tx.select().from(reviewCampaigns).where(eq(reviewCampaigns.id, c.id)).for("update");
      if (locked?.status === "scheduled") await openCampaignItems(tx, { districtId: c.districtId }, locked, now);
    });
    started++;
  }
  const due = await campaignsDueBy(db, new Date(now.getTime() + REMINDER_DAYS * DAY_MS));
  const reviewers = due.length ? await db.select({ id: users.id, email: users.email, displayName: users.displayName }).from(users).where(inArray(users.id, [...new Set(due.map((d) => d.reviewerId))])) : [];
  let reminded = 0;
  for (const c of due) {
    const r = reviewers.find((x) => x.id === c.reviewerId);
    if (!r?.email) continue;
    const overdue = c.dueOn <= now;
    const day = c.dueOn.toISOString().slice(0, 10);
    const link = `${publicUrl.replace(/\/+$/, "")}/security/campaigns/${c.id}`;
    const subject = `${overdue ? "Overdue" : "Due " + day}: access review "${c.name}" has ${c.undecided} undecided ${c.undecided === 1 ? "item" : "items"}`;
    const text = `Hello ${r.displayName},\n\nThe access review "${c.name}" is ${overdue ? "past its due date" : `due on ${day}`} and ${c.undecided} ${c.undecided === 1 ? "item is" : "items are"} still undecided. Items nobody decides follow the campaign's default when it is closed.\n\nReview them: ${link}\n`;
    const html = `<p>Hello ${escapeHtmlText(r.displayName)},</p><p>The access review “${escapeHtmlText(c.name)}” is ${overdue ? "past its due date" : `due on ${day}`} and ${c.undecided} ${c.undecided === 1 ? "item is" : "items are"} still undecided. Items nobody decides follow the campaign's default when it is closed.</p><p><a href="${escapeHtmlText(link)}">Review them</a></p>`;
    if (await enqueueEmail(db, { districtId: c.districtId, dedupeKey: `campaign-reminder:${c.id}:${c.reviewerId}:${overdue ? "overdue" : "due"}`, kind: "campaign-reminder", to: r.email, subject, text, html })) reminded++;
  }
  return { started, reminded };
}
