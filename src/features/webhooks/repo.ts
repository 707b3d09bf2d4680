import { and, desc, eq } from "drizzle-orm";
import type { Database, Db } from "../../platform/db/connect.js";
import { webhookDeliveries, webhookEndpoints } from "../../platform/db/schema/webhooks.js";
import { inDistrict, type DistrictScope } from "../../platform/db/tenancy.js";
import type { Delivery, Endpoint } from "./schema.js";

const iso = (d: Date | string | null) => (d === null ? null : new Date(d).toISOString());

/** The district's endpoints with what waits, what failed and when the last message got through. */
export async function listEndpoints(database: Database, scope: DistrictScope, endpointId?: string): Promise<Endpoint[]> {
  const rows = await database.query<{ id: string; url: string; description: string; categories: Endpoint["categories"]; enabled: boolean; created_at: string; pending: number; failed: number; last_delivered_at: string | null }>(
    `select e.id, e.url, e.description, e.event_types as categories, e.enabled, e.created_at,
            count(d.id) filter (where d.status in ('pending', 'sending'))::int as pending,
            count(d.id) filter (where d.status = 'failed')::int as failed,
            max(d.delivered_at) as last_delivered_at
     from webhook_endpoints e left join webhook_deliveries d on d.endpoint_id = e.id
     where e.district_id = $1 and ($2::uuid is null or e.id = $2::uuid)
     group by e.id order by e.created_at`,
    [scope.districtId, endpointId ?? null],
  );
  return rows.map((r) => ({ id: r.id, url: r.url, description: r.description, categories: r.categories, enabled: r.enabled, createdAt: iso(r.created_at)!, pending: r.pending, failed: r.failed, lastDeliveredAt: iso(r.last_delivered_at) }));
}

export async function findEndpoint(db: Db, scope: DistrictScope, endpointId: string) {
  const [row] = await db.select().from(webhookEndpoints).where(inDistrict(webhookEndpoints, scope, eq(webhookEndpoints.id, endpointId)));
  return row ?? null;
}

export async function listDeliveries(db: Db, scope: DistrictScope, endpointId: string, limit: number): Promise<Delivery[]> {
  const rows = await db
    .select()
    .from(webhookDeliveries)
    .where(inDistrict(webhookDeliveries, scope, eq(webhookDeliveries.endpointId, endpointId)))
    .orderBy(desc(webhookDeliveries.createdAt), desc(webhookDeliveries.id))
    .limit(limit);
  return rows.map((r) => ({
    id: r.id,
    messageId: r.messageId,
    eventType: r.eventType,
    status: r.status,
    attempts: r.attempts,
    lastError: r.lastError,
    lastStatusCode: r.lastStatusCode,
    createdAt: iso(r.createdAt)!,
    nextAttemptAt: iso(r.nextAttemptAt)!,
    deliveredAt: iso(r.deliveredAt),
    payload: r.payload,
  }));
}

/** A failed message goes out again with a full set of attempts and the same webhook-id. */
export async function requeueFailedDelivery(db: Db, scope: DistrictScope, endpointId: string, deliveryId: string, now: Date): Promise<boolean> {
  const rows = await db
    .update(webhookDeliveries)
    .set({ status: "pending", attempts: 0, nextAttemptAt: now, lockedUntil: null })
    .where(and(inDistrict(webhookDeliveries, scope, eq(webhookDeliveries.id, deliveryId)), eq(webhookDeliveries.endpointId, endpointId), eq(webhookDeliveries.status, "failed")))
    .returning({ id: webhookDeliveries.id });
  return rows.length > 0;
}
