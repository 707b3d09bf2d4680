/**
 * "Who can see protected data": for each federally protected area of the seed, every user with
 * at least R on it and through what (group entry, individual entry, or the SIS role).
 */
import { protectedAreaPaths } from "../../domain/rights/campaign-items.js";
import { compileDistrict } from "../../domain/rights/compile-district.js";
import { whoHasAccess, type AccessVia } from "../../domain/rights/who-has-access.js";
import type { Rights } from "../../domain/rights/rights.js";
import { userLookup, type ReviewSource } from "./review-source.js";

export type ProtectedHolder = { userId: string; username: string; displayName: string; rights: Rights; via: AccessVia[] };
export type ProtectedArea = { toolPath: string; holders: ProtectedHolder[] };

/** The seed's list: protected nodes whose parent is not itself protected (their subtrees inherit). */
export function protectedAreas(source: ReviewSource): string[] {
  return protectedAreaPaths(source.catalog);
}

export function buildProtectedAccess(source: ReviewSource): ProtectedArea[] {
  const compiled = compileDistrict(source.catalog, source.model, source.asOf);
  const user = userLookup(source);
  return protectedAreas(source).map((toolPath) => ({
    toolPath,
    holders: whoHasAccess(source.catalog, compiled, toolPath, "R", { asOf: source.asOf })
      .map((h) => ({ userId: h.userId, username: h.username, displayName: user(h.userId).displayName, rights: h.rights, via: h.via }))
      .sort((a, b) => a.username.localeCompare(b.username)),
  }));
}

/** One line for a grant path, as the CSV and the screen print it. */
export function describeVia(via: AccessVia): string {
  if (via.kind === "role") return "Student Information System role (all rights everywhere)";
  const rights = via.rights || "none";
  return via.kind === "group"
    ? `group "${via.groupName}": ${rights} from "${via.entryPath}"`
    : `individual rights: ${rights} from "${via.entryPath}"`;
}
