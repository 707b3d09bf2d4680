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

export type CampaignScope =
  | { kind: "protected" }
  | { kind: "group"; groupId: string }
  | { kind: "tool"; toolPath: string }
  | { kind: "individual" }
  | { kind: "everything" };

/**
 * An access review campaign: who reviews which access, by when, and what happens to what
 * nobody decided. Closing applies the decisions; `repeatEveryDays` schedules the next one.
 */
export const reviewCampaigns = pgTable(
  "review_campaigns",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    districtId: uuid("district_id").notNull().references(() => districts.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    scope: jsonb("scope").$type<CampaignScope>().notNull(),
    status: text("status", { enum: ["scheduled", "open", "closed"] }).notNull(),
    startsOn: timestamp("starts_on", { withTimezone: true }).notNull(),
    dueOn: timestamp("due_on", { withTimezone: true }).notNull(),
    /** the named reviewer; with reviewer mode "group-owners", the one for items whose group has no owner */
    reviewerId: uuid("reviewer_id").notNull(),
    reviewerMode: text("reviewer_mode", { enum: ["named", "group-owners"] }).notNull().default("named"),
    defaultDecision: text("default_decision", { enum: ["keep", "remove"] }).notNull(),
    repeatEveryDays: integer("repeat_every_days"),
    createdById: uuid("created_by_id"),
    createdByName: text("created_by_name"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    closedAt: timestamp("closed_at", { withTimezone: true }),
    closedByName: text("closed_by_name"),
  },
  (t) => [index("review_campaigns_district_idx").on(t.districtId)],
);

/** One person's access in a campaign's scope, through one source, with the reviewer's decision. */
export const reviewItems = pgTable(
  "review_items",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    campaignId: uuid("campaign_id").notNull().references(() => reviewCampaigns.id, { onDelete: "cascade" }),
    districtId: uuid("district_id").notNull().references(() => districts.id, { onDelete: "cascade" }),
    userId: uuid("user_id").notNull(),
    username: text("username").notNull(),
    displayName: text("display_name").notNull(),
    /** membership of a group, the person's individual rights, or the Student Information System role */
    source: text("source", { enum: ["group", "individual", "role"] }).notNull(),
    groupId: uuid("group_id"),
    groupName: text("group_name"),
    /** the rights in scope, e.g. [{ path: "Student Information > Health", rights: "R" }] */
    rights: jsonb("rights").$type<{ path: string; rights: string; why?: string }[]>().notNull(),
    /** who decides this item (the group's owner, or the campaign's reviewer); null on items opened before owners existed */
    reviewerId: uuid("reviewer_id"),
    lastSignInAt: timestamp("last_sign_in_at", { withTimezone: true }),
    decision: text("decision", { enum: ["keep", "remove", "end"] }),
    endOn: timestamp("end_on", { withTimezone: true }),
    note: text("note"),
    decidedById: uuid("decided_by_id"),
    decidedByName: text("decided_by_name"),
    decidedAt: timestamp("decided_at", { withTimezone: true }),
    /** what closing the campaign did with this item */
    outcome: text("outcome"),
  },
  (t) => [index("review_items_campaign_idx").on(t.campaignId)],
);
