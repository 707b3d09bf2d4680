export type Logger = { info(obj: object, msg: string): void; error(obj: object, msg: string): void };

/**
 * Runs `deliverBatch` every `intervalMs`, batch after batch until nothing is due. Every server
 * runs one per outbox (mail, webhooks): claims use FOR UPDATE SKIP LOCKED and a lease, so servers
 * share the work without a coordinator, and a message goes out seconds after it is written.
 * Stopping waits for the batch in flight.
 */
export function startDeliveryLoop(input: {
  name: string;
  deliverBatch: () => Promise<{ claimed: number; failed: number }>;
  log: Logger;
  intervalMs: number;
  onStop?: () => void;
}) {
  let stopped = false;
  let timer: NodeJS.Timeout | null = null;
  let running: Promise<void> = Promise.resolve();

  const tick = async () => {
    try {
      let report: { claimed: number; failed: number };
      do {
        report = await input.deliverBatch();
        if (report.claimed || report.failed) input.log.info({ delivery: report }, input.name);
      } while (!stopped && report.claimed > 0);
    } catch (error) {
      input.log.error({ err: error }, `${input.name} failed; will try again`);
    }
  };
  const schedule = () => {
    if (stopped) return;
    timer = setTimeout(() => {
      running = tick().then(schedule);
    }, input.intervalMs);
  };
  running = tick().then(schedule);

  return {
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      await running;
      input.onStop?.();
    },
  };
}
