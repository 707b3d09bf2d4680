import { boolean, integer, jsonb, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";

/** A district is a tenant: every table that holds district data carries district_id. */
export const districts = pgTable("districts", {
  id: uuid("id").primaryKey().defaultRandom(),
  slug: text("slug").notNull().unique(),
  name: text("name").notNull().unique(),
  /** Campus Cloud Choice districts may request version updates. */
  cloudChoice: boolean("cloud_choice").notNull().default(false),
  addOnProducts: integer("add_on_products").notNull().default(0),
  /** Account Security Preferences, e.g. { automaticStaffAccounts: true }. */
  preferences: jsonb("preferences").$type<DistrictPreferences>().notNull().default({ automaticStaffAccounts: false }),
  /** The Help section of the district's login page. */
  helpContacts: jsonb("help_contacts").$type<HelpContact[]>().notNull().default([]),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  version: integer("version").notNull().default(1),
});

/** `dormantDisableDays`: staff accounts with no sign-in for that many days are disabled automatically, after a notice. */
export type DistrictPreferences = { automaticStaffAccounts: boolean; dormantDisableDays?: number | null };
export type HelpContact = { name: string; role: string; email?: string; phone?: string };
