import { sql, type SQL } from "drizzle-orm";
import type { Db } from "../../src/platform/db/connect.js";
import { OUTBOX_BODIES, OUTBOX_TEMPLATE_JOIN } from "../../src/platform/mail/outbox-bodies.js";

export type OutboxMail = { kind: string; toAddress: string; subject: string; textBody: string; htmlBody: string };

/** The outbox messages matching `where` (on the outbox row `o`), oldest first, with their bodies as delivery reads them. */
export async function outboxMail(db: Db, where: SQL): Promise<OutboxMail[]> {
  const result = await db.execute(sql`
    select o.kind, o.to_address, o.subject, ${sql.raw(OUTBOX_BODIES)}
    from outbox o ${sql.raw(OUTBOX_TEMPLATE_JOIN)}
    where ${where} order by o.created_at, o.id`);
  const rows = (result as unknown as { rows: { kind: string; to_address: string; subject: string; text: string; html: string }[] }).rows;
  return rows.map((r) => ({ kind: r.kind, toAddress: r.to_address, subject: r.subject, textBody: r.text, htmlBody: r.html }));
}
