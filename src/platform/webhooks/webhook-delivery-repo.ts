import type { Database } from "../db/connect.js";

export type ClaimedWebhook = { id: string; messageId: string; payload: unknown; attempts: number; url: string; secret: string; endpointId: string };

/**
 * Reserves up to `limit` due messages: pending ones whose time has come, and ones whose sender's
 * lease ran out (it died mid-send). SKIP LOCKED lets every server deliver side by side. A
 * message of a disabled or deleted endpoint is not claimed.
 */
export async function claimDueWebhooks(database: Database, now: Date, leaseMs: number, maxAttempts: number, limit: number): Promise<ClaimedWebhook[]> {
  return database.query<ClaimedWebhook>(
    `with claimed as (
       update webhook_deliveries w set status = 'sending', attempts = w.attempts + 1,
              locked_until = $1::timestamptz + make_interval(secs => $2::double precision / 1000)
       where w.id in (
         select d.id from webhook_deliveries d join webhook_endpoints e on e.id = d.endpoint_id and e.enabled
         where (d.status = 'pending' and d.next_attempt_at <= $1::timestamptz)
            or (d.status = 'sending' and d.locked_until < $1::timestamptz and d.attempts < $3)
         order by d.next_attempt_at
         limit $4
         for update of d skip locked)
       returning w.id, w.message_id, w.payload, w.attempts, w.endpoint_id)
     select c.id, c.message_id as "messageId", c.payload, c.attempts, c.endpoint_id as "endpointId", e.url, e.secret
     from claimed c join webhook_endpoints e on e.id = c.endpoint_id`,
    [now.toISOString(), leaseMs, maxAttempts, limit],
  );
}

/** A message whose sender died mid-send `maxAttempts` times fails visibly instead of looping. */
export async function failAbandonedWebhooks(database: Database, now: Date, maxAttempts: number): Promise<number> {
  const rows = await database.query(
    `update webhook_deliveries set status = 'failed', locked_until = null,
       last_error = 'Delivery was interrupted ' || attempts || ' times before the receiver answered; not retried automatically.'
     where status = 'sending' and locked_until < $1::timestamptz and attempts >= $2
     returning id`,
    [now.toISOString(), maxAttempts],
  );
  return rows.length;
}

/** Only the sender holding this claim (same attempt number) may settle it. */
export async function markWebhookDelivered(database: Database, id: string, attempts: number, statusCode: number, now: Date): Promise<void> {
  await database.query(
    `update webhook_deliveries set status = 'delivered', delivered_at = $3::timestamptz, locked_until = null, last_error = null, last_status_code = $4
     where id = $1 and status = 'sending' and attempts = $2`,
    [id, attempts, now.toISOString(), statusCode],
  );
}

export async function markWebhookAttemptFailed(
  database: Database,
  id: string,
  attempts: number,
  outcome: { status: "pending" | "failed"; retryAt: Date; error: string; statusCode: number | null },
): Promise<void> {
  await database.query(
    `update webhook_deliveries set status = $3, next_attempt_at = $4::timestamptz, locked_until = null, last_error = $5, last_status_code = $6
     where id = $1 and status = 'sending' and attempts = $2`,
    [id, attempts, outcome.status, outcome.retryAt.toISOString(), outcome.error, outcome.statusCode],
  );
}

/** 410 Gone: the receiver says the endpoint no longer exists (Standard Webhooks); stop sending to it. */
export async function disableGoneEndpoint(database: Database, endpointId: string): Promise<void> {
  await database.query(`update webhook_endpoints set enabled = false where id = $1`, [endpointId]);
}
