import { index, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { districts } from "./districts.js";
import { users } from "./users.js";

/**
 * Server-side sessions. The cookie carries a random token; only its SHA-256 is stored, so a
 * database read does not hand out live sessions. `stage` is 'mfa' between password and code.
 */
export const sessions = pgTable(
  "sessions",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    tokenHash: text("token_hash").notNull().unique(),
    userId: uuid("user_id").notNull().references(() => users.id, { onDelete: "cascade" }),
    districtId: uuid("district_id").references(() => districts.id, { onDelete: "cascade" }),
    stage: text("stage", { enum: ["mfa", "mfa-enrol", "active"] }).notNull(),
    csrfToken: text("csrf_token").notNull(),
    userAgent: text("user_agent"),
    ip: text("ip"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    lastSeenAt: timestamp("last_seen_at", { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    revokedAt: timestamp("revoked_at", { withTimezone: true }),
    /** "Preview as a user": while set, the session reads the app as this user of the same district, read-only. */
    previewUserId: uuid("preview_user_id").references(() => users.id, { onDelete: "set null" }),
    previewStartedAt: timestamp("preview_started_at", { withTimezone: true }),
  },
  (t) => [index("sessions_user_idx").on(t.userId)],
);
