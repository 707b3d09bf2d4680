import type { Config } from "../../platform/config.js";
import type { Database } from "../../platform/db/connect.js";
import { messageIdFor } from "../../platform/mail/smtp-sender.js";
import { notFound } from "../../platform/http/errors.js";
import { countOutboxByStatus, findOutboxMessage, pageOutbox } from "./repo.js";
import type { OutboxQuery } from "./schema.js";

/** One page of the outbox, with totals per status and whether mail is being sent at all. */
export async function listOutboxPage(database: Database, config: Pick<Config, "smtpUrl">, query: OutboxQuery) {
  const [page, counts] = await Promise.all([pageOutbox(database, query), countOutboxByStatus(database)]);
  return { smtpConfigured: Boolean(config.smtpUrl), counts, ...page };
}

/** One message as it was (or would be) sent: both bodies and the Message-ID it carries. */
export async function getOutboxMessage(database: Database, id: string) {
  const message = await findOutboxMessage(database, id);
  if (!message) throw notFound("The message");
  const { districtId: _d, ...rest } = message;
  return { ...rest, messageId: messageIdFor(message.id) };
}
