import { index, integer, jsonb, pgTable, text, timestamp, unique, uuid } from "drizzle-orm/pg-core";
import { districts } from "./districts.js";
import { userGroups } from "./rights.js";

/** A stored right entry or calendar grant as the history keeps it (dates as ISO strings). */
export type StoredEntry = { toolPath: string; rights: "" | "R" | "RW" | "RWA" | "RWAD"; deny: boolean; from: string | null; until: string | null };
export type StoredGrant = { school: string; year: string; calendar: string; modify: boolean; from: string | null; until: string | null };

/**
 * Every saved state of a group's tool rights and calendar rights, written in the same
 * transaction as the change, so any earlier version can be compared and restored.
 */
export const groupRightsVersions = pgTable(
  "group_rights_versions",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    districtId: uuid("district_id").notNull().references(() => districts.id, { onDelete: "cascade" }),
    groupId: uuid("group_id").notNull().references(() => userGroups.id, { onDelete: "cascade" }),
    /** 1, 2, 3… per group, in the order the versions were saved */
    number: integer("number").notNull(),
    savedAt: timestamp("saved_at", { withTimezone: true }).notNull().defaultNow(),
    savedById: uuid("saved_by_id"),
    savedByName: text("saved_by_name"),
    /** what made this version: created, rights, calendar rights, policy apply, restore of N */
    reason: text("reason").notNull(),
    entries: jsonb("entries").$type<StoredEntry[]>().notNull(),
    calendarGrants: jsonb("calendar_grants").$type<StoredGrant[]>().notNull(),
  },
  (t) => [unique("group_rights_versions_group_number").on(t.groupId, t.number), index("group_rights_versions_district_idx").on(t.districtId)],
);
