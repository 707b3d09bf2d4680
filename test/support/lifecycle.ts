import { asc, eq, sql } from "drizzle-orm";
import { parseDay, startOfDay, formatDay, type Day } from "../../src/domain/contacts/calendar-day.js";
import { sweepContacts, type SweepAction } from "../../src/features/lifecycle/sweep-contacts.js";
import type { Database, Db } from "../../src/platform/db/connect.js";
import { authorizedContacts } from "../../src/platform/db/schema/contacts.js";
import { contactNotices } from "../../src/platform/db/schema/lifecycle.js";
import { buildUser } from "./factories.js";
import { outboxMail } from "./outbox.js";

export const PORTAL_URL = "https://portal.example.test";

/** Day n of a test's timeline, counted from `base` ("YYYY-MM-DD"). */
export function timeline(base: string) {
  const zero = parseDay(base);
  return {
    day: (n: number): Day => zero + n,
    date: (n: number): string => formatDay(zero + n),
    /** Noon UTC on day n: the moment of an activity on that day. */
    at: (n: number): Date => new Date(startOfDay(zero + n).getTime() + 12 * 3_600_000),
    dayNumber: (isoDay: string): number => parseDay(isoDay) - zero,
  };
}

/** A district user designated as a contact, last active at `lastActivityAt`. */
export async function addContact(
  db: Db,
  input: { districtId: string; lastActivityAt: Date; type?: "support" | "technical"; email?: string; displayName?: string },
) {
  const user = await buildUser(db, { districtId: input.districtId, email: input.email, displayName: input.displayName });
  const [contact] = await db
    .insert(authorizedContacts)
    .values({ districtId: input.districtId, userId: user.id, type: input.type ?? "support", lastActivityAt: input.lastActivityAt, designatedAt: input.lastActivityAt })
    .returning();
  return { contactId: contact!.id, userId: user.id, username: user.username, email: user.email! };
}

/** Sweeps as of one day, 02:00 UTC, as the daily job would. */
export async function sweepOn(database: Database, day: Day): Promise<SweepAction[]> {
  const at = new Date(startOfDay(day).getTime() + 2 * 3_600_000);
  return (await sweepContacts(database, { asOf: day, at, publicUrl: PORTAL_URL })).actions;
}

export async function noticesOf(db: Db, contactId: string) {
  return db.select().from(contactNotices).where(eq(contactNotices.contactId, contactId)).orderBy(asc(contactNotices.id));
}

export async function mailTo(db: Db, address: string, districtId: string) {
  return outboxMail(db, sql`o.to_address = ${address} and o.district_id = ${districtId}`);
}

export async function contactRow(db: Db, contactId: string) {
  const [row] = await db.select().from(authorizedContacts).where(eq(authorizedContacts.id, contactId));
  return row!;
}

/**
 * Contacts of one district arranged so that on day 300 of `t` every stage is due for one group:
 * deactivation (notice day 270, final 299), final notice (notice 271), reminder (notice 285),
 * and the notice itself (last active day 120). Earlier sweeps on days 270–299 get them there.
 */
export async function prepareAllStagesDue(database: Database, t: ReturnType<typeof timeline>, districtId: string, perGroup = 3) {
  const group = async (lastActive: number) => {
    const made = [];
    for (let i = 0; i < perGroup; i++) made.push(await addContact(database.db, { districtId, lastActivityAt: t.at(lastActive) }));
    return made;
  };
  const groups = { deactivate: await group(90), "final-notice": await group(91), reminder: await group(105), notice: await group(120) };
  for (const n of [270, 271, 285, 286, 299]) await sweepOn(database, t.day(n));
  return { groups, day: t.day(300) };
}

/** "username:action" for every contact of a prepared district, sorted: what day 300 should do. */
export function expectedDay300(groups: Record<string, { username: string }[]>): string[] {
  return Object.entries(groups)
    .flatMap(([action, contacts]) => contacts.map((c) => `${c.username}:${action}`))
    .sort();
}
