import { index, pgTable, text, timestamp, unique, uuid } from "drizzle-orm/pg-core";
import { districts } from "./districts.js";
import { userGroups } from "./rights.js";
import { users } from "./users.js";

/**
 * What SCIM provisioning knows of a user beyond the account itself (RFC 7643's name, externalId
 * and the enterprise extension). `deletedAt`: the IdP deleted the user; the account stays
 * (disabled, its audit trail whole) but SCIM no longer shows it, until a POST of the same
 * userName brings it back.
 */
export const scimUsers = pgTable(
  "scim_users",
  {
    userId: uuid("user_id").primaryKey().references(() => users.id, { onDelete: "cascade" }),
    districtId: uuid("district_id").notNull().references(() => districts.id, { onDelete: "cascade" }),
    externalId: text("external_id"),
    givenName: text("given_name"),
    familyName: text("family_name"),
    employeeNumber: text("employee_number"),
    department: text("department"),
    title: text("title"),
    deletedAt: timestamp("deleted_at", { withTimezone: true }),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("scim_users_district_idx").on(t.districtId), unique("scim_users_external_id").on(t.districtId, t.externalId)],
);

/** A user group's identity at the IdP (SCIM's externalId). */
export const scimGroups = pgTable(
  "scim_groups",
  {
    groupId: uuid("group_id").primaryKey().references(() => userGroups.id, { onDelete: "cascade" }),
    districtId: uuid("district_id").notNull().references(() => districts.id, { onDelete: "cascade" }),
    externalId: text("external_id"),
  },
  (t) => [index("scim_groups_district_idx").on(t.districtId)],
);
