import { z } from "zod";
import { WEBHOOK_CATEGORIES } from "../../domain/webhooks/event-categories.js";

const ZCategories = z.array(z.enum(WEBHOOK_CATEGORIES)).min(1, "Choose at least one kind of event to send.").max(WEBHOOK_CATEGORIES.length);

export const ZCreateEndpoint = z.strictObject({
  url: z.string().trim().min(1, "Give the address that receives the events.").max(2000),
  description: z.string().trim().max(200).default(""),
  categories: ZCategories,
});

export const ZUpdateEndpoint = z.strictObject({
  url: z.string().trim().min(1, "Give the address that receives the events.").max(2000).optional(),
  description: z.string().trim().max(200).optional(),
  categories: ZCategories.optional(),
  enabled: z.boolean().optional(),
});

export const ZEndpoint = z.object({
  id: z.uuid(),
  url: z.string(),
  description: z.string(),
  categories: z.array(z.enum(WEBHOOK_CATEGORIES)),
  enabled: z.boolean(),
  createdAt: z.iso.datetime(),
  pending: z.number(),
  failed: z.number(),
  lastDeliveredAt: z.iso.datetime().nullable(),
});

export const ZEndpointWithSecret = z.object({ endpoint: ZEndpoint, secret: z.string() });

export const ZDelivery = z.object({
  id: z.uuid(),
  messageId: z.string(),
  eventType: z.string(),
  status: z.enum(["pending", "sending", "delivered", "failed"]),
  attempts: z.number(),
  lastError: z.string().nullable(),
  lastStatusCode: z.number().nullable(),
  createdAt: z.iso.datetime(),
  nextAttemptAt: z.iso.datetime(),
  deliveredAt: z.iso.datetime().nullable(),
  payload: z.unknown(),
});

export const ZEndpointParams = z.object({ endpointId: z.uuid() });
export const ZDeliveryParams = z.object({ endpointId: z.uuid(), deliveryId: z.uuid() });
export const ZCategoryList = z.object({ categories: z.array(z.object({ id: z.enum(WEBHOOK_CATEGORIES), label: z.string() })) });

export type CreateEndpoint = z.infer<typeof ZCreateEndpoint>;
export type UpdateEndpoint = z.infer<typeof ZUpdateEndpoint>;
export type Endpoint = z.infer<typeof ZEndpoint>;
export type Delivery = z.infer<typeof ZDelivery>;
