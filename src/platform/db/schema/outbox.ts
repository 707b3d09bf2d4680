import { index, integer, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { districts } from "./districts.js";

/**
 * Transactional outbox: a message is written in the same transaction as the change that causes
 * it, and a delivery job sends it later. `dedupeKey` makes "send once" a database constraint.
 */
export const outbox = pgTable(
  "outbox",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    districtId: uuid("district_id").references(() => districts.id, { onDelete: "cascade" }),
    dedupeKey: text("dedupe_key").unique(),
    kind: text("kind").notNull(),
    toAddress: text("to_address").notNull(),
    subject: text("subject").notNull(),
    textBody: text("text_body").notNull(),
    htmlBody: text("html_body").notNull(),
    status: text("status", { enum: ["pending", "sending", "sent", "failed"] }).notNull().default("pending"),
    attempts: integer("attempts").notNull().default(0),
    nextAttemptAt: timestamp("next_attempt_at", { withTimezone: true }).notNull().defaultNow(),
    lockedUntil: timestamp("locked_until", { withTimezone: true }),
    lastError: text("last_error"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    sentAt: timestamp("sent_at", { withTimezone: true }),
  },
  (t) => [index("outbox_status_next_idx").on(t.status, t.nextAttemptAt)],
);
