import { index, jsonb, pgTable, text, timestamp, unique, uuid } from "drizzle-orm/pg-core";
import { districts } from "./districts.js";
import { userGroups } from "./rights.js";
import { sisSchools } from "./sis.js";
import { users } from "./users.js";

const districtId = () => uuid("district_id").notNull().references(() => districts.id, { onDelete: "cascade" });

export const ONEROSTER_KINDS = ["org", "session", "user", "role", "course", "class", "enrollment", "demographic", "calendar-enrollment"] as const;
export type OneRosterKind = (typeof ONEROSTER_KINDS)[number];

/**
 * Every OneRoster row imported, keyed by its sourcedId: what it became (a school, a school year,
 * a person, an account, an enrollment), a digest of its fields so a re-import changes only what
 * changed, and the fields a later delta file needs to resolve references (a class's school).
 */
export const onerosterLinks = pgTable(
  "oneroster_links",
  {
    districtId: districtId(),
    kind: text("kind", { enum: ONEROSTER_KINDS }).notNull(),
    sourcedId: text("sourced_id").notNull(),
    digest: text("digest").notNull(),
    targetId: uuid("target_id"),
    userId: uuid("user_id"),
    data: jsonb("data").$type<Record<string, string>>().notNull().default({}),
    endedAt: timestamp("ended_at", { withTimezone: true }),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [unique("oneroster_links_key").on(t.districtId, t.kind, t.sourcedId)],
);

/** Staff account automation: a school's calendar-only groups, and the groups of a role or title. */
export const staffAutomationMappings = pgTable(
  "staff_automation_mappings",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    districtId: districtId(),
    kind: text("kind", { enum: ["school", "role"] }).notNull(),
    /** a school's name, or a role/title (matched case-insensitively) */
    key: text("key").notNull(),
    groupId: uuid("group_id").notNull().references(() => userGroups.id, { onDelete: "cascade" }),
  },
  (t) => [unique("staff_automation_mappings_key").on(t.districtId, t.kind, t.key, t.groupId)],
);

export type AutomationAction = { username: string; action: "account-created" | "group-added" | "account-disabled" | "account-enabled" | "skipped"; detail: string };

/** One run of the automation: where the assignments came from and every action it took. */
export const staffAutomationRuns = pgTable(
  "staff_automation_runs",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    districtId: districtId(),
    source: text("source").notNull(),
    actorName: text("actor_name"),
    ranAt: timestamp("ran_at", { withTimezone: true }).notNull().defaultNow(),
    actions: jsonb("actions").$type<AutomationAction[]>().notNull().default([]),
  },
  (t) => [index("staff_automation_runs_district_idx").on(t.districtId, t.ranAt)],
);

export const ASSIGNMENT_SOURCES = ["oneroster", "scim", "web"] as const;
export type AssignmentSource = (typeof ASSIGNMENT_SOURCES)[number];

/**
 * A staff member's school assignments, each kept under the source that gave it: a OneRoster
 * import, SCIM (the enterprise department and title) or an administrator in the web app. A
 * source replaces only its own rows; the automation works from all of them together, so one
 * source ending its assignment does not end another's.
 */
export const staffSchoolAssignments = pgTable(
  "staff_school_assignments",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    districtId: districtId(),
    userId: uuid("user_id").notNull().references(() => users.id, { onDelete: "cascade" }),
    source: text("source", { enum: ASSIGNMENT_SOURCES }).notNull(),
    /** the school as the mappings match it (SCIM's department need not be a school of the SIS) */
    schoolName: text("school_name").notNull(),
    schoolId: uuid("school_id").references(() => sisSchools.id, { onDelete: "set null" }),
    title: text("title").notNull().default(""),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [unique("staff_school_assignments_key").on(t.districtId, t.userId, t.source, t.schoolName, t.title), index("staff_school_assignments_user_idx").on(t.userId)],
);
