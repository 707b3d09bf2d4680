import { z } from "zod";

const ZRights = z.enum(["", "R", "RW", "RWA", "RWAD"]);
const ZLevel = z.union([z.literal(0), z.literal(1), z.literal(2), z.literal(3), z.literal(4)]);

export const ZAccessVia = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("group"), groupId: z.string(), groupName: z.string(), entryPath: z.string(), rights: ZRights }),
  z.object({ kind: z.literal("user"), entryPath: z.string(), rights: ZRights }),
  z.object({ kind: z.literal("role"), role: z.literal("student-information-system") }),
]);

export const ZProtectedAccessReview = z.object({
  asOf: z.date(),
  areas: z.array(
    z.object({
      toolPath: z.string(),
      holders: z.array(z.object({ userId: z.string(), username: z.string(), displayName: z.string(), rights: ZRights.describe("the most they can do, capped by their calendar rights"), calendars: z.string().describe("the calendars they reach it in"), via: z.array(ZAccessVia) })),
    }),
  ),
});

export const ZIndividualRightsReview = z.object({
  asOf: z.date(),
  rows: z.array(
    z.object({
      userId: z.string(),
      username: z.string(),
      displayName: z.string(),
      toolPath: z.string(),
      rights: ZRights,
      deny: z.boolean(),
      until: z.date().nullable(),
      active: z.boolean(),
    }),
  ),
});

export const ZGroupsOverLimitReview = z.object({
  asOf: z.date(),
  rows: z.array(z.object({ groupId: z.string(), name: z.string(), memberLimit: z.number(), members: z.number() })),
});

export const ZExpiringGrantsReview = z.object({
  asOf: z.date(),
  withinDays: z.number(),
  rows: z.array(
    z.object({
      kind: z.enum(["group-entry", "user-entry", "membership"]),
      until: z.date(),
      groupId: z.string().nullable(),
      groupName: z.string().nullable(),
      userId: z.string().nullable(),
      username: z.string().nullable(),
      toolPath: z.string().nullable(),
      rights: ZRights.nullable(),
      deny: z.boolean(),
    }),
  ),
});

export const ZDeleteRightsReview = z.object({
  asOf: z.date(),
  rows: z.array(
    z.object({ groupId: z.string(), groupName: z.string(), toolPath: z.string(), rights: ZRights, entryPath: z.string(), dangerous: z.string().nullable() }),
  ),
});

export const ZHeatMapReview = z.object({
  asOf: z.date(),
  modules: z.array(z.string()),
  rows: z.array(
    z.object({ groupId: z.string(), groupName: z.string(), members: z.number(), cells: z.array(z.object({ max: ZLevel, min: ZLevel, denied: z.boolean().describe("a deny entry of the group covers some of the module") })) }),
  ),
});

export const ZSeedCautionRow = z.object({
  code: z.string(),
  seedSays: z.string(),
  subject: z.string(),
  finding: z.string(),
  groupIds: z.array(z.uuid()).describe("groups the finding is about"),
  userIds: z.array(z.uuid()).describe("users the finding is about"),
});

export const ZSeedCautionsReview = z.object({
  asOf: z.date(),
  rows: z.array(ZSeedCautionRow),
});
