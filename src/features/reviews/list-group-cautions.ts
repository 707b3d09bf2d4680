import { getCatalog } from "../../domain/rights/catalog.js";
import { isActiveAt } from "../../domain/rights/model.js";
import type { Db } from "../../platform/db/connect.js";
import type { DistrictActor } from "../../platform/http/actor.js";
import { notFound } from "../../platform/http/errors.js";
import { buildSeedCautions, type SeedCaution } from "./build-seed-cautions.js";
import { loadDistrictSnapshot } from "./repo.js";

/**
 * The seed's cautions as the rights editor shows them for one group: findings about the group
 * itself, and about its members in force (a second Schedule Wizard holder, SSN without calendar rights).
 */
export async function listGroupCautions(db: Db, actor: DistrictActor, groupId: string, now: Date): Promise<SeedCaution[]> {
  const snapshot = await loadDistrictSnapshot(db, actor);
  if (!snapshot.model.groups.some((g) => g.id === groupId)) throw notFound("This group");
  const members = new Set(snapshot.model.users.filter((u) => u.memberships.some((m) => m.groupId === groupId && isActiveAt(m, now))).map((u) => u.id));
  return buildSeedCautions({ catalog: getCatalog(), ...snapshot, asOf: now }).filter((c) => c.groupIds.includes(groupId) || c.userIds.some((id) => members.has(id)));
}
