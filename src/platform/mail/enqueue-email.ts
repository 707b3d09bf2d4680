import type { Db } from "../db/connect.js";
import { outbox } from "../db/schema/outbox.js";

export type OutgoingEmail = {
  districtId: string | null;
  /** Same key, same message: a second enqueue with it is ignored (exactly-once notices). */
  dedupeKey?: string;
  kind: string;
  to: string;
  subject: string;
  text: string;
  html: string;
};

/**
 * Puts an email in the transactional outbox. Call it with the transaction that makes the change
 * the email is about, so both commit or neither does. Returns false when dedupeKey was seen before.
 */
export async function enqueueEmail(db: Db, email: OutgoingEmail): Promise<boolean> {
  const inserted = await db
    .insert(outbox)
    .values({
      districtId: email.districtId,
      dedupeKey: email.dedupeKey ?? null,
      kind: email.kind,
      toAddress: email.to,
      subject: email.subject,
      textBody: email.text,
      htmlBody: email.html,
    })
    .onConflictDoNothing({ target: outbox.dedupeKey })
    .returning({ id: outbox.id });
  return inserted.length > 0;
}
