import { bigserial, index, integer, pgTable, text, timestamp, unique, uuid } from "drizzle-orm/pg-core";
import { districts } from "./districts.js";
import { users } from "./users.js";

export const CONTACT_TYPES = ["support", "technical"] as const;
export const CONTACT_STATUSES = ["active", "pending-deactivation", "deactivated"] as const;
export type ContactType = (typeof CONTACT_TYPES)[number];
export type ContactStatus = (typeof CONTACT_STATUSES)[number];

/**
 * A district user designated as an Authorized Contact. `inactivityCycle` increases each time
 * activity clears a pending deactivation, so notice records of an old cycle never block new ones.
 */
export const authorizedContacts = pgTable(
  "authorized_contacts",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    districtId: uuid("district_id").notNull().references(() => districts.id, { onDelete: "cascade" }),
    userId: uuid("user_id").notNull().references(() => users.id, { onDelete: "cascade" }),
    type: text("type", { enum: CONTACT_TYPES }).notNull(),
    status: text("status", { enum: CONTACT_STATUSES }).notNull().default("active"),
    lastActivityAt: timestamp("last_activity_at", { withTimezone: true }).notNull().defaultNow(),
    inactivityCycle: integer("inactivity_cycle").notNull().default(0),
    designatedAt: timestamp("designated_at", { withTimezone: true }).notNull().defaultNow(),
    deactivatedAt: timestamp("deactivated_at", { withTimezone: true }),
    /** Why: "inactivity" (the sweep) or "removed" (a Modify Support Contact case); null before it was recorded. */
    deactivatedReason: text("deactivated_reason", { enum: ["inactivity", "removed"] }),
    /** Set when the designation went past the district's allowance: the vendor staff who approved it. */
    allowanceApprovedBy: uuid("allowance_approved_by").references(() => users.id),
    allowanceApprovedAt: timestamp("allowance_approved_at", { withTimezone: true }),
    version: integer("version").notNull().default(1),
  },
  (t) => [
    unique("authorized_contacts_district_user").on(t.districtId, t.userId),
    index("authorized_contacts_status_activity_idx").on(t.status, t.lastActivityAt),
  ],
);

/** Every activity that keeps a contact active: portal sign-in, a case created for them, case activity. */
export const contactActivity = pgTable(
  "contact_activity",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    districtId: uuid("district_id").notNull().references(() => districts.id, { onDelete: "cascade" }),
    contactId: uuid("contact_id").notNull().references(() => authorizedContacts.id, { onDelete: "cascade" }),
    at: timestamp("at", { withTimezone: true }).notNull().defaultNow(),
    kind: text("kind", { enum: ["portal-sign-in", "case-created", "case-activity", "emergency-case", "reactivated"] }).notNull(),
    caseId: uuid("case_id"),
  },
  (t) => [index("contact_activity_contact_at_idx").on(t.contactId, t.at)],
);
