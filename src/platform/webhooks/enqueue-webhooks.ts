import { and, arrayContains, eq } from "drizzle-orm";
import type { WebhookCategory } from "../../domain/webhooks/event-categories.js";
import { redactFor } from "../../features/sis/redact-for.js";
import type { AuditEntry } from "../audit.js";
import type { Db } from "../db/connect.js";
import { districts } from "../db/schema/districts.js";
import { webhookDeliveries, webhookEndpoints } from "../db/schema/webhooks.js";

/** A webhook's receiver is outside every district's rights: it reads no protected value. */
const NO_RIGHTS = { has: () => false };

export type WebhookPayload = {
  type: string;
  timestamp: string;
  data: {
    auditId: number;
    district: { id: string; slug: string };
    actor: { id: string; name: string } | null;
    target: { type: string; id: string; name?: string } | null;
    before: unknown;
    after: unknown;
    requestId: string | null;
  };
};

/**
 * Writes one message per subscribed endpoint in the transaction of the audited change, so a
 * change and its webhook commit or roll back together. Called by recordAudit for the actions
 * that have a category: no route can change rights and forget to tell the endpoints.
 */
export async function enqueueWebhooks(
  db: Db,
  entry: AuditEntry & { districtId: string },
  audit: { id: number; requestId: string | null; category: WebhookCategory; at: Date },
): Promise<void> {
  const endpoints = await db
    .select({ id: webhookEndpoints.id, slug: districts.slug })
    .from(webhookEndpoints)
    .innerJoin(districts, eq(districts.id, webhookEndpoints.districtId))
    .where(and(eq(webhookEndpoints.districtId, entry.districtId), eq(webhookEndpoints.enabled, true), arrayContains(webhookEndpoints.eventTypes, [audit.category])));
  if (endpoints.length === 0) return;
  const payload: WebhookPayload = {
    type: entry.action,
    timestamp: audit.at.toISOString(),
    data: redactFor(NO_RIGHTS, {
      auditId: audit.id,
      district: { id: entry.districtId, slug: endpoints[0]!.slug },
      actor: entry.actor ?? null,
      target: entry.target ?? null,
      before: entry.before ?? null,
      after: entry.after ?? null,
      requestId: audit.requestId,
    }),
  };
  await db.insert(webhookDeliveries).values(
    endpoints.map((e) => ({ districtId: entry.districtId, endpointId: e.id, messageId: `msg_audit_${audit.id}`, auditId: audit.id, eventType: entry.action, payload })),
  );
}
