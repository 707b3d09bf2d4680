import { currentAuditContext } from "./audit-context.js";
import type { Db } from "./db/connect.js";
import { auditLog } from "./db/schema/audit.js";

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
 */
export async function recordAudit(db: Db, entry: AuditEntry): Promise<void> {
  const context = currentAuditContext();
  await db.insert(auditLog).values({
    districtId: entry.districtId,
    actorId: entry.actor?.id ?? null,
    actorName: entry.actor?.name ?? null,
    action: entry.action,
    targetType: entry.target?.type ?? null,
    targetId: entry.target?.id ?? null,
    targetName: entry.target?.name ?? null,
    before: entry.before ?? null,
    after: entry.after ?? null,
    requestId: entry.requestId ?? context?.requestId ?? null,
    ip: entry.ip ?? context?.ip ?? null,
  });
}
