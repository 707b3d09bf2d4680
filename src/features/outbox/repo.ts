import type { Database } from "../../platform/db/connect.js";
import type { OutboxItem, OutboxQuery } from "./schema.js";

/**
 * The outbox across all districts: only vendor staff read it (routes.ts). Messages that belong
 * to no district (vendor notifications) have district null.
 */
const ITEM_COLUMNS = `o.id, o.created_at as "createdAt", d.name as district, o.kind, o.to_address as "to", o.subject, o.status,
  o.attempts, o.next_attempt_at as "nextAttemptAt", o.last_error as "lastError", o.sent_at as "sentAt"`;

const MATCHES = `($1 = 'all' or o.status = $1)
  and ($2 = '' or o.to_address ilike '%' || $2 || '%' or o.subject ilike '%' || $2 || '%' or d.name ilike '%' || $2 || '%')`;

const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

export async function listOutbox(database: Database, q: OutboxQuery): Promise<{ items: OutboxItem[]; total: number }> {
  const params = [q.status, escapeLike(q.search)];
  const items = await database.query<OutboxItem>(
    `select ${ITEM_COLUMNS} from outbox o left join districts d on d.id = o.district_id
     where ${MATCHES}
     order by o.created_at desc, o.id
     limit $3 offset $4`,
    [...params, q.pageSize, (q.page - 1) * q.pageSize],
  );
  const [count] = await database.query<{ n: number }>(`select count(*)::int as n from outbox o left join districts d on d.id = o.district_id where ${MATCHES}`, params);
  return { items, total: count!.n };
}

export async function countOutboxByStatus(database: Database): Promise<Record<"pending" | "sending" | "sent" | "failed", number>> {
  const rows = await database.query<{ status: "pending" | "sending" | "sent" | "failed"; n: number }>("select status, count(*)::int as n from outbox group by status");
  const counts = { pending: 0, sending: 0, sent: 0, failed: 0 };
  for (const r of rows) counts[r.status] = r.n;
  return counts;
}

export async function findOutboxMessage(database: Database, id: string) {
  const [row] = await database.query<OutboxItem & { text: string; html: string; districtId: string | null }>(
    `select ${ITEM_COLUMNS}, o.text_body as text, o.html_body as html, o.district_id as "districtId"
     from outbox o left join districts d on d.id = o.district_id where o.id = $1`,
    [id],
  );
  return row ?? null;
}

/** Failed → pending with a fresh set of attempts; only a failed message can be retried. */
export async function requeueFailed(database: Database, id: string, now: Date): Promise<boolean> {
  const rows = await database.query(
    `update outbox set status = 'pending', attempts = 0, next_attempt_at = $2::timestamptz, locked_until = null
     where id = $1 and status = 'failed' returning id`,
    [id, now.toISOString()],
  );
  return rows.length > 0;
}
