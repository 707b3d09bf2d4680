import { getCatalog, type Catalog } from "../../../domain/rights/catalog.js";
import type { PolicyDocument } from "../../../domain/policy/policy-document.js";
import { policyToDistrictModel } from "../../../domain/policy/policy-to-model.js";
import { recordAudit } from "../../../platform/audit.js";
import type { Db } from "../../../platform/db/connect.js";
import { syncToolCatalog } from "../catalog-sync.js";
import { bumpRightsVersion } from "../rights-version.js";
import { applyCalendars, applyPreferences, applyProtected, applySupport, ensureDistrict, schoolYearDates, type Changes } from "./policy-district.js";
import { applyGroups, applyUsers } from "./policy-grantees.js";

export type ApplyResult = { districtId: string; changes: Changes };

const USERNAME = /^[A-Za-z0-9._@-]{2,64}$/;

/** Something the file format allows but this database cannot hold, at a place in the file. */
export type DatabaseProblem = { path: (string | number)[]; message: string };

/**
 * What the file format allows but this database cannot hold; checked before anything is
 * written, so a refused file changes nothing. (The file's own rules were checked by parsePolicy.)
 */
export function databaseProblems(policy: PolicyDocument): DatabaseProblem[] {
  const problems: DatabaseProblem[] = [];
  policy.calendars.forEach((c, i) => {
    if (!schoolYearDates(c.year)) problems.push({ path: ["calendars", i, "year"], message: `School years are named like "2025-26" (start year, then the next year's last two digits); got "${c.year}"` });
  });
  const named: { name: string; path: (string | number)[] }[] = [
    ...policy.users.map((u, i) => ({ name: u.username, path: ["users", i, "username"] })),
    ...(policy.support?.contacts ?? []).map((c, i) => ({ name: c.username, path: ["support", "contacts", i, "username"] })),
  ];
  const seen = new Set<string>();
  for (const { name, path } of named) {
    if (USERNAME.test(name) || seen.has(name)) continue;
    seen.add(name);
    const fixed = name.trim().replace(/[^A-Za-z0-9._@-]+/g, ".").replace(/^\.+|\.+$/g, "").slice(0, 64);
    const hint = USERNAME.test(fixed) ? `; did you mean "${fixed}"?` : "";
    problems.push({ path, message: `Username "${name}" cannot sign in: use 2 to 64 letters, digits, dots, dashes, underscores or @${hint}` });
  }
  policy.users.forEach((u, i) => {
    const first = new Map<string, number>();
    u.groups.forEach((m, j) => {
      const key = m.name.toLowerCase();
      if (first.has(key)) problems.push({ path: ["users", i, "groups", j], message: `"${m.name}" is listed twice for ${u.username}; give one membership with its from/until` });
      else first.set(key, j);
    });
  });
  return problems;
}

/**
 * Makes the database match a policy file in ONE transaction: district, preferences, calendars,
 * groups (from templates), entries, users, memberships, individual rights, calendar rights and
 * support contacts. Groups and users the file does not name are left as they are. Applying the
 * same file again finds nothing to change and writes nothing (not even the rights version).
 */
export async function applyPolicy(db: Db, policy: PolicyDocument, catalog: Catalog = getCatalog()): Promise<ApplyResult> {
  const problems = databaseProblems(policy);
  if (problems.length > 0) throw new PolicyApplyError(problems);
  await syncToolCatalog(db, catalog);
  const model = policyToDistrictModel(policy, catalog);
  return db.transaction(async (tx) => {
    const changes: Changes = [];
    const district = await ensureDistrict(tx, policy.district, changes);
    const scope = { districtId: district.id };
    await applyPreferences(tx, scope, policy.preferences, changes);
    if (policy.protected) await applyProtected(tx, scope, policy.protected, changes);
    await applyCalendars(tx, scope, policy.calendars, changes);
    const groupIds = await applyGroups(tx, scope, policy, model, changes);
    await applyUsers(tx, scope, policy, model, groupIds, changes);
    if (policy.support) await applySupport(tx, scope, policy.support, changes);
    if (changes.length > 0) {
      await recordAudit(tx, {
        districtId: district.id,
        actor: null,
        action: "policy.applied",
        target: { type: "district", id: district.id, name: policy.district },
        after: { file: policy.source?.fileName ?? null, changes },
      });
      await bumpRightsVersion(tx, scope, { district: true });
    }
    return { districtId: district.id, changes };
  });
}

export class PolicyApplyError extends Error {
  override readonly name = "PolicyApplyError";
  constructor(readonly problems: DatabaseProblem[]) {
    super(`The policy cannot be applied to this database:\n${problems.map((p) => `  ${p.path.join(".")}: ${p.message}`).join("\n")}`);
  }
}
