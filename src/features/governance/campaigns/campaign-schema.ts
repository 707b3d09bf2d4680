import { z } from "zod";

export const ZCampaignScope = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("protected") }),
  z.object({ kind: z.literal("group"), groupId: z.uuid() }),
  z.object({ kind: z.literal("tool"), toolPath: z.string().trim().min(1, "Choose the tool whose holders are reviewed.").max(300) }),
  z.object({ kind: z.literal("individual") }),
  z.object({ kind: z.literal("everything") }),
]);

export const ZStartCampaign = z.object({
  name: z.string().trim().min(1, "Give the campaign a name.").max(200, "Keep the name under 200 characters."),
  scope: ZCampaignScope,
  dueOn: z.coerce.date(),
  reviewerId: z.uuid().optional().describe("the reviewer (the starting administrator when absent); with reviewerMode group-owners, the reviewer of items whose group has no owner"),
  reviewerMode: z.enum(["named", "group-owners"]).default("named").describe("named: the reviewer decides every item; group-owners: each group's owner decides its members' items"),
  defaultDecision: z.enum(["keep", "remove"]),
  repeatEveryDays: z.number().int().min(7, "Repeat at most once a week.").max(730).optional(),
});

export const ZCampaignSummary = z.object({
  id: z.string(),
  name: z.string(),
  scope: ZCampaignScope,
  status: z.enum(["scheduled", "open", "closed"]),
  startsOn: z.date(),
  dueOn: z.date(),
  defaultDecision: z.enum(["keep", "remove"]),
  repeatEveryDays: z.number().nullable(),
  createdByName: z.string().nullable(),
  closedAt: z.date().nullable(),
  items: z.number(),
  decided: z.number(),
});

export const ZReviewItem = z.object({
  id: z.string(),
  userId: z.string(),
  username: z.string(),
  displayName: z.string(),
  source: z.enum(["group", "individual", "role"]),
  groupId: z.string().nullable(),
  groupName: z.string().nullable(),
  rights: z.array(z.object({ path: z.string(), rights: z.string(), why: z.string().optional().describe("the grant path: source, entry, inheritance, membership window") })),
  reviewer: z.object({ id: z.string(), displayName: z.string() }).nullable(),
  youDecide: z.boolean(),
  lastSignInAt: z.date().nullable(),
  decision: z.enum(["keep", "remove", "end"]).nullable(),
  endOn: z.date().nullable(),
  note: z.string().nullable(),
  decidedByName: z.string().nullable(),
  decidedAt: z.date().nullable(),
  outcome: z.string().nullable(),
});

export const ZCampaignDetail = ZCampaignSummary.omit({ items: true, decided: true }).extend({
  reviewer: z.object({ id: z.string(), username: z.string(), displayName: z.string() }).nullable(),
  reviewerMode: z.enum(["named", "group-owners"]),
  closedByName: z.string().nullable(),
  youReview: z.boolean(),
  items: z.array(ZReviewItem),
});

export const ZDecide = z.object({
  decision: z.enum(["keep", "remove", "end"]),
  endOn: z.coerce.date().optional(),
  note: z.string().trim().max(1000, "Keep the note under 1,000 characters.").optional(),
});
