import { getCatalog, type Catalog } from "../../../domain/rights/catalog.js";
import type { PolicyDocument } from "../../../domain/policy/policy-document.js";
import { policyToDistrictModel } from "../../../domain/policy/policy-to-model.js";
import { recordAudit } from "../../../platform/audit.js";
import type { Db } from "../../../platform/db/connect.js";
import { syncToolCatalog } from "../catalog-sync.js";
import { bumpRightsVersion } from "../rights-version.js";
import { applyCalendars, applyPreferences, applySupport, ensureDistrict, schoolYearDates, type Changes } from "./policy-district.js";
import { applyGroups, applyUsers } from "./policy-grantees.js";

export type ApplyResult = { districtId: string; changes: Changes };

const USERNAME = /^[A-Za-z0-9._@-]{2,64}$/;

/**
 * What the file format allows but this database cannot hold; checked before anything is
 * written, so a refused file changes nothing. (The file's own rules were checked by parsePolicy.)
 */
export function databaseProblems(policy: PolicyDocument): string[] {
  const problems: string[] = [];
  policy.calendars.forEach((c, i) => {
    if (!schoolYearDates(c.year)) problems.push(`calendars[${i}].year: school years are named like "2025-26" (start year, then the next year's last two digits); got "${c.year}"`);
  });
  const names = [...policy.users.map((u) => u.username), ...(policy.support?.contacts.map((c) => c.username) ?? [])];
  for (const name of new Set(names)) {
    if (!USERNAME.test(name)) problems.push(`username "${name}": use 2 to 64 letters, digits, dots, dashes, underscores or @`);
  }
  policy.users.forEach((u, i) => {
    const seen = new Set<string>();
    for (const m of u.groups) {
      if (seen.has(m.name.toLowerCase())) problems.push(`users[${i}].groups: "${m.name}" is listed twice for ${u.username}; give one membership with its from/until`);
      seen.add(m.name.toLowerCase());
    }
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
  constructor(readonly problems: string[]) {
    super(`The policy cannot be applied to this database:\n${problems.map((p) => `  ${p}`).join("\n")}`);
  }
}
