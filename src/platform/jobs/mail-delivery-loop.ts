import type { Clock } from "../clock.js";
import type { Database } from "../db/connect.js";
import { deliverOutbox } from "../mail/deliver-outbox.js";
import type { MailSender } from "../mail/smtp-sender.js";
import { startDeliveryLoop, type Logger } from "./delivery-loop.js";


/** Polls the mail outbox and sends what is due (a pg-boss cron job would fire at most once a minute). */
export function startMailDelivery(input: { database: Database; sender: MailSender; clock: Clock; log: Logger; intervalMs?: number }) {
  return startDeliveryLoop({
    name: "outbox delivery",
    deliverBatch: () => deliverOutbox(input.database, input.sender, { now: () => input.clock.now() }),
    log: input.log,
    intervalMs: input.intervalMs ?? 5_000,
    onStop: () => input.sender.close(),
  });
}
