import { currentAuditContext } from "./audit-context.js";
import type { Db } from "./db/connect.js";
import { auditLog } from "./db/schema/audit.js";
import { categoryOfAction } from "../domain/webhooks/event-categories.js";
import { enqueueWebhooks } from "./webhooks/enqueue-webhooks.js";

export type AuditEntry = {
  districtId: string | null;
  actor: { id: string; name: string } | null;
  action: string;
  target?: { type: string; id: string; name?: string };
  before?: unknown;
  after?: unknown;
  requestId?: string;
  ip?: string;
};

/**
 * Appends one audit row; pass the transaction so the record commits with the change itself.
 * Inside a request, the row carries the server's request id and the client's address.
 * A change that webhooks carry (rights, contacts, cases) also queues its webhook messages here.
 */
export async function recordAudit(db: Db, entry: AuditEntry): Promise<void> {
  const context = currentAuditContext();
  const requestId = entry.requestId ?? context?.requestId ?? null;
  const [row] = await db
    .insert(auditLog)
    .values({
      districtId: entry.districtId,
      actorId: entry.actor?.id ?? null,
      actorName: entry.actor?.name ?? null,
      action: entry.action,
      targetType: entry.target?.type ?? null,
      targetId: entry.target?.id ?? null,
      targetName: entry.target?.name ?? null,
      before: entry.before ?? null,
      after: entry.after ?? null,
      requestId,
      ip: entry.ip ?? context?.ip ?? null,
    })
    .returning({ id: auditLog.id, at: auditLog.at });
  const category = categoryOfAction(entry.action);
  if (category && entry.districtId) await enqueueWebhooks(db, { ...entry, districtId: entry.districtId }, { id: row!.id, at: row!.at, requestId, category });
}
