/**
 * Each review as CSV: one header row, one row per line of the review, RFC 4180 quoting, and
 * cells that a spreadsheet would run as formulas made into text (CSV injection).
 */
import { RIGHTS_BY_LEVEL } from "../../domain/rights/rights.js";
import { writeCsv } from "../../platform/csv/write-csv.js";
import type { DeleteRight } from "./build-delete-rights.js";
import type { ExpiringGrant, GroupOverLimit, IndividualRight } from "./build-grant-reviews.js";
import type { HeatMap } from "./build-heat-map.js";
import { describeVia, type ProtectedArea } from "./build-protected-access.js";

export function toCsv(header: string[], rows: unknown[][]): string {
  return writeCsv([header, ...rows]);
}

const rightsText = (r: string) => (r === "" ? "none" : r);
/** Until dates are days (entries and memberships end at the start of one): a spreadsheet reads "2026-03-08" as a date. */
const day = (d: Date | null) => (d ? d.toISOString().slice(0, 10) : null);
const KIND: Record<ExpiringGrant["kind"], string> = { "group-entry": "group right", "user-entry": "individual right", membership: "membership" };

export function protectedAccessCsv(areas: ProtectedArea[]): string {
  const rows: unknown[][] = [];
  for (const a of areas) {
    for (const h of a.holders) rows.push([a.toolPath, h.username, h.displayName, h.rights, h.calendars, h.via.map(describeVia).join("; ")]);
  }
  return toCsv(["Protected area", "Username", "Name", "Rights", "Calendars", "Through"], rows);
}

export function individualRightsCsv(list: IndividualRight[]): string {
  return toCsv(
    ["Username", "Name", "Tool", "Rights", "Deny", "Until", "In force"],
    list.map((r) => [r.username, r.displayName, r.toolPath, r.deny ? "" : rightsText(r.rights), r.deny ? "deny" : "", day(r.until), r.active ? "yes" : "no"]),
  );
}

export function groupsOverLimitCsv(list: GroupOverLimit[]): string {
  return toCsv(["Group", "Member limit", "Members"], list.map((g) => [g.name, g.memberLimit, g.members]));
}

export function expiringGrantsCsv(list: ExpiringGrant[]): string {
  return toCsv(
    ["Until", "Kind", "Group", "Username", "Tool", "Rights"],
    list.map((g) => [day(g.until), KIND[g.kind], g.groupName, g.username, g.toolPath, g.deny ? "deny" : g.rights === null ? "" : rightsText(g.rights)]),
  );
}

export function deleteRightsCsv(list: DeleteRight[]): string {
  return toCsv(["Group", "Tool", "Rights", "From entry", "Dangerous because"], list.map((r) => [r.groupName, r.toolPath, r.rights, r.entryPath, r.dangerous]));
}

export function heatMapCsv(map: HeatMap): string {
  const level = (l: number) => rightsText(RIGHTS_BY_LEVEL[l]!);
  return toCsv(
    ["Group", "Members", ...map.modules],
    map.rows.map((r) => [r.groupName, r.members, ...r.cells.map((c) => (c.min === c.max ? level(c.max) : `${level(c.min)}..${level(c.max)}`))]),
  );
}
