import { isNull } from "drizzle-orm";
import { index, integer, pgTable, primaryKey, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { users } from "./users.js";

/**
 * Smart lockout and the sign-in rate limit, kept in the database so every server counts the same
 * attempts. One row per account and client address; the row with address "*" counts the
 * account's failures from every address (the ceiling that slows a distributed attack). The
 * account key is "<district id | vendor>:<lower-case username>", so names that match no user are
 * counted the same way as real ones.
 */
export const signInAttempts = pgTable(
  "sign_in_attempts",
  {
    accountKey: text("account_key").notNull(),
    address: text("address").notNull(),
    userId: uuid("user_id").references(() => users.id, { onDelete: "cascade" }),
    windowStartedAt: timestamp("window_started_at", { withTimezone: true }),
    windowAttempts: integer("window_attempts").notNull().default(0),
    failures: integer("failures").notNull().default(0),
    lockouts: integer("lockouts").notNull().default(0),
    lockedUntil: timestamp("locked_until", { withTimezone: true }),
    lastFailureAt: timestamp("last_failure_at", { withTimezone: true }),
    /** A success from this address makes it familiar: the account-wide ceiling does not slow it. */
    lastSuccessAt: timestamp("last_success_at", { withTimezone: true }),
  },
  (t) => [
    primaryKey({ columns: [t.accountKey, t.address] }),
    index("sign_in_attempts_user_idx").on(t.userId),
    // Rows of names that match no user are pruned after a day (see pruneUnknownNames).
    index("sign_in_attempts_unknown_idx").on(t.lastFailureAt).where(isNull(t.userId)),
  ],
);

/** One-time set-password links; only the SHA-256 of the token is kept. */
export const passwordSetTokens = pgTable(
  "password_set_tokens",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: uuid("user_id").notNull().references(() => users.id, { onDelete: "cascade" }),
    tokenHash: text("token_hash").notNull().unique(),
    purpose: text("purpose", { enum: ["new-account", "reset"] }).notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    usedAt: timestamp("used_at", { withTimezone: true }),
    createdById: uuid("created_by_id"),
    createdByName: text("created_by_name"),
  },
  (t) => [index("password_set_tokens_user_idx").on(t.userId)],
);
