import { sql } from "drizzle-orm";
import { bigint, boolean, check, index, integer, jsonb, pgTable, primaryKey, text, timestamp, unique, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { districts } from "./districts.js";
import { users } from "./users.js";

/**
 * Tool rights: user groups, their right entries, memberships, calendar grants, and the
 * per-district version every server reads to know its compiled rights are still current.
 */
const districtId = () => uuid("district_id").notNull().references(() => districts.id, { onDelete: "cascade" });
const groupRef = () => uuid("group_id").references(() => userGroups.id, { onDelete: "cascade" });
const userRef = () => uuid("user_id").references(() => users.id, { onDelete: "cascade" });
const at = (name: string) => timestamp(name, { withTimezone: true });

/**
 * The deployment's copy of the code catalog, synced at start-up. Paths the code no longer
 * has are kept with `retired_in` set, so old audit rows and entries still name a real node.
 */
export const toolCatalog = pgTable("tool_catalog", {
  path: text("path").primaryKey(),
  parentPath: text("parent_path"),
  label: text("label").notNull(),
  /** preorder position: parents before children, siblings in catalog order */
  position: integer("position").notNull(),
  calendarScoped: boolean("calendar_scoped").notNull(),
  federallyProtected: boolean("federally_protected").notNull(),
  allOrNothing: boolean("all_or_nothing").notNull(),
  dangerous: jsonb("dangerous").$type<{ right: string; reason: string } | null>(),
  catalogVersion: integer("catalog_version").notNull(),
  retiredIn: integer("retired_in"),
});

export const userGroups = pgTable(
  "user_groups",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    districtId: districtId(),
    name: text("name").notNull(),
    description: text("description").notNull().default(""),
    /** the seed's "should have limited members": going past it needs an audited confirmation */
    memberLimit: integer("member_limit"),
    /** the seed template the group was created from, if any (informational) */
    template: text("template"),
    /** the person answerable for who is in the group: reviews its members in "group owners" campaigns */
    ownerId: uuid("owner_id").references(() => users.id, { onDelete: "set null" }),
    createdAt: at("created_at").notNull().defaultNow(),
    updatedAt: at("updated_at").notNull().defaultNow(),
    updatedById: uuid("updated_by_id"),
    updatedByName: text("updated_by_name"),
    version: integer("version").notNull().default(1),
    /**
     * Rows of user_group_members, right_entries and calendar_grants naming the group, kept by
     * statement triggers on those tables (migration 0027) in the writing transaction, so the
     * group list reads them instead of counting per group.
     */
    memberCount: integer("member_count").notNull().default(0),
    entryCount: integer("entry_count").notNull().default(0),
    calendarGrantCount: integer("calendar_grant_count").notNull().default(0),
  },
  (t) => [uniqueIndex("user_groups_district_name_idx").on(t.districtId, sql`lower(${t.name})`), index("user_groups_district_idx").on(t.districtId)],
);

/**
 * One right on one tool for a group or one user. Several rows per tool are allowed only with
 * different time windows (a template's ** row is a grant until a date plus "" from it).
 */
export const rightEntries = pgTable(
  "right_entries",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    districtId: districtId(),
    groupId: groupRef(),
    userId: userRef(),
    toolPath: text("tool_path").notNull(),
    rights: text("rights", { enum: ["", "R", "RW", "RWA", "RWAD"] }).notNull(),
    deny: boolean("deny").notNull().default(false),
    validFrom: at("valid_from"),
    validUntil: at("valid_until"),
  },
  (t) => [
    unique("right_entries_grantee_tool_window").on(t.groupId, t.userId, t.toolPath, t.validFrom, t.validUntil).nullsNotDistinct(),
    check("right_entries_one_grantee", sql`(${t.groupId} is null) <> (${t.userId} is null)`),
    index("right_entries_district_idx").on(t.districtId),
    index("right_entries_user_idx").on(t.userId),
  ],
);

/** Named user_group_members because Ad hoc filter sharing already reads it under that name. */
export const userGroupMembers = pgTable(
  "user_group_members",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    districtId: districtId(),
    groupId: uuid("group_id").notNull().references(() => userGroups.id, { onDelete: "cascade" }),
    userId: uuid("user_id").notNull().references(() => users.id, { onDelete: "cascade" }),
    validFrom: at("valid_from"),
    validUntil: at("valid_until"),
    addedAt: at("added_at").notNull().defaultNow(),
  },
  (t) => [
    unique("user_group_members_group_user").on(t.groupId, t.userId),
    index("user_group_members_district_idx").on(t.districtId),
    index("user_group_members_user_idx").on(t.userId),
  ],
);

/** School / year / calendar, each "*" for all; modify lifts the read-only cap. */
export const calendarGrants = pgTable(
  "calendar_grants",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    districtId: districtId(),
    groupId: groupRef(),
    userId: userRef(),
    school: text("school").notNull(),
    year: text("year").notNull(),
    calendar: text("calendar").notNull(),
    modify: boolean("modify").notNull().default(false),
    validFrom: at("valid_from"),
    validUntil: at("valid_until"),
  },
  (t) => [
    unique("calendar_grants_grantee_calendar").on(t.groupId, t.userId, t.school, t.year, t.calendar).nullsNotDistinct(),
    check("calendar_grants_one_grantee", sql`(${t.groupId} is null) <> (${t.userId} is null)`),
    index("calendar_grants_district_idx").on(t.districtId),
  ],
);

/**
 * Bumped in the same transaction as every rights change. Each server reads it per request
 * (a primary-key lookup) and recompiles when it moved, so a change is seen at once everywhere.
 */
export const districtRightsState = pgTable("district_rights_state", {
  districtId: uuid("district_id").primaryKey().references(() => districts.id, { onDelete: "cascade" }),
  rightsVersion: bigint("rights_version", { mode: "number" }).notNull().default(0),
  /** end of the master scheduling period: the until date of templates' ** rows */
  masterSchedulingEnds: at("master_scheduling_ends"),
  updatedAt: at("updated_at").notNull().defaultNow(),
});

/** What each version changed, so a server can recompile only the groups and users touched. */
export const rightsChanges = pgTable(
  "rights_changes",
  {
    districtId: districtId(),
    rightsVersion: bigint("rights_version", { mode: "number" }).notNull(),
    kind: text("kind", { enum: ["group", "user", "district"] }).notNull(),
    targetId: text("target_id").notNull(),
    at: at("at").notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.districtId, t.rightsVersion, t.kind, t.targetId] })],
);

/**
 * Tools or fields a district marks as protected beyond the seed's FERPA/HIPAA list ("This is
 * not a comprehensive list."). A marked path and everything below it is treated as the seed's
 * protected areas are; only what is listed here can be unmarked.
 */
export const districtProtectedTools = pgTable(
  "district_protected_tools",
  {
    districtId: districtId(),
    toolPath: text("tool_path").notNull(),
    markedById: uuid("marked_by_id"),
    markedByName: text("marked_by_name").notNull(),
    markedAt: at("marked_at").notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.districtId, t.toolPath] })],
);
