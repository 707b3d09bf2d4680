import type { Clock } from "../clock.js";
import type { Database } from "../db/connect.js";
import { deliverWebhooks } from "../webhooks/deliver-webhooks.js";
import type { WebhookSender } from "../webhooks/webhook-sender.js";
import { startDeliveryLoop, type Logger } from "./delivery-loop.js";

/** Polls the webhook outbox and sends what is due; every server runs one. */
export function startWebhookDelivery(input: { database: Database; send: WebhookSender; clock: Clock; log: Logger; intervalMs?: number }) {
  return startDeliveryLoop({
    name: "webhook delivery",
    deliverBatch: () => deliverWebhooks(input.database, input.send, { now: () => input.clock.now() }),
    log: input.log,
    intervalMs: input.intervalMs ?? 2_000,
  });
}
