import { sql } from "drizzle-orm";
import { bigserial, date, index, integer, pgTable, text, timestamp, unique, uuid } from "drizzle-orm/pg-core";
import { authorizedContacts } from "./contacts.js";
import { districts } from "./districts.js";

export const CONTACT_NOTICE_STAGES = ["notice", "reminder", "final-notice", "deactivate"] as const;

/**
 * One row per lifecycle stage carried out for a contact in an inactivity cycle. The unique
 * (contact, cycle, stage) key is what makes every notice exactly-once: the sweep inserts with
 * ON CONFLICT DO NOTHING and writes the outbox message only for rows it actually inserted,
 * in the same transaction. A new cycle (activity cleared the pending deactivation) starts clean.
 */
export const contactNotices = pgTable(
  "contact_notices",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    districtId: uuid("district_id").notNull().references(() => districts.id, { onDelete: "cascade" }),
    contactId: uuid("contact_id").notNull().references(() => authorizedContacts.id, { onDelete: "cascade" }),
    inactivityCycle: integer("inactivity_cycle").notNull(),
    stage: text("stage", { enum: CONTACT_NOTICE_STAGES }).notNull(),
    /** The sweep's calendar day (UTC) — the day the stage was actually carried out; later stages count from it. */
    sentOn: date("sent_on", { mode: "string" }).notNull(),
    /** The day the rules made this stage due (earlier than sentOn when sweeps did not run). */
    dueOn: date("due_on", { mode: "string" }).notNull(),
    /** The deactivation day the message announced (for a deactivation: the day it happened). */
    deadlineOn: date("deadline_on", { mode: "string" }).notNull(),
    actedAt: timestamp("acted_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique("contact_notices_contact_cycle_stage").on(t.contactId, t.inactivityCycle, t.stage),
    // No (district, sent_on) index: no query reads notices by district, and each big sweep day
    // paid for it on every stage record (migration 0031 dropped it). Deleting a district, which
    // Gatehouse never does, would scan this table for the FK; contacts' cascade uses the unique key.
    // The reminder stage's candidates: notices sent in its window, not every pending contact.
    index("contact_notices_notice_sent_idx").on(t.sentOn).where(sql`${t.stage} = 'notice'`),
  ],
);
