import { sql } from "drizzle-orm";
import { boolean, index, integer, pgTable, text, timestamp, unique, uuid } from "drizzle-orm/pg-core";
import { districts } from "./districts.js";

export const PRODUCT_SECURITY_ROLES = ["none", "student-information-system", "sis-group-assignment"] as const;
export type ProductSecurityRole = (typeof PRODUCT_SECURITY_ROLES)[number];

/** Which new cases a vendor agent is emailed about (district users are never asked). */
export const NEW_CASE_EMAILS = ["none", "emergency", "all"] as const;
export type NewCaseEmails = (typeof NEW_CASE_EMAILS)[number];

/**
 * District staff carry their district; vendor support staff have no district (kind = 'vendor').
 * Usernames are unique within a district, and among vendor staff.
 */
export const users = pgTable(
  "users",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    districtId: uuid("district_id").references(() => districts.id, { onDelete: "cascade" }),
    kind: text("kind", { enum: ["district", "vendor"] }).notNull().default("district"),
    username: text("username").notNull(),
    displayName: text("display_name").notNull(),
    email: text("email"),
    passwordHash: text("password_hash"),
    productSecurityRole: text("product_security_role", { enum: PRODUCT_SECURITY_ROLES }).notNull().default("none"),
    disabled: boolean("disabled").notNull().default(false),
    newCaseEmails: text("new_case_emails", { enum: NEW_CASE_EMAILS }).notNull().default("none"),
    mfaSecret: text("mfa_secret"),
    mfaPendingSecret: text("mfa_pending_secret"),
    mfaEnabledAt: timestamp("mfa_enabled_at", { withTimezone: true }),
    /** The last TOTP time step accepted: a code is good once, so a seen step (or an older one) is refused. */
    totpLastStep: integer("totp_last_step"),
    passwordChangedAt: timestamp("password_changed_at", { withTimezone: true }),
    lastLoginAt: timestamp("last_login_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    version: integer("version").notNull().default(1),
  },
  (t) => [
    unique("users_district_username").on(t.districtId, t.username).nullsNotDistinct(),
    index("users_district_idx").on(t.districtId),
    index("users_username_lower_idx").on(t.districtId, sql`lower(${t.username})`),
  ],
);

export const mfaRecoveryCodes = pgTable(
  "mfa_recovery_codes",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: uuid("user_id").notNull().references(() => users.id, { onDelete: "cascade" }),
    codeHash: text("code_hash").notNull(),
    usedAt: timestamp("used_at", { withTimezone: true }),
  },
  (t) => [index("mfa_recovery_codes_user_idx").on(t.userId)],
);
