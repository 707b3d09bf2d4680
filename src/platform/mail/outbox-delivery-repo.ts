import type { Database } from "../db/connect.js";
import { OUTBOX_BODIES, OUTBOX_TEMPLATE_JOIN } from "./outbox-bodies.js";

export type ClaimedMessage = { id: string; to: string; subject: string; text: string; html: string; attempts: number };

/**
 * Reserves up to `limit` due messages for this sender: pending ones whose time has come, and
 * ones whose sender's lease ran out (it crashed or stopped mid-send). SKIP LOCKED lets several
 * senders claim side by side without waiting for, or taking, each other's messages.
 */
export async function claimDueMessages(database: Database, now: Date, leaseMs: number, maxAttempts: number, limit: number): Promise<ClaimedMessage[]> {
  return database.query<ClaimedMessage>(
    `with claimed as (
       update outbox o set status = 'sending', attempts = o.attempts + 1, locked_until = $1::timestamptz + make_interval(secs => $2::double precision / 1000)
       where o.id in (
         select id from outbox
         where (status = 'pending' and next_attempt_at <= $1::timestamptz)
            or (status = 'sending' and locked_until < $1::timestamptz and attempts < $3)
         order by next_attempt_at
         limit $4
         for update skip locked)
       returning o.*)
     select o.id, o.to_address as "to", o.subject, ${OUTBOX_BODIES}, o.attempts
     from claimed o ${OUTBOX_TEMPLATE_JOIN}
     order by o.next_attempt_at`,
    [now.toISOString(), leaseMs, maxAttempts, limit],
  );
}

/**
 * A message whose sender died mid-send `maxAttempts` times is not sent again: each such attempt
 * may have reached the receiver, so it fails visibly for vendor staff instead of looping.
 */
export async function failAbandonedMessages(database: Database, now: Date, maxAttempts: number): Promise<number> {
  const rows = await database.query(
    `update outbox set status = 'failed', locked_until = null,
       last_error = 'Delivery was interrupted ' || attempts || ' times before the server confirmed it; not retried automatically.'
     where status = 'sending' and locked_until < $1::timestamptz and attempts >= $2
     returning id`,
    [now.toISOString(), maxAttempts],
  );
  return rows.length;
}

/** Only the sender holding this claim (same attempt number) may settle it. */
export async function markSent(database: Database, id: string, attempts: number, now: Date): Promise<void> {
  await database.query(
    `update outbox set status = 'sent', sent_at = $3::timestamptz, locked_until = null, last_error = null
     where id = $1 and status = 'sending' and attempts = $2`,
    [id, attempts, now.toISOString()],
  );
}

export async function markAttemptFailed(
  database: Database,
  id: string,
  attempts: number,
  outcome: { status: "pending" | "failed"; retryAt: Date; error: string },
): Promise<void> {
  await database.query(
    `update outbox set status = $3, next_attempt_at = $4::timestamptz, locked_until = null, last_error = $5
     where id = $1 and status = 'sending' and attempts = $2`,
    [id, attempts, outcome.status, outcome.retryAt.toISOString(), outcome.error],
  );
}
