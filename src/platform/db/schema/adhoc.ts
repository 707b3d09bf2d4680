import { bigserial, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { districts } from "./districts.js";
import { userGroups } from "./rights.js";
import { users } from "./users.js";

/** What a saved filter selects: field ids from the field catalog, conditions and sort. */
export type AdhocDefinition = {
  fields: string[];
  conditions: { field: string; op: "eq" | "ne" | "lt" | "lte" | "gt" | "gte" | "contains" | "empty" | "notEmpty"; value?: string | number | boolean | null }[];
  sort: { field: string; direction: "asc" | "desc" }[];
};

export const adhocFilters = pgTable(
  "adhoc_filters",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    districtId: uuid("district_id").notNull().references(() => districts.id, { onDelete: "cascade" }),
    ownerId: uuid("owner_id").notNull().references(() => users.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    definition: jsonb("definition").$type<AdhocDefinition>().notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
    version: integer("version").notNull().default(1),
  },
  (t) => [index("adhoc_filters_district_owner_idx").on(t.districtId, t.ownerId)],
);

/** A filter shared with a user group; deleting the group ends the share. */
export const adhocFilterShares = pgTable(
  "adhoc_filter_shares",
  {
    districtId: uuid("district_id").notNull().references(() => districts.id, { onDelete: "cascade" }),
    filterId: uuid("filter_id").notNull().references(() => adhocFilters.id, { onDelete: "cascade" }),
    groupId: uuid("group_id").notNull().references(() => userGroups.id, { onDelete: "cascade" }),
    sharedAt: timestamp("shared_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.filterId, t.groupId] }), index("adhoc_filter_shares_group_idx").on(t.districtId, t.groupId)],
);

/**
 * FERPA's record of access: one row per person whose protected fields a user was shown, per
 * read, with every field read (and the tool it is under, position for position). Each field of
 * a row is one entry of the log as people read it (`list-access-log.ts`). One row per person
 * rather than per field: an export batch writes a sixth of the rows and index entries.
 * Written set-based with the read itself.
 */
export const sisAccessLog = pgTable(
  "sis_access_log",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    districtId: uuid("district_id").notNull().references(() => districts.id, { onDelete: "cascade" }),
    at: timestamp("at", { withTimezone: true }).notNull().defaultNow(),
    actorId: uuid("actor_id").notNull(),
    actorName: text("actor_name").notNull(),
    personId: uuid("person_id").notNull(),
    fields: text("fields").array().notNull(),
    tools: text("tools").array().notNull(),
    /** screen | adhoc-preview | adhoc-export */
    route: text("route").notNull(),
    filterId: uuid("filter_id"),
  },
  (t) => [
    index("sis_access_log_district_at_idx").on(t.districtId, t.at),
    index("sis_access_log_person_idx").on(t.districtId, t.personId, t.at),
    index("sis_access_log_actor_idx").on(t.districtId, t.actorId, t.at),
  ],
);
