import { index, integer, jsonb, pgTable, text, timestamp, unique, uuid } from "drizzle-orm/pg-core";
import { users } from "./users.js";

/**
 * A vendor agent's named view of the case queue ("My open urgent cases"): the queue's filters and
 * sort, kept per agent. Vendor staff have no district, so these rows belong to the agent alone.
 */
export const queueViews = pgTable(
  "queue_views",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: uuid("user_id").notNull().references(() => users.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    params: jsonb("params").$type<Record<string, string>>().notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [unique("queue_views_user_name").on(t.userId, t.name)],
);

/** The vendor's shared library of canned replies, inserted into a reply and edited before it is sent. */
export const cannedReplies = pgTable(
  "canned_replies",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    title: text("title").notNull(),
    body: text("body").notNull(),
    updatedByName: text("updated_by_name").notNull(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
    version: integer("version").notNull().default(1),
  },
  (t) => [unique("canned_replies_title").on(t.title), index("canned_replies_updated").on(t.updatedAt)],
);
