import { sql } from "drizzle-orm";
import { check, index, integer, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { districts } from "./districts.js";

/**
 * Message bodies many outbox rows share, as PostgreSQL format() strings (%1$s, %2$s, …) that a
 * row's `template_values` fill in when the message is read (outbox-bodies.ts). The key is a hash
 * of the two bodies, so a template is written once however many messages use it, and a row
 * never changes: what a message says is fixed when it is queued. Rows are never deleted.
 */
export const outboxTemplates = pgTable("outbox_templates", {
  key: text("key").primaryKey(),
  textBody: text("text_body").notNull(),
  htmlBody: text("html_body").notNull(),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
});

/**
 * Transactional outbox: a message is written in the same transaction as the change that causes
 * it, and a delivery job sends it later. `dedupeKey` makes "send once" a database constraint.
 * A message holds its own text and HTML, or names a shared template and the values that fill it
 * (the inactivity sweep's notices: a quarter of a million on a big day, two bodies each). The
 * template key has no foreign key on purpose: templates are never deleted, and a foreign key
 * would add a trigger call per message on the sweep's big days.
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
    textBody: text("text_body"),
    htmlBody: text("html_body"),
    templateKey: text("template_key"),
    templateValues: text("template_values").array(),
    status: text("status", { enum: ["pending", "sending", "sent", "failed"] }).notNull().default("pending"),
    attempts: integer("attempts").notNull().default(0),
    nextAttemptAt: timestamp("next_attempt_at", { withTimezone: true }).notNull().defaultNow(),
    lockedUntil: timestamp("locked_until", { withTimezone: true }),
    lastError: text("last_error"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    sentAt: timestamp("sent_at", { withTimezone: true }),
  },
  (t) => [
    index("outbox_status_next_idx").on(t.status, t.nextAttemptAt),
    check(
      "outbox_bodies_or_template",
      sql`(${t.textBody} is not null and ${t.htmlBody} is not null) or (${t.templateKey} is not null and ${t.templateValues} is not null)`,
    ),
  ],
);
