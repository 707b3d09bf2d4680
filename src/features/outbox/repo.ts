import { and, eq, ilike, or, sql } from "drizzle-orm";
import type { Database } from "../../platform/db/connect.js";
import { districts } from "../../platform/db/schema/districts.js";
import { outbox } from "../../platform/db/schema/outbox.js";
import { OUTBOX_BODIES, OUTBOX_TEMPLATE_JOIN } from "../../platform/mail/outbox-bodies.js";
import { countAll, keyset, toPage, type Page, type SortKey } from "../../platform/http/paging.js";
import { escapeLike } from "../contacts/repo.js";
import type { OUTBOX_SORTS, OutboxItem, OutboxQuery } from "./schema.js";

/**
 * The outbox across all districts: only vendor staff read it (routes.ts). Messages that belong
 * to no district (vendor notifications) have district null.
 */
const ITEM_COLUMNS = `o.id, o.created_at as "createdAt", d.name as district, o.kind, o.to_address as "to", o.subject, o.status,
  o.attempts, o.next_attempt_at as "nextAttemptAt", o.last_error as "lastError", o.sent_at as "sentAt"`;

const outboxSortKeys: Record<(typeof OUTBOX_SORTS)[number], SortKey> = {
  created: { expr: outbox.createdAt, type: "timestamptz" },
  district: { expr: sql`lower(${districts.name})`, type: "text" },
  to: { expr: sql`lower(${outbox.toAddress})`, type: "text" },
  subject: { expr: sql`lower(${outbox.subject})`, type: "text" },
  status: { expr: outbox.status, type: "text" },
};

/** One page of the outbox matching the status and search, with the total that matches. */
export async function pageOutbox(database: Database, q: OutboxQuery): Promise<Page<OutboxItem>> {
  const db = database.db;
  const pattern = `%${escapeLike(q.search)}%`;
  const where = and(
    q.status === "all" ? undefined : eq(outbox.status, q.status),
    q.search ? or(ilike(outbox.toAddress, pattern), ilike(outbox.subject, pattern), ilike(districts.name, pattern)) : undefined,
  );
  const page = keyset(q, outboxSortKeys, { column: outbox.id, type: "uuid" });
  const rows = await db
    .select({
      id: outbox.id,
      createdAt: outbox.createdAt,
      district: districts.name,
      kind: outbox.kind,
      to: outbox.toAddress,
      subject: outbox.subject,
      status: outbox.status,
      attempts: outbox.attempts,
      nextAttemptAt: outbox.nextAttemptAt,
      lastError: outbox.lastError,
      sentAt: outbox.sentAt,
      pageKey: page.key,
    })
    .from(outbox)
    .leftJoin(districts, eq(districts.id, outbox.districtId))
    .where(and(where, page.after))
    .orderBy(...page.orderBy)
    .limit(page.limit);
  const [counted] = await db.select({ n: countAll }).from(outbox).leftJoin(districts, eq(districts.id, outbox.districtId)).where(where);
  return toPage(rows, q, counted?.n ?? 0);
}

export async function countOutboxByStatus(database: Database): Promise<Record<"pending" | "sending" | "sent" | "failed", number>> {
  const rows = await database.query<{ status: "pending" | "sending" | "sent" | "failed"; n: number }>("select status, count(*)::int as n from outbox group by status");
  const counts = { pending: 0, sending: 0, sent: 0, failed: 0 };
  for (const r of rows) counts[r.status] = r.n;
  return counts;
}

export async function findOutboxMessage(database: Database, id: string) {
  const [row] = await database.query<OutboxItem & { text: string; html: string; districtId: string | null }>(
    `select ${ITEM_COLUMNS}, ${OUTBOX_BODIES}, o.district_id as "districtId"
     from outbox o left join districts d on d.id = o.district_id ${OUTBOX_TEMPLATE_JOIN} where o.id = $1`,
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
