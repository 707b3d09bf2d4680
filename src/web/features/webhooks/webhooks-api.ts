import { api } from "../../api.js";

export type WebhookCategory = "rights" | "contacts" | "cases";
export type Endpoint = {
  id: string;
  url: string;
  description: string;
  categories: WebhookCategory[];
  enabled: boolean;
  createdAt: string;
  pending: number;
  failed: number;
  lastDeliveredAt: string | null;
};
export type Delivery = {
  id: string;
  messageId: string;
  eventType: string;
  status: "pending" | "sending" | "delivered" | "failed";
  attempts: number;
  lastError: string | null;
  lastStatusCode: number | null;
  createdAt: string;
  nextAttemptAt: string;
  deliveredAt: string | null;
  payload: unknown;
};
export type WithSecret = { endpoint: Endpoint; secret: string };

export const webhookKeys = { all: ["webhooks"] as const, deliveries: (id: string) => ["webhooks", id, "deliveries"] as const, categories: ["webhooks", "categories"] as const };

export const webhooksApi = {
  categories: () => api.get<{ categories: { id: WebhookCategory; label: string }[] }>("/api/webhooks/categories"),
  list: () => api.get<{ endpoints: Endpoint[] }>("/api/webhooks"),
  create: (body: { url: string; description: string; categories: WebhookCategory[] }) => api.post<WithSecret>("/api/webhooks", body),
  update: (id: string, body: Partial<Pick<Endpoint, "url" | "description" | "categories" | "enabled">>) => api.patch<Endpoint>(`/api/webhooks/${id}`, body),
  remove: (id: string) => api.delete<void>(`/api/webhooks/${id}`),
  rotate: (id: string) => api.post<WithSecret>(`/api/webhooks/${id}/rotate-secret`),
  test: (id: string) => api.post<void>(`/api/webhooks/${id}/test`),
  deliveries: (id: string) => api.get<{ deliveries: Delivery[] }>(`/api/webhooks/${id}/deliveries`),
  retry: (id: string, deliveryId: string) => api.post<void>(`/api/webhooks/${id}/deliveries/${deliveryId}/retry`),
};
