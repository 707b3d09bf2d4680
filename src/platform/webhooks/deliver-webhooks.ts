import type { Database } from "../db/connect.js";
import { afterFailure, DEFAULT_DELIVERY_POLICY, type DeliveryPolicy } from "../mail/delivery-policy.js";
import { claimDueWebhooks, disableGoneEndpoint, failAbandonedWebhooks, markWebhookAttemptFailed, markWebhookDelivered } from "./webhook-delivery-repo.js";
import type { WebhookSender } from "./webhook-sender.js";

export type WebhookDeliveryReport = { claimed: number; delivered: number; retrying: number; failed: number };

/** Retries as the mail outbox does (1 min, doubling, up to 6 h, 8 attempts); a lease longer than a send's timeout. */
export const WEBHOOK_DELIVERY_POLICY: DeliveryPolicy = { ...DEFAULT_DELIVERY_POLICY, leaseMs: 60_000 };

/**
 * Sends one batch of due webhook messages, at least once: a message is marked delivered right
 * after the receiver's 2xx; a sender that dies in between leaves it to be sent again after its
 * lease, with the same webhook-id. Any other answer is retried with backoff; 410 Gone disables
 * the endpoint.
 */
export async function deliverWebhooks(
  database: Database,
  send: WebhookSender,
  options: { now: () => Date; policy?: DeliveryPolicy; batchSize?: number },
): Promise<WebhookDeliveryReport> {
  const policy = options.policy ?? WEBHOOK_DELIVERY_POLICY;
  const report: WebhookDeliveryReport = { claimed: 0, delivered: 0, retrying: 0, failed: 0 };
  report.failed += await failAbandonedWebhooks(database, options.now(), policy.maxAttempts);
  const claimed = await claimDueWebhooks(database, options.now(), policy.leaseMs, policy.maxAttempts, options.batchSize ?? 50);
  report.claimed = claimed.length;
  for (const message of claimed) {
    const result = await send(message, options.now());
    if (result.ok) {
      await markWebhookDelivered(database, message.id, message.attempts, result.statusCode, options.now());
      report.delivered += 1;
      continue;
    }
    if (result.gone) await disableGoneEndpoint(database, message.endpointId);
    const next = afterFailure({ permanent: result.gone, message: result.error }, message.attempts, policy);
    await markWebhookAttemptFailed(database, message.id, message.attempts, {
      status: next.status,
      retryAt: new Date(options.now().getTime() + next.retryInMs),
      error: result.error,
      statusCode: result.statusCode,
    });
    if (next.status === "failed") report.failed += 1;
    else report.retrying += 1;
  }
  return report;
}
