import { z } from "zod";
import { zPageQuery } from "../../platform/http/paging.js";
import { GROUP_SORTS, MEMBER_SORTS } from "./sorts.js";
import { tooLongMessage } from "../../domain/validation/plain-message.js";
import { ZDayDate } from "../../domain/calendar-day.js";
import { PRODUCT_SECURITY_ROLES } from "../../platform/db/schema/users.js";

export const ZRights = z.enum(["", "R", "RW", "RWA", "RWAD"]);
/** A stored bound echoed back as read (compared, never stored): any instant. */
const ZWhen = z.coerce.date();

/** A right as sent by a client: any of R/W/A/D (closed upwards on save), or a deny. */
export const ZEntryInput = z.object({
  toolPath: z.string().trim().min(1, "Name the tool").max(500),
  rights: z.string().max(8).default("").describe('letters R, W, A, D in any combination ("D" means RWAD), or "" for an explicit none'),
  deny: z.boolean().default(false).describe("deny the whole subtree, beating every allow"),
  from: ZDayDate.optional(),
  until: ZDayDate.optional(),
});
export type EntryInput = z.infer<typeof ZEntryInput>;

export const ZEntry = z.object({
  toolPath: z.string(),
  rights: ZRights,
  deny: z.boolean(),
  from: z.date().nullable(),
  until: z.date().nullable(),
});
export type Entry = z.infer<typeof ZEntry>;

const ZCalendarPart = z.string().trim().min(1).max(200).describe('a name, or "*" for all');
export const ZGrantInput = z.object({
  school: ZCalendarPart,
  year: ZCalendarPart,
  calendar: ZCalendarPart,
  modify: z.boolean().default(false),
  from: ZDayDate.optional(),
  until: ZDayDate.optional(),
});
export type GrantInput = z.infer<typeof ZGrantInput>;

export const ZGrant = z.object({
  school: z.string(),
  year: z.string(),
  calendar: z.string(),
  modify: z.boolean(),
  from: z.date().nullable(),
  until: z.date().nullable(),
});
export type Grant = z.infer<typeof ZGrant>;

export const ZVersion = z.int32().positive().describe("the version you read; a stale one answers 409 version-conflict");

export const ZMember = z.object({
  userId: z.string(),
  username: z.string(),
  displayName: z.string(),
  from: z.date().nullable(),
  until: z.date().nullable(),
  active: z.boolean().describe("the membership is in force now"),
});

export const ZGroupSummary = z.object({
  id: z.string(),
  name: z.string(),
  description: z.string(),
  memberLimit: z.number().nullable(),
  template: z.string().nullable(),
  memberCount: z.number(),
  entryCount: z.number(),
  calendarGrantCount: z.number(),
  version: z.number(),
  updatedAt: z.date(),
  updatedBy: z.string().nullable(),
});
export type GroupSummary = z.infer<typeof ZGroupSummary>;

export const ZGroupDetail = ZGroupSummary.extend({
  owner: z.object({ id: z.string(), username: z.string(), displayName: z.string() }).nullable().describe("reviews the group's members in a campaign whose reviewers are the group owners"),
  entries: z.array(ZEntry),
  calendarGrants: z.array(ZGrant),
  members: z.array(ZMember),
});

export const ZGroupQuery = zPageQuery(GROUP_SORTS, { sort: "name" }).extend({
  search: z.string().trim().max(100).default(""),
  limited: z.enum(["yes", "no"]).optional().describe("only groups with (yes) or without (no) a member limit"),
});
export const ZMemberQuery = zPageQuery(MEMBER_SORTS, { sort: "username" }).extend({ search: z.string().trim().max(100).default("") });

export const ZGroupName = z
  .string({ error: "Give the group a name" })
  .trim()
  .min(1, "Give the group a name")
  .max(100, { error: (issue) => tooLongMessage("group name", 100, String(issue.input ?? "").length) });
export const ZCreateGroup = z.object({
  name: ZGroupName,
  description: z.string().trim().max(2000).default(""),
  memberLimit: z.int32().positive().nullable().optional(),
  template: z.string().trim().max(100).optional().describe("name of a seed template group to start from"),
  masterSchedulingEnds: ZDayDate.optional().describe("end of the master scheduling period: the until date of the template's ** rows"),
  copyOf: z.uuid().optional().describe("another group to copy entries and calendar rights from"),
});
export type CreateGroup = z.infer<typeof ZCreateGroup>;

export const ZCreateTemplateGroups = z.object({
  templates: z.array(z.string().trim().min(1).max(100)).min(1).max(50).optional().describe("seed template names; all 21 when left out"),
  masterSchedulingEnds: ZDayDate.optional().describe("end of the master scheduling period (default: the district's): the until date of the ** rows"),
  skipExisting: z.boolean().default(false).describe("skip templates whose name is already a group instead of refusing the request"),
});
export const ZTemplateGroupsCreated = z.object({
  created: z.array(ZGroupSummary),
  skipped: z.array(z.string()).describe("templates not created because a group of that name exists"),
  warnings: z.array(z.string()),
});

export const ZUpdateGroup = z.object({
  name: ZGroupName.optional(),
  description: z.string().trim().max(2000).optional(),
  memberLimit: z.int32().positive().nullable().optional(),
  ownerId: z.uuid().nullable().optional().describe("the group's owner: an enabled account of the district, or null for none"),
  version: ZVersion,
});
export type UpdateGroup = z.infer<typeof ZUpdateGroup>;

export const ZDeletionPreview = z.object({
  group: z.object({ id: z.string(), name: z.string(), version: z.number() }),
  entries: z.number(),
  calendarGrants: z.number(),
  members: z.array(z.object({ userId: z.string(), username: z.string() })),
  loses: z.array(z.object({ userId: z.string(), username: z.string(), tools: z.number().describe("tools on which the user's rights go down") })),
});

const ZConfirmPastUntil = z.boolean().default(false).describe("confirm an until that has already passed (otherwise 422 past-until)");
export const ZReplaceRights = z.object({ version: ZVersion, entries: z.array(ZEntryInput).max(5000), confirmPastUntil: ZConfirmPastUntil });
export const ZReplaceGrants = z.object({ version: ZVersion, calendarGrants: z.array(ZGrantInput).max(500) });

export const ZRightsChange = z.object({
  userId: z.string(),
  username: z.string(),
  changes: z.array(z.object({ toolPath: z.string(), before: ZRights, after: ZRights })),
});
export const ZRightsPreview = z.object({ gains: z.array(ZRightsChange), losses: z.array(ZRightsChange) });

export const ZAddMember = z.object({
  userId: z.uuid(),
  from: ZDayDate.optional(),
  until: ZDayDate.optional(),
  confirmOverLimit: z.boolean().default(false).describe("confirm adding past the group's member limit (audited)"),
  confirmPastUntil: ZConfirmPastUntil,
  expected: z
    .object({ from: ZWhen.nullable(), until: ZWhen.nullable() })
    .nullable()
    .optional()
    .describe("the membership as you last saw it (null: not a member); if it changed since, 409 membership-conflict and nothing is saved"),
});

/** A date, or "open" for no bound: how a membership's dates travel in a query string. */
const ZQueryBound = z.union([z.literal("open").transform(() => null), ZWhen]);

export const ZRemoveMemberQuery = z.object({
  expectedFrom: ZQueryBound.optional().describe('with expectedUntil: the membership\'s start as you last saw it ("open" for none); if it changed since, 409 membership-conflict and nothing is removed'),
  expectedUntil: ZQueryBound.optional().describe('the membership\'s end as you last saw it ("open" for none)'),
});

export const ZRole = z.enum(PRODUCT_SECURITY_ROLES);

export const ZPreferences = z.object({
  automaticStaffAccounts: z.boolean().describe("Automatic creation of staff accounts: calendar-only groups cannot then be given tool rights"),
  masterSchedulingEnds: z.date().nullable().describe("end of the master scheduling period"),
  version: z.number(),
});
export const ZUpdatePreferences = z.object({
  automaticStaffAccounts: z.boolean().optional(),
  masterSchedulingEnds: ZDayDate.nullable().optional(),
  version: ZVersion,
});
