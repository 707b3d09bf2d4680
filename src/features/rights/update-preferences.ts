import { recordAudit } from "../../platform/audit.js";
import type { Db } from "../../platform/db/connect.js";
import type { DistrictActor } from "../../platform/http/actor.js";
import { AppError } from "../../platform/http/errors.js";
import { auditActor } from "./guards.js";
import { lockDistrictPreferences, readPreferences, writeAutomaticStaffAccounts } from "./repo-preferences.js";
import { bumpRightsVersion, saveMasterSchedulingEnds } from "./rights-version.js";

export type PreferencesChange = { automaticStaffAccounts?: boolean; masterSchedulingEnds?: Date | null; version: number };

/** Account Security Preferences, guarded by the district row's version. */
export async function updatePreferences(db: Db, actor: DistrictActor, input: PreferencesChange) {
  return db.transaction(async (tx) => {
    const district = await lockDistrictPreferences(tx, actor);
    const before = await readPreferences(tx, actor);
    if (district.version !== input.version) {
      throw new AppError(409, "version-conflict", "The preferences were changed by someone else after you opened them. Nothing was saved: review them and apply your change again.", {
        detail: { current: { ...before, masterSchedulingEnds: before.masterSchedulingEnds?.toISOString() ?? null } },
      });
    }
    await writeAutomaticStaffAccounts(tx, actor, input.automaticStaffAccounts ?? before.automaticStaffAccounts);
    if (input.masterSchedulingEnds !== undefined) await saveMasterSchedulingEnds(tx, actor, input.masterSchedulingEnds);
    const after = await readPreferences(tx, actor);
    await recordAudit(tx, {
      districtId: actor.districtId,
      actor: auditActor(actor),
      action: "preferences.updated",
      target: { type: "district", id: actor.districtId },
      before: { automaticStaffAccounts: before.automaticStaffAccounts, masterSchedulingEnds: before.masterSchedulingEnds },
      after: { automaticStaffAccounts: after.automaticStaffAccounts, masterSchedulingEnds: after.masterSchedulingEnds },
    });
    await bumpRightsVersion(tx, actor, {});
    return after;
  });
}
