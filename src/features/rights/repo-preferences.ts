import { eq, sql } from "drizzle-orm";
import type { Db } from "../../platform/db/connect.js";
import { districts } from "../../platform/db/schema/districts.js";
import type { DistrictScope } from "../../platform/db/tenancy.js";
import { readMasterSchedulingEnds } from "./rights-version.js";

export type RightsPreferences = { automaticStaffAccounts: boolean; masterSchedulingEnds: Date | null; version: number };

/** Account Security Preferences live on the district row; the scheduling period end with the rights state. */
export async function readPreferences(db: Db, scope: DistrictScope): Promise<RightsPreferences> {
  const [row] = await db.select({ preferences: districts.preferences, version: districts.version }).from(districts).where(eq(districts.id, scope.districtId)).limit(1);
  return {
    automaticStaffAccounts: row?.preferences.automaticStaffAccounts === true,
    masterSchedulingEnds: await readMasterSchedulingEnds(db, scope),
    version: row?.version ?? 1,
  };
}

/** Row-locked read for a transaction that will change the preferences. */
export async function lockDistrictPreferences(tx: Db, scope: DistrictScope) {
  const [row] = await tx.select().from(districts).where(eq(districts.id, scope.districtId)).limit(1).for("update");
  return row!;
}

export async function writeAutomaticStaffAccounts(tx: Db, scope: DistrictScope, on: boolean): Promise<void> {
  await tx
    .update(districts)
    .set({ preferences: sql`${districts.preferences} || ${JSON.stringify({ automaticStaffAccounts: on })}::jsonb`, version: sql`${districts.version} + 1` })
    .where(eq(districts.id, scope.districtId));
}
