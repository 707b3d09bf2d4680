import { sql } from "drizzle-orm";
import { index, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { districts } from "./districts.js";
import { supportCases } from "./support.js";
import { users } from "./users.js";

/**
 * In-app notices of case events: one row per person who is (or would be) emailed about the event,
 * written in the same transaction as the email. A district contact's row carries their district;
 * vendor staff have no district, so theirs has none and belongs to the agent alone. Only the
 * recipient ever reads or marks a row.
 */
export const notifications = pgTable(
  "notifications",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: uuid("user_id").notNull().references(() => users.id, { onDelete: "cascade" }),
    districtId: uuid("district_id").references(() => districts.id, { onDelete: "cascade" }),
    caseId: uuid("case_id").notNull().references(() => supportCases.id, { onDelete: "cascade" }),
    kind: text("kind").notNull(),
    /** The email's headline ("Vera Vendor of Support replied"), redacted as the email is. */
    headline: text("headline").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    readAt: timestamp("read_at", { withTimezone: true }),
  },
  (t) => [
    index("notifications_user_created_idx").on(t.userId, t.createdAt.desc(), t.id.desc()),
    index("notifications_user_unread_idx").on(t.userId, t.createdAt.desc(), t.id.desc()).where(sql`${t.readAt} is null`),
  ],
);
