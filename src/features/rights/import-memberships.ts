import { parse } from "csv-parse/sync";
import { recordAudit } from "../../platform/audit.js";
import type { Db } from "../../platform/db/connect.js";
import type { DistrictActor } from "../../platform/http/actor.js";
import { AppError, type FieldError } from "../../platform/http/errors.js";
import { existingMembers } from "./bulk-members.js";
import { auditActor } from "./guards.js";
import { addMember } from "./manage-members.js";
import { findGroupByName } from "./repo-groups.js";
import { findUserByUsername } from "./repo-users.js";

type Row = { line: number; username: string; group: string };
const MAX_ROWS = 5000;

/** Rows of `username,group` (a header row of those names is skipped); shape problems are row errors. */
function readRows(csv: string, errors: FieldError[]): Row[] {
  let records: { record: string[]; info: { lines: number } }[];
  try {
    records = parse(csv, { skip_empty_lines: true, trim: true, relax_column_count: true, info: true, bom: true }) as unknown as typeof records;
  } catch (e) {
    throw new AppError(422, "import-unreadable", `The file is not readable as CSV (${(e as Error).message}). Save it as CSV with one "username,group" per row.`, { path: "body.csv" });
  }
  const rows: Row[] = [];
  for (const [i, { record, info }] of records.entries()) {
    if (i === 0 && record[0]?.toLowerCase() === "username" && record[1]?.toLowerCase() === "group") continue;
    const at = `row ${info.lines}`;
    if (record.length !== 2) errors.push({ path: at, message: `Row ${info.lines} has ${record.length} ${record.length === 1 ? "value" : "values"}; give exactly two: username,group.` });
    else if (!record[0] || !record[1]) errors.push({ path: at, message: `Row ${info.lines} is missing its ${record[0] ? "group" : "username"}.` });
    else rows.push({ line: info.lines, username: record[0], group: record[1] });
  }
  if (rows.length + errors.length > MAX_ROWS) throw new AppError(422, "import-too-large", `The file has more than ${MAX_ROWS} rows; split it into smaller files.`, { path: "body.csv" });
  return rows;
}

/**
 * Adds the memberships of a CSV of `username,group` rows. The whole file is checked first
 * (unknown usernames and groups, repeated rows) and any problem is reported by row with nothing
 * written; then every row is added in one transaction, checked and audited as a single addition
 * is, so a refusal on one row (a member limit, a right the importer does not hold) adds nobody.
 * Rows naming someone already in the group change nothing.
 */
export async function importMemberships(db: Db, actor: DistrictActor, input: { csv: string; confirmOverLimit: boolean }, now: Date) {
  const errors: FieldError[] = [];
  const rows = readRows(input.csv, errors);
  const userIds = new Map<string, string>();
  const groups = new Map<string, { id: string; name: string }>();
  const seen = new Set<string>();
  const resolved: (Row & { userId: string; groupId: string; groupName: string })[] = [];
  for (const row of rows) {
    const at = `row ${row.line}`;
    const uKey = row.username.toLowerCase();
    const gKey = row.group.toLowerCase();
    if (!userIds.has(uKey)) {
      const user = await findUserByUsername(db, actor, row.username);
      if (user) userIds.set(uKey, user.id);
    }
    if (!groups.has(gKey)) {
      const group = await findGroupByName(db, actor, row.group);
      if (group) groups.set(gKey, { id: group.id, name: group.name });
    }
    const userId = userIds.get(uKey);
    const group = groups.get(gKey);
    if (!userId) errors.push({ path: at, message: `Row ${row.line}: there is no user "${row.username}" in this district.` });
    if (!group) errors.push({ path: at, message: `Row ${row.line}: there is no group "${row.group}" in this district.` });
    if (!userId || !group) continue;
    if (seen.has(`${userId}/${group.id}`)) {
      errors.push({ path: at, message: `Row ${row.line} repeats ${row.username} in ${group.name}; keep one of them.` });
      continue;
    }
    seen.add(`${userId}/${group.id}`);
    resolved.push({ ...row, userId, groupId: group.id, groupName: group.name });
  }
  if (resolved.length === 0 && errors.length === 0) throw new AppError(422, "import-empty", "The file has no rows. Give one \"username,group\" per row.", { path: "body.csv" });
  if (errors.length > 0) {
    const line = (e: FieldError) => Number(e.path.slice("row ".length));
    errors.sort((x, y) => line(x) - line(y));
    throw new AppError(422, "import-invalid", `${errors.length} ${errors.length === 1 ? "row has a problem" : "rows have problems"}; nothing was imported. Fix ${errors.length === 1 ? "it" : "them"} and import the file again.`, { path: "body.csv", errors });
  }
  return db.transaction(async (tx) => {
    let added = 0;
    let unchanged = 0;
    for (const row of resolved) {
      if ((await existingMembers(tx, actor, row.groupId, [row.userId])).size > 0) {
        unchanged++;
        continue;
      }
      try {
        await addMember(tx, actor, row.groupId, { userId: row.userId, confirmOverLimit: input.confirmOverLimit }, now);
      } catch (e) {
        if (!(e instanceof AppError)) throw e;
        const message = `Row ${row.line} (${row.username}, ${row.groupName}): ${e.message}`;
        throw new AppError(e.status, e.code, `${message} Nothing was imported.`, { ...e.extra, path: "body.csv", errors: [{ path: `row ${row.line}`, message }] });
      }
      added++;
    }
    await recordAudit(tx, {
      districtId: actor.districtId,
      actor: auditActor(actor),
      action: "memberships.imported",
      target: { type: "district", id: actor.districtId, name: "memberships CSV" },
      after: { rows: resolved.length, added, unchanged },
    });
    return { rows: resolved.length, added, unchanged };
  });
}
