import { z } from "zod";
import { CONTACT_STATUSES, CONTACT_TYPES } from "../../platform/db/schema/contacts.js";

export const LIFECYCLE_VIEW_STAGES = ["active", "notice-sent", "reminder-sent", "final-notice-sent", "deactivated"] as const;
export const ZLifecycleViewStage = z.enum(LIFECYCLE_VIEW_STAGES);
export const ZDay = z.string().regex(/^\d{4}-\d{2}-\d{2}$/).describe("a calendar day, YYYY-MM-DD (UTC)");

export const CONTACT_FILTERS = ["all", "due-soon", "pending", "active", "deactivated"] as const;

export const ZContactLifecycle = z.object({
  contactId: z.string(),
  districtId: z.string(),
  district: z.string(),
  username: z.string(),
  name: z.string(),
  type: z.enum(CONTACT_TYPES),
  status: z.enum(CONTACT_STATUSES),
  stage: ZLifecycleViewStage,
  lastActivityOn: ZDay,
  noticeDueOn: ZDay.describe("when the notice of pending deactivation falls due if nothing happens"),
  noticeOn: ZDay.nullable().describe("the notice actually sent in the current cycle"),
  reminderOn: ZDay.nullable(),
  finalNoticeOn: ZDay.nullable(),
  deactivationOn: ZDay.nullable().describe("earliest deactivation day (pending), or the day it happened"),
  daysLeft: z.number().nullable().describe("days until the notice (active) or until deactivation (pending)"),
});

export const ZLifecycleQuery = z.object({
  districtId: z.uuid().optional(),
  filter: z.enum(CONTACT_FILTERS).default("all"),
  limit: z.coerce.number().int().min(1).max(1000).default(300),
});

export const ZContactLifecycleList = z.object({ asOf: ZDay, contacts: z.array(ZContactLifecycle), truncated: z.boolean() });

export const ZDistrictLifecycleCounts = z.object({
  districtId: z.string(),
  district: z.string(),
  active: z.number(),
  dueSoon: z.number().describe("active contacts whose notice falls due within 30 days"),
  pending: z.number(),
  deactivated: z.number(),
});

export const ZMyLifecycle = z.object({
  asOf: ZDay,
  contact: ZContactLifecycle.omit({ districtId: true, contactId: true }).nullable().describe("null when the caller is not an authorized contact"),
  cleared: z
    .object({ noticeOn: ZDay, deactivationOn: ZDay.describe("the deactivation day that had been announced") })
    .nullable()
    .describe("a pending deactivation the caller's activity cleared, shown until its deadline has passed"),
});

export const ZSweepReport = z.object({
  asOf: ZDay,
  stages: z.array(z.object({ stage: z.string(), count: z.number(), ms: z.number() })),
  actions: z.array(z.object({ district: z.string(), username: z.string(), action: z.string() })),
});

export type ContactLifecycle = z.infer<typeof ZContactLifecycle>;
export type ContactFilter = (typeof CONTACT_FILTERS)[number];
export type LifecycleQuery = z.infer<typeof ZLifecycleQuery>;
