/**
 * A district's own protected areas. The seed lists the federally protected fields and adds
 * "This is not a comprehensive list.": a Student Information System role holder marks further
 * tools, which from the next request on every server are treated as the seed's list is
 * (withheld, logged, reviewed, warned about). Only what the district added can be unmarked.
 */
import { and, eq } from "drizzle-orm";
import { findNode, getCatalog } from "../../domain/rights/catalog.js";
import { markProblem, protectedAreaPaths } from "../../domain/rights/protected-areas.js";
import { recordAudit } from "../../platform/audit.js";
import type { Db } from "../../platform/db/connect.js";
import { districtProtectedTools } from "../../platform/db/schema/rights.js";
import { inDistrict, type DistrictScope } from "../../platform/db/tenancy.js";
import type { DistrictActor } from "../../platform/http/actor.js";
import { AppError } from "../../platform/http/errors.js";
import { auditActor } from "./guards.js";
import { loadProtectedTools } from "./repo-model.js";
import { bumpRightsVersion } from "./rights-version.js";

export type ProtectedAreas = {
  /** the seed's FERPA/HIPAA areas: fixed, never unmarked */
  seed: string[];
  /** what the district marked, with who and when */
  district: { toolPath: string; markedBy: string; markedAt: string }[];
};

export async function listProtectedAreas(db: Db, scope: DistrictScope): Promise<ProtectedAreas> {
  const rows = await db.select().from(districtProtectedTools).where(inDistrict(districtProtectedTools, scope)).orderBy(districtProtectedTools.toolPath);
  return {
    seed: protectedAreaPaths(getCatalog()),
    district: rows.map((r) => ({ toolPath: r.toolPath, markedBy: r.markedByName, markedAt: r.markedAt.toISOString() })),
  };
}

const audit = (tx: Db, actor: DistrictActor, action: string, toolPath: string, before: string[], after: string[]) =>
  recordAudit(tx, {
    districtId: actor.districtId,
    actor: auditActor(actor),
    action,
    target: { type: "tool", id: toolPath, name: toolPath },
    before: { protectedTools: before },
    after: { protectedTools: after },
  });

/** Marks a tool (and everything below it) protected in the actor's district; audited. */
export async function markProtectedArea(db: Db, actor: DistrictActor, toolPath: string): Promise<ProtectedAreas> {
  await db.transaction(async (tx) => {
    // the version row's lock orders concurrent marks, so the check below sees the one before
    await bumpRightsVersion(tx, actor, { district: true });
    const before = await loadProtectedTools(tx, actor);
    const problem = markProblem(getCatalog(), before, toolPath);
    if (problem) throw new AppError(problem.code === "unknown-tool" ? 400 : 409, problem.code, problem.message, { path: "toolPath" });
    const path = findNode(getCatalog(), toolPath)!.path;
    await tx.insert(districtProtectedTools).values({ districtId: actor.districtId, toolPath: path, markedById: actor.userId, markedByName: actor.username });
    await audit(tx, actor, "district.protected-area-marked", path, before, [...before, path].sort());
  });
  return listProtectedAreas(db, actor);
}

/** Unmarks a tool the district marked. The seed's list cannot be unmarked. */
export async function unmarkProtectedArea(db: Db, actor: DistrictActor, toolPath: string): Promise<ProtectedAreas> {
  await db.transaction(async (tx) => {
    await bumpRightsVersion(tx, actor, { district: true });
    const before = await loadProtectedTools(tx, actor);
    const node = findNode(getCatalog(), toolPath);
    if (node?.federallyProtected) {
      throw new AppError(409, "seed-protected", `${node.path} is on the seed's list of federally protected areas and cannot be unmarked.`, { path: "toolPath" });
    }
    const path = node?.path ?? toolPath;
    if (!before.includes(path)) throw new AppError(404, "not-marked", `${path} is not a protected area the district marked.`, { path: "toolPath" });
    await tx.delete(districtProtectedTools).where(inDistrict(districtProtectedTools, actor, and(eq(districtProtectedTools.toolPath, path))));
    await audit(tx, actor, "district.protected-area-unmarked", path, before, before.filter((p) => p !== path));
  });
  return listProtectedAreas(db, actor);
}
