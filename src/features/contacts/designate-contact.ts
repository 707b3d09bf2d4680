import type { AppDeps } from "../../platform/deps.js";
import type { Actor } from "../../platform/http/actor.js";
import { notFound } from "../../platform/http/errors.js";
import { applyContactChange } from "./apply-contact-change.js";
import { findDistrict } from "./repo.js";
import type { Designation } from "./schema.js";

/** Vendor staff designate a district user as a support or technical contact (audited). */
export async function designateContact(deps: AppDeps, actor: Actor, districtId: string, input: Designation) {
  const { db } = deps.database;
  if (!(await findDistrict(db, districtId))) throw notFound("District");
  return db.transaction((tx) =>
    applyContactChange(tx, districtId, { action: "add", userId: input.userId, type: input.type }, {
      approver: { id: actor.userId, name: actor.username },
      approveOverAllowance: input.approveOverAllowance,
      confirmConsequences: input.confirmConsequences,
      now: deps.clock.now(),
      source: "vendor designation",
    }),
  );
}
