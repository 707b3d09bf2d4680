import type { Database } from "../db/connect.js";
import { afterFailure, classifySendError, DEFAULT_DELIVERY_POLICY, type DeliveryPolicy } from "./delivery-policy.js";
import { claimDueMessages, failAbandonedMessages, markAttemptFailed, markSent } from "./outbox-delivery-repo.js";
import type { MailSender } from "./smtp-sender.js";
import { reportDeliveryRan } from "../metrics/events.js";

export type DeliveryReport = { claimed: number; sent: number; retrying: number; failed: number };

/**
 * Sends one batch of due outbox messages.
 *
 * Delivery is at-least-once, and the window for a duplicate is small and known: a message is
 * marked sent in its own statement right after the SMTP server accepts it. If the process dies
 * between that accept and the mark, the lease runs out and another sender sends it again — with
 * the same Message-ID, so mail systems that deduplicate drop the copy. Nothing is ever lost: a
 * message leaves "sending" only by being marked sent, failed, or reclaimed after its lease.
 */
export async function deliverOutbox(
  database: Database,
  sender: MailSender,
  options: { now: () => Date; policy?: DeliveryPolicy; batchSize?: number },
): Promise<DeliveryReport> {
  const policy = options.policy ?? DEFAULT_DELIVERY_POLICY;
  const report: DeliveryReport = { claimed: 0, sent: 0, retrying: 0, failed: 0 };
  report.failed += await failAbandonedMessages(database, options.now(), policy.maxAttempts);
  const claimed = await claimDueMessages(database, options.now(), policy.leaseMs, policy.maxAttempts, options.batchSize ?? 50);
  report.claimed = claimed.length;
  for (const message of claimed) {
    try {
      await sender.send(message);
    } catch (error) {
      const failure = classifySendError(error);
      const next = afterFailure(failure, message.attempts, policy);
      const now = options.now();
      await markAttemptFailed(database, message.id, message.attempts, { status: next.status, retryAt: new Date(now.getTime() + next.retryInMs), error: failure.message });
      if (next.status === "failed") report.failed += 1;
      else report.retrying += 1;
      continue;
    }
    await markSent(database, message.id, message.attempts, options.now());
    report.sent += 1;
  }
  reportDeliveryRan(report);
  return report;
}
