import type { Database } from "../db/connect.js";
import type { Logger } from "../jobs/delivery-loop.js";
import { createAuditSender } from "./audit-sender.js";
import { formatEntry, type AuditRow, type ForwardFormat } from "./format-entry.js";

const BATCH = 500;

/**
 * Sends each audit row written after the server started to AUDIT_SYSLOG_URL, in id order, at
 * least once while the server runs: a batch that fails to send is tried again on the next tick.
 * (Rows written while no forwarding server ran are in `gatehouse audit export`.)
 */
export async function startAuditForwarding(input: { database: Database; url: string; format: ForwardFormat; log: Logger; intervalMs?: number }) {
  const sender = createAuditSender(input.url, input.format);
  const [start] = await input.database.query<{ id: string | null }>("select max(id)::text as id from audit_log");
  let cursor = Number(start?.id ?? 0);
  let stopped = false;
  let timer: NodeJS.Timeout | null = null;
  let running: Promise<void> = Promise.resolve();

  const tick = async () => {
    try {
      for (;;) {
        const rows = await input.database.query<AuditRow>(
          `select a.id::int as id, to_char(a.at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') as at, d.slug as district, a.actor_id, a.actor_name, a.action,
                  a.target_type, a.target_id, a.target_name, a.before, a.after, a.request_id, a.ip
           from audit_log a left join districts d on d.id = a.district_id where a.id > $1 order by a.id limit ${BATCH}`,
          [cursor],
        );
        if (rows.length === 0) return;
        await sender.send(rows.map((r) => formatEntry(r, input.format)));
        cursor = Number(rows.at(-1)!.id);
        if (rows.length < BATCH || stopped) return;
      }
    } catch (error) {
      input.log.error({ err: error }, "audit forwarding failed; will try again");
    }
  };
  const schedule = () => {
    if (!stopped) timer = setTimeout(() => (running = tick().then(schedule)), input.intervalMs ?? 1_000);
  };
  schedule();
  return {
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      await running;
      await tick(); // what was written up to the stop still goes out
      await sender.close();
    },
  };
}
