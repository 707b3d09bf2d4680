/**
 * The reviews' data: the engine's district model as the rights feature loads it (so reviews see
 * exactly what enforcement sees), plus the names and member limits the engine does not carry.
 */
import { eq } from "drizzle-orm";
import type { DistrictModel } from "../../domain/rights/model.js";
import type { Db } from "../../platform/db/connect.js";
import { userGroups } from "../../platform/db/schema/rights.js";
import { users } from "../../platform/db/schema/users.js";
import { inDistrict, type DistrictScope } from "../../platform/db/tenancy.js";
import { loadDistrictModel } from "../rights/repo-model.js";
import { readMasterSchedulingEnds } from "../rights/rights-version.js";
import type { ReviewGroup, ReviewUser } from "./review-source.js";

export type DistrictSnapshot = { model: DistrictModel; groups: ReviewGroup[]; users: ReviewUser[]; masterSchedulingEnd: Date | null };

/** Read in one transaction so every part of a report describes the same moment. */
export async function loadDistrictSnapshot(db: Db, scope: DistrictScope): Promise<DistrictSnapshot> {
  return db.transaction(async (tx) => {
    const model = await loadDistrictModel(tx, scope);
    const groups = await tx
      .select({ id: userGroups.id, name: userGroups.name, memberLimit: userGroups.memberLimit })
      .from(userGroups)
      .where(inDistrict(userGroups, scope));
    const people = await tx
      .select({ id: users.id, username: users.username, displayName: users.displayName })
      .from(users)
      .where(inDistrict(users as never, scope, eq(users.kind, "district")));
    return { model, groups, users: people, masterSchedulingEnd: await readMasterSchedulingEnds(tx, scope) };
  });
}
