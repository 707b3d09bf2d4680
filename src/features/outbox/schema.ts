import { z } from "zod";

export const OUTBOX_STATUSES = ["pending", "sending", "sent", "failed"] as const;

export const ZOutboxQuery = z.object({
  status: z.enum([...OUTBOX_STATUSES, "all"]).default("all"),
  search: z.string().trim().max(200).default("").describe("matches the recipient, subject or district"),
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
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
  total: z.number(),
  items: z.array(ZOutboxItem),
});

export const ZOutboxMessage = ZOutboxItem.extend({ text: z.string(), html: z.string(), messageId: z.string() });

export type OutboxQuery = z.infer<typeof ZOutboxQuery>;
export type OutboxItem = z.infer<typeof ZOutboxItem>;
