import { recordAudit } from "../../platform/audit.js";
import type { AppDeps } from "../../platform/deps.js";
import type { Actor } from "../../platform/http/actor.js";
import { AppError, notFound } from "../../platform/http/errors.js";
import { findOutboxMessage, requeueFailed } from "./repo.js";
import { getOutboxMessage } from "./list-outbox.js";

/**
 * Vendor staff send a failed message again, e.g. after a mailbox was fixed. It starts over with
 * a full set of attempts; the Message-ID stays the same, so it is still recognisably one message.
 */
export async function retryMessage(deps: AppDeps, actor: Actor, id: string) {
  const before = await findOutboxMessage(deps.database, id);
  if (!before) throw notFound("The message");
  if (!(await requeueFailed(deps.database, id, deps.clock.now()))) {
    throw new AppError(409, "message-not-failed", `This message is ${before.status}; only a failed message can be sent again.`, { detail: { currentStatus: before.status } });
  }
  await recordAudit(deps.database.db, {
    districtId: before.districtId,
    actor: { id: actor.userId, name: actor.username },
    action: "outbox.message-retried",
    target: { type: "outbox-message", id, name: before.subject },
    before: { status: before.status, attempts: before.attempts, lastError: before.lastError },
    after: { status: "pending", attempts: 0 },
  });
  return getOutboxMessage(deps.database, id);
}
