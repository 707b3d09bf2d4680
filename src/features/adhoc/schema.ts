import { z } from "zod";

export const ZConditionOp = z.enum(["eq", "ne", "lt", "lte", "gt", "gte", "contains", "empty", "notEmpty"]);
export const ZCondition = z.object({
  field: z.string().min(1),
  op: ZConditionOp,
  value: z.union([z.string().max(200), z.number(), z.boolean(), z.null()]).optional(),
});
export const ZSort = z.object({ field: z.string().min(1), direction: z.enum(["asc", "desc"]).default("asc") });
export const ZDefinition = z.object({
  fields: z.array(z.string().min(1)).min(1, "Pick at least one field.").max(60),
  conditions: z.array(ZCondition).max(20).default([]),
  sort: z.array(ZSort).max(3).default([]),
});
export type Definition = z.infer<typeof ZDefinition>;

export const ZFieldGroup = z.object({
  tool: z.string(),
  protected: z.boolean(),
  fields: z.array(z.object({ id: z.string(), label: z.string(), type: z.enum(["text", "number", "date", "boolean"]) })),
});

export const ZColumn = z.object({
  id: z.string(),
  label: z.string(),
  type: z.enum(["text", "number", "date", "boolean"]),
  tool: z.string(),
  protected: z.boolean(),
  withheld: z.boolean(),
});
export const ZPreview = z.object({
  columns: z.array(ZColumn),
  rows: z.array(z.array(z.union([z.string(), z.number(), z.boolean(), z.null()]))),
  more: z.boolean(),
});

export const ZFilter = z.object({
  id: z.uuid(),
  name: z.string(),
  ownerId: z.uuid(),
  ownerName: z.string(),
  mine: z.boolean(),
  definition: ZDefinition,
  sharedWith: z.array(z.uuid()),
  version: z.int32(),
  updatedAt: z.string(),
  actions: z.object({ canSave: z.boolean(), canDelete: z.boolean(), canShare: z.boolean() }),
});
export type Filter = z.infer<typeof ZFilter>;

export const ZFilterInput = z.object({ name: z.string().trim().min(1, "Give the filter a name.").max(120), definition: ZDefinition });
export const ZFilterUpdate = ZFilterInput.extend({ version: z.int32() });
export const ZShares = z.object({ groupIds: z.array(z.uuid()).max(100) });
