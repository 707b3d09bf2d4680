import { recordAudit } from "../../platform/audit.js";
import type { Db } from "../../platform/db/connect.js";
import type { Actor } from "../../platform/http/actor.js";

/**
 * The audit row of a change to a case, beside its timeline event. Comment texts stay on the
 * timeline, whose rules keep internal notes from the district: the audit log (which district
 * auditors read) says only that one was added, and nothing of an internal note (districtId
 * null: a vendor-side row).
 */
export async function auditCaseChange(
  tx: Db,
  actor: Pick<Actor, "userId" | "username">,
  c: { id: string; districtId: string | null; number: number; subject: string },
  action: string,
  change: { before?: unknown; after?: unknown },
): Promise<void> {
  await recordAudit(tx, { districtId: c.districtId, actor: { id: actor.userId, name: actor.username }, action, target: { type: "case", id: c.id, name: `#${c.number} ${c.subject}` }, ...change });
}
