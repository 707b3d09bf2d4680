import { eq, sql } from "drizzle-orm";
import { recordAudit } from "../../platform/audit.js";
import type { Db } from "../../platform/db/connect.js";
import { districts } from "../../platform/db/schema/districts.js";
import type { DistrictScope } from "../../platform/db/tenancy.js";
import type { DistrictActor } from "../../platform/http/actor.js";
import { auditActor } from "../rights/guards.js";

/** Days before the automatic disabling that the person is warned by email (counted from the notice sent). */
export const DORMANT_NOTICE_DAYS = 14;

export async function readDormantPolicy(db: Db, scope: DistrictScope) {
  const [row] = await db.select({ preferences: districts.preferences }).from(districts).where(eq(districts.id, scope.districtId)).limit(1);
  return { disableAfterDays: row?.preferences.dormantDisableDays ?? null, noticeDays: DORMANT_NOTICE_DAYS };
}

/** Turns the automatic disabling of dormant accounts on (after N days without sign-in) or off (null). */
export async function setDormantPolicy(db: Db, actor: DistrictActor, disableAfterDays: number | null) {
  return db.transaction(async (tx) => {
    const before = await readDormantPolicy(tx, actor);
    await tx
      .update(districts)
      .set({ preferences: sql`${districts.preferences} || ${JSON.stringify({ dormantDisableDays: disableAfterDays })}::jsonb`, version: sql`${districts.version} + 1` })
      .where(eq(districts.id, actor.districtId));
    await recordAudit(tx, { districtId: actor.districtId, actor: auditActor(actor), action: "preferences.dormant-accounts", target: { type: "district", id: actor.districtId }, before: { disableAfterDays: before.disableAfterDays }, after: { disableAfterDays } });
    return readDormantPolicy(tx, actor);
  });
}
