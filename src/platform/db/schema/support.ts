import { bigserial, boolean, customType, date, index, integer, jsonb, pgTable, primaryKey, text, timestamp, unique, uuid } from "drizzle-orm/pg-core";
import { authorizedContacts } from "./contacts.js";
import { districts } from "./districts.js";
import { users } from "./users.js";

export const CASE_STATUSES = ["new", "open", "pending-district", "pending-vendor", "resolved", "closed"] as const;
export const CASE_PRIORITIES = ["low", "normal", "high", "urgent"] as const;
export const CASE_KINDS = ["issue", "modify-contact"] as const;
export const UPDATE_REQUEST_KINDS = ["sandbox-refresh", "staging-refresh", "version-update"] as const;
export const UPDATE_REQUEST_STATUSES = ["requested", "scheduled", "completed", "declined"] as const;
export const MODIFY_CONTACT_ACTIONS = ["add", "remove", "change-type", "reactivate"] as const;
export const MODIFY_CONTACT_STATUSES = ["pending", "approved", "declined"] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];
export type CasePriority = (typeof CASE_PRIORITIES)[number];
export type UpdateRequestKind = (typeof UPDATE_REQUEST_KINDS)[number];
export type ModifyContactAction = (typeof MODIFY_CONTACT_ACTIONS)[number];

const bytea = customType<{ data: Buffer; driverData: Buffer | Uint8Array }>({
  dataType: () => "bytea",
  // PGlite hands back a Uint8Array, node-postgres a Buffer: callers always get a Buffer.
  fromDriver: (value) => (Buffer.isBuffer(value) ? value : Buffer.from(value)),
});

/**
 * A support case. `contactId` is the authorized contact the case belongs to (who opened it, or
 * for whom vendor staff opened it in an emergency); vendor staff never own a case.
 */
export const supportCases = pgTable(
  "support_cases",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    number: bigserial("number", { mode: "number" }).notNull().unique(),
    districtId: uuid("district_id").notNull().references(() => districts.id, { onDelete: "cascade" }),
    kind: text("kind", { enum: CASE_KINDS }).notNull().default("issue"),
    contactId: uuid("contact_id").notNull().references(() => authorizedContacts.id),
    openedById: uuid("opened_by_id").notNull().references(() => users.id),
    openedByName: text("opened_by_name").notNull(),
    emergency: boolean("emergency").notNull().default(false),
    emergencyReason: text("emergency_reason"),
    subject: text("subject").notNull(),
    description: text("description").notNull(),
    productArea: text("product_area").notNull(),
    priority: text("priority", { enum: CASE_PRIORITIES }).notNull().default("normal"),
    status: text("status", { enum: CASE_STATUSES }).notNull().default("new"),
    assigneeId: uuid("assignee_id").references(() => users.id),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
    closedAt: timestamp("closed_at", { withTimezone: true }),
    version: integer("version").notNull().default(1),
  },
  (t) => [index("support_cases_district_status_idx").on(t.districtId, t.status), index("support_cases_status_updated_idx").on(t.status, t.updatedAt)],
);

/**
 * The case timeline: every change and every comment. `internal` rows are vendor notes that the
 * district never sees; everything else is shown to the district's contacts.
 */
export const caseEvents = pgTable(
  "case_events",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    districtId: uuid("district_id").notNull().references(() => districts.id, { onDelete: "cascade" }),
    caseId: uuid("case_id").notNull().references(() => supportCases.id, { onDelete: "cascade" }),
    at: timestamp("at", { withTimezone: true }).notNull().defaultNow(),
    actorId: uuid("actor_id").references(() => users.id),
    actorName: text("actor_name").notNull(),
    actorSide: text("actor_side", { enum: ["district", "vendor"] }).notNull(),
    kind: text("kind").notNull(),
    body: text("body"),
    internal: boolean("internal").notNull().default(false),
    data: jsonb("data").$type<Record<string, unknown>>(),
  },
  (t) => [index("case_events_case_idx").on(t.caseId, t.id)],
);

/** Colleagues (authorized contacts of the same district) who follow a case and get its emails. */
export const caseWatchers = pgTable(
  "case_watchers",
  {
    caseId: uuid("case_id").notNull().references(() => supportCases.id, { onDelete: "cascade" }),
    districtId: uuid("district_id").notNull().references(() => districts.id, { onDelete: "cascade" }),
    contactId: uuid("contact_id").notNull().references(() => authorizedContacts.id, { onDelete: "cascade" }),
    addedAt: timestamp("added_at", { withTimezone: true }).notNull().defaultNow(),
    addedByName: text("added_by_name").notNull(),
  },
  (t) => [primaryKey({ columns: [t.caseId, t.contactId] })],
);

/** Files on a case, kept in the database (no file store to secure or back up separately). */
export const caseAttachments = pgTable(
  "case_attachments",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    districtId: uuid("district_id").notNull().references(() => districts.id, { onDelete: "cascade" }),
    caseId: uuid("case_id").notNull().references(() => supportCases.id, { onDelete: "cascade" }),
    fileName: text("file_name").notNull(),
    contentType: text("content_type").notNull(),
    sizeBytes: integer("size_bytes").notNull(),
    sha256: text("sha256").notNull(),
    content: bytea("content").notNull(),
    uploadedById: uuid("uploaded_by_id").references(() => users.id),
    uploadedByName: text("uploaded_by_name").notNull(),
    uploadedAt: timestamp("uploaded_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("case_attachments_case_idx").on(t.caseId)],
);

/** Named add-on products a district licenses; districts.add_on_products is kept equal to their count. */
export const districtAddOnProducts = pgTable(
  "district_add_on_products",
  {
    districtId: uuid("district_id").notNull().references(() => districts.id, { onDelete: "cascade" }),
    product: text("product").notNull(),
    licensedAt: timestamp("licensed_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.districtId, t.product] })],
);

/** Campus releases vendor staff publish; Cloud Choice districts pick one for a version update. */
export const releases = pgTable("releases", {
  id: uuid("id").primaryKey().defaultRandom(),
  version: text("version").notNull().unique(),
  name: text("name").notNull(),
  releasedOn: date("released_on").notNull(),
  available: boolean("available").notNull().default(true),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
});

/** Sandbox / staging refreshes and version updates filed by technical contacts. */
export const updateRequests = pgTable(
  "update_requests",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    number: bigserial("number", { mode: "number" }).notNull().unique(),
    districtId: uuid("district_id").notNull().references(() => districts.id, { onDelete: "cascade" }),
    contactId: uuid("contact_id").notNull().references(() => authorizedContacts.id),
    requestedByName: text("requested_by_name").notNull(),
    kind: text("kind", { enum: UPDATE_REQUEST_KINDS }).notNull(),
    releaseId: uuid("release_id").references(() => releases.id),
    preferredDate: date("preferred_date"),
    notes: text("notes").notNull().default(""),
    status: text("status", { enum: UPDATE_REQUEST_STATUSES }).notNull().default("requested"),
    scheduledFor: timestamp("scheduled_for", { withTimezone: true }),
    vendorNote: text("vendor_note"),
    decidedByName: text("decided_by_name"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
    version: integer("version").notNull().default(1),
  },
  (t) => [index("update_requests_district_idx").on(t.districtId, t.createdAt), index("update_requests_status_idx").on(t.status)],
);

/** The change a Modify Support Contact case asks for; one per case, applied when vendor staff approve it. */
export const modifyContactRequests = pgTable(
  "modify_contact_requests",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    districtId: uuid("district_id").notNull().references(() => districts.id, { onDelete: "cascade" }),
    caseId: uuid("case_id").notNull().references(() => supportCases.id, { onDelete: "cascade" }),
    action: text("action", { enum: MODIFY_CONTACT_ACTIONS }).notNull(),
    /** For "add": the district user to designate; otherwise the contact's user. */
    targetUserId: uuid("target_user_id").notNull().references(() => users.id),
    targetContactId: uuid("target_contact_id").references(() => authorizedContacts.id),
    newType: text("new_type", { enum: ["support", "technical"] }),
    status: text("status", { enum: MODIFY_CONTACT_STATUSES }).notNull().default("pending"),
    decidedByName: text("decided_by_name"),
    decidedAt: timestamp("decided_at", { withTimezone: true }),
    decisionNote: text("decision_note"),
  },
  (t) => [unique("modify_contact_requests_case").on(t.caseId), index("modify_contact_requests_district_idx").on(t.districtId, t.status)],
);
