import { index, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { districts } from "./districts.js";
import { users } from "./users.js";

export const API_TOKEN_SCOPES = ["scim", "api:read", "api:write"] as const;
export type ApiTokenScope = (typeof API_TOKEN_SCOPES)[number];

/**
 * A service account is a district user (a `users` row, so its groups, tool rights and role are
 * managed like anyone's) that signs in with API tokens only: it has no password, and this row
 * says so. Disabling the user disables every token it has.
 */
export const serviceAccounts = pgTable("service_accounts", {
  userId: uuid("user_id").primaryKey().references(() => users.id, { onDelete: "cascade" }),
  districtId: uuid("district_id").notNull().references(() => districts.id, { onDelete: "cascade" }),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
});

/**
 * Bearer tokens for automation. The secret (`gh_` + 32 random bytes) is shown once; only its
 * SHA-256 is kept, so a database read does not hand out working tokens. `hint` is its last four
 * characters, to tell tokens apart on screen. `lastUsedAt` is written at most once a minute.
 */
export const apiTokens = pgTable(
  "api_tokens",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    districtId: uuid("district_id").notNull().references(() => districts.id, { onDelete: "cascade" }),
    serviceAccountId: uuid("service_account_id").notNull().references(() => serviceAccounts.userId, { onDelete: "cascade" }),
    name: text("name").notNull(),
    tokenHash: text("token_hash").notNull().unique(),
    hint: text("hint").notNull(),
    scopes: text("scopes", { enum: API_TOKEN_SCOPES }).array().notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    createdById: uuid("created_by_id").references(() => users.id, { onDelete: "set null" }),
    createdByName: text("created_by_name"),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    revokedAt: timestamp("revoked_at", { withTimezone: true }),
    lastUsedAt: timestamp("last_used_at", { withTimezone: true }),
  },
  (t) => [index("api_tokens_district_idx").on(t.districtId), index("api_tokens_account_idx").on(t.serviceAccountId)],
);
