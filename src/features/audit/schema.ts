import { z } from "zod";

export const ZAuditQuery = z.object({
  from: z.coerce.date().optional().describe("earliest time, inclusive"),
  to: z.coerce.date().optional().describe("latest time, exclusive"),
  actor: z.string().trim().max(100).optional().describe("username of who made the change"),
  action: z.string().trim().max(100).optional().describe("action, or its prefix such as `group.`"),
  target: z.string().trim().max(200).optional().describe("name or id of the affected group, user or record"),
  before: z.coerce.number().int().positive().optional().describe("page backwards from this entry id"),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});
export type AuditQuery = z.infer<typeof ZAuditQuery>;

export const ZAuditEntry = z.object({
  id: z.number(),
  at: z.date(),
  actorName: z.string().nullable(),
  action: z.string(),
  targetType: z.string().nullable(),
  targetId: z.string().nullable(),
  targetName: z.string().nullable(),
  before: z.unknown(),
  after: z.unknown(),
  requestId: z.string().nullable(),
  ip: z.string().nullable(),
});

export const ZAuditPage = z.object({ entries: z.array(ZAuditEntry), nextBefore: z.number().nullable().describe("pass as `before` for the next page"), total: z.number().describe("entries matching the filters") });
