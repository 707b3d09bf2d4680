import { recordAudit } from "../../platform/audit.js";
import type { AppDeps } from "../../platform/deps.js";
import type { Actor } from "../../platform/http/actor.js";
import { sweepContacts } from "./sweep-contacts.js";
import { sweepOptionsFor } from "./sweep-options.js";

/**
 * Vendor staff run today's sweep without waiting for the scheduled time (e.g. after an outage).
 * Only today: moving the lifecycle to another day is an operator's decision, made with the CLI's
 * --as-of at the console. The sweep itself keeps every notice to one, so this is always safe.
 */
export async function runSweepNow(deps: AppDeps, actor: Actor) {
  const result = await sweepContacts(deps.database, sweepOptionsFor(deps.config, deps.clock.now()));
  await recordAudit(deps.database.db, {
    districtId: null,
    actor: { id: actor.userId, name: actor.username },
    action: "lifecycle.sweep-run",
    after: { asOf: result.asOf, stages: result.stages.map((s) => ({ stage: s.stage, count: s.count })) },
  });
  return result;
}
