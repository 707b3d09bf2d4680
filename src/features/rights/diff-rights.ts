import { userLevels, type CompiledDistrict } from "../../domain/rights/compile-district.js";
import { rightsFromLevel, type Rights } from "../../domain/rights/rights.js";

export type UserRightsChange = { userId: string; username: string; changes: { toolPath: string; before: Rights; after: Rights }[] };

/**
 * Who gains and who loses what between two compiled forms of a district, per user. A change
 * is listed on the highest tool where it starts: descendants that change the same way are
 * folded into it, so a module granted RWAD is one line, not one per tool below it.
 */
export function diffCompiled(before: CompiledDistrict, after: CompiledDistrict, userIds: Iterable<string>): { gains: UserRightsChange[]; losses: UserRightsChange[] } {
  const nodes = before.catalog.nodes;
  const usernames = new Map(after.model.users.map((u) => [u.id, u.username]));
  for (const u of before.model.users) if (!usernames.has(u.id)) usernames.set(u.id, u.username);
  const gains: UserRightsChange[] = [];
  const losses: UserRightsChange[] = [];
  for (const userId of new Set(userIds)) {
    const b = levelsOf(before, userId);
    const a = levelsOf(after, userId);
    const up: UserRightsChange["changes"] = [];
    const down: UserRightsChange["changes"] = [];
    for (let i = 0; i < nodes.length; i++) {
      if (a[i] === b[i]) continue;
      const p = nodes[i]!.parentIndex;
      if (p !== null && b[p] === b[i] && a[p] === a[i]) continue; // same change as the parent: folded
      (a[i]! > b[i]! ? up : down).push({ toolPath: nodes[i]!.path, before: rightsFromLevel(b[i]!), after: rightsFromLevel(a[i]!) });
    }
    const username = usernames.get(userId) ?? userId;
    if (up.length > 0) gains.push({ userId, username, changes: up });
    if (down.length > 0) losses.push({ userId, username, changes: down });
  }
  return { gains, losses };
}

function levelsOf(compiled: CompiledDistrict, userId: string): Uint8Array {
  const idx = compiled.userIndex.get(userId);
  return idx === undefined ? new Uint8Array(compiled.catalog.nodes.length) : userLevels(compiled, idx);
}
