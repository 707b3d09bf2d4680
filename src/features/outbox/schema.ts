import { z } from "zod";
import { zPage, zPageQuery } from "../../platform/http/paging.js";

export const OUTBOX_STATUSES = ["pending", "sending", "sent", "failed"] as const;
export const OUTBOX_SORTS = ["created", "district", "to", "subject", "status"] as const;

export const ZOutboxQuery = zPageQuery(OUTBOX_SORTS, { sort: "created", order: "desc", limit: 50, max: 200 }).extend({
  status: z.enum([...OUTBOX_STATUSES, "all"]).default("all"),
  search: z.string().trim().max(200).default("").describe("matches the recipient, subject or district"),
});

export const ZOutboxItem = z.object({
  id: z.string(),
  createdAt: z.date(),
  district: z.string().nullable(),
  kind: z.string(),
  to: z.string(),
  subject: z.string(),
  status: z.enum(OUTBOX_STATUSES),
  attempts: z.number(),
  nextAttemptAt: z.date(),
  lastError: z.string().nullable(),
  sentAt: z.date().nullable(),
});

export const ZOutboxPage = z.object({
  smtpConfigured: z.boolean().describe("false: nothing is sent; messages stay here to be read"),
  counts: z.object({ pending: z.number(), sending: z.number(), sent: z.number(), failed: z.number() }),
}).extend(zPage(ZOutboxItem).shape);

export const ZOutboxMessage = ZOutboxItem.extend({ text: z.string(), html: z.string(), messageId: z.string() });

export type OutboxQuery = z.infer<typeof ZOutboxQuery>;
export type OutboxItem = z.infer<typeof ZOutboxItem>;
