import { redactFreeText } from "../../domain/redaction/redact.js";
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
 * Mail leaves Gatehouse for mailboxes whose readers' rights it cannot know: text quoted in it
 * (a case description, a reply) goes through the redaction step with no rights at all.
 */
export async function enqueueEmail(db: Db, email: OutgoingEmail): Promise<boolean> {
  const inserted = await db
    .insert(outbox)
    .values({
      districtId: email.districtId,
      dedupeKey: email.dedupeKey ?? null,
      kind: email.kind,
      toAddress: email.to,
      subject: redactFreeText(email.subject),
      textBody: redactFreeText(email.text),
      htmlBody: redactFreeText(email.html),
    })
    .onConflictDoNothing({ target: outbox.dedupeKey })
    .returning({ id: outbox.id });
  return inserted.length > 0;
}
