import type { Clock } from "../clock.js";
import type { Database } from "../db/connect.js";
import { deliverOutbox, type DeliveryReport } from "../mail/deliver-outbox.js";
import type { MailSender } from "../mail/smtp-sender.js";

export type Logger = { info(obj: object, msg: string): void; error(obj: object, msg: string): void };

/**
 * Polls the outbox every `intervalMs` and sends what is due, batch after batch until nothing is.
 * Every server runs one: claims use FOR UPDATE SKIP LOCKED and a lease, so servers share the
 * work without a coordinator, and a message goes out seconds after it is written (a pg-boss
 * cron job fires at most once a minute). Stopping waits for the batch in flight.
 */
export function startMailDelivery(input: { database: Database; sender: MailSender; clock: Clock; log: Logger; intervalMs?: number }) {
  const intervalMs = input.intervalMs ?? 5_000;
  let stopped = false;
  let timer: NodeJS.Timeout | null = null;
  let running: Promise<void> = Promise.resolve();

  const tick = async () => {
    try {
      let report: DeliveryReport;
      do {
        report = await deliverOutbox(input.database, input.sender, { now: () => input.clock.now() });
        if (report.claimed || report.failed) input.log.info({ delivery: report }, "outbox delivery");
      } while (!stopped && report.claimed > 0);
    } catch (error) {
      input.log.error({ err: error }, "outbox delivery failed; will try again");
    }
  };
  const schedule = () => {
    if (stopped) return;
    timer = setTimeout(() => {
      running = tick().then(schedule);
    }, intervalMs);
  };
  running = tick().then(schedule);

  return {
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      await running;
      input.sender.close();
    },
  };
}
