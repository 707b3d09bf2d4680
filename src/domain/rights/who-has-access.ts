/**
 * Review report: who holds at least a given right on a tool, and through which grants.
 */
import { requireNode, type Catalog } from "./catalog.js";
import { checkRight, isWithinWindow } from "./check-right.js";
import type { CompiledDistrict } from "./compile-district.js";
import { explainRight, type RightExplanation } from "./explain-right.js";
import type { CalendarRef, DistrictModel } from "./model.js";
import { levelOfLetter, levelOfRights, type RightLetter, type Rights } from "./rights.js";

export type AccessVia =
  | { kind: "group"; groupId: string; groupName: string; entryPath: string; rights: Rights }
  | { kind: "user"; entryPath: string; rights: Rights }
  | { kind: "role"; role: "student-information-system" };

export interface AccessHolder {
  userId: string;
  username: string;
  rights: Rights;
  via: AccessVia[];
}

function isCompiled(x: CompiledDistrict | DistrictModel): x is CompiledDistrict {
  return "levels" in x;
}

function minLevel(minRight: RightLetter | Rights): number {
  return minRight.length === 1 ? levelOfLetter(minRight as RightLetter) : levelOfRights(minRight as Rights);
}

function viaOf(expl: RightExplanation, min: number): AccessVia[] {
  if (expl.roleOverride) return [{ kind: "role", role: "student-information-system" }];
  const out: AccessVia[] = [];
  for (const g of expl.grantees) {
    if (!g.applied || levelOfRights(g.rights) < min) continue;
    out.push(
      g.grantee.kind === "group"
        ? { kind: "group", groupId: g.grantee.groupId, groupName: g.grantee.groupName, entryPath: g.applied.entryPath, rights: g.rights }
        : { kind: "user", entryPath: g.applied.entryPath, rights: g.rights },
    );
  }
  return out;
}

/**
 * Users with at least `minRight` (a letter, or a rights value such as "RW") on the tool,
 * optionally in a calendar. Uses the compiled arrays when given and asOf is inside their
 * window; otherwise evaluates each user directly.
 */
export function whoHasAccess(
  catalog: Catalog,
  source: CompiledDistrict | DistrictModel,
  toolPath: string,
  minRight: RightLetter | Rights,
  opts: { calendar?: CalendarRef; asOf?: Date } = {},
): AccessHolder[] {
  const node = requireNode(catalog, toolPath);
  const min = Math.max(1, minLevel(minRight));
  const out: AccessHolder[] = [];
  const compiled = isCompiled(source) && (!opts.asOf || isWithinWindow(source, opts.asOf)) ? source : null;
  const model = isCompiled(source) ? source.model : source;
  const asOf = opts.asOf ?? (isCompiled(source) ? source.asOf : new Date());
  const evalOpts = { asOf, ...(opts.calendar ? { calendar: opts.calendar } : {}) };

  if (compiled) {
    for (let idx = 0; idx < compiled.userIds.length; idx++) {
      const userId = compiled.userIds[idx]!;
      if (!compiled.userIndex.has(userId)) continue; // removed user
      if (checkRight(compiled, idx, node.index, opts.calendar) < min) continue;
      const expl = explainRight(catalog, model, userId, node.path, evalOpts);
      out.push({ userId, username: expl.username, rights: expl.rights, via: viaOf(expl, min) });
    }
    return out;
  }
  for (const u of model.users) {
    const expl = explainRight(catalog, model, u.id, node.path, evalOpts);
    if (levelOfRights(expl.rights) < min) continue;
    out.push({ userId: u.id, username: u.username, rights: expl.rights, via: viaOf(expl, min) });
  }
  return out;
}
