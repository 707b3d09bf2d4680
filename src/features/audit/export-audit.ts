import type { Database } from "../../platform/db/connect.js";
import { ENTRY_ID, entriesOf, FIELDS_PER_ROW } from "../sis/access-log-entries.js";

/** One exported entry: an audit row ("audit") or a FERPA record of access ("access"). */
export type ExportedEntry = Record<string, unknown> & { log: "audit" | "access"; id: number; at: string };

export type ExportQuery = { since: Date; districtId?: string; batchSize?: number };

// Both logs, one column list: the CSV header and the JSON keys (absent values are null in JSON).
export const EXPORT_COLUMNS = [
  "log", "id", "at", "district", "actor_id", "actor_name",
  "action", "target_type", "target_id", "target_name", "before", "after", "request_id", "ip",
  "person_id", "field", "tool", "route", "filter_id",
] as const;

// Each log's rows from $1 (`since`) after row id $2 (one district's with $4), $3 at most.
// An access-log row is one read of several fields: it comes out as one entry a field.
const SOURCES = {
  audit: (district: string) =>
    `select a.id, a.at, d.slug as district, a.actor_id, a.actor_name, a.action, a.target_type, a.target_id, a.target_name, a.before, a.after, a.request_id, a.ip
     from audit_log a left join districts d on d.id = a.district_id
     where a.at >= $1 and a.id > $2${district} order by a.id limit $3`,
  access: (district: string) =>
    `select ${ENTRY_ID} as id, a.at, d.slug as district, a.actor_id, a.actor_name, a.person_id, f.field, f.tool, a.route, a.filter_id
     from ${entriesOf(`(select * from sis_access_log a where a.at >= $1 and a.id > $2${district} order by a.id limit $3) a join districts d on d.id = a.district_id`)}
     order by a.id, f.n`,
} as const;

/** The row id an exported entry came from, where the next batch starts after. */
const rowIdOf = (log: "audit" | "access", id: number) => (log === "access" ? Math.floor(id / FIELDS_PER_ROW) : id);

/**
 * The audit log, then FERPA's access log, from `since`, in keyset batches (id order): memory
 * stays one batch whatever the size of the logs. A district filter leaves out the vendor's rows.
 */
export async function* exportAudit(database: Database, query: ExportQuery): AsyncGenerator<ExportedEntry[]> {
  const size = query.batchSize ?? 1_000;
  for (const log of ["audit", "access"] as const) {
    let after = 0;
    for (;;) {
      const params: unknown[] = [query.since.toISOString(), after, size];
      const district = query.districtId ? ` and a.district_id = $${params.push(query.districtId)}` : "";
      const rows = await database.query<Record<string, unknown> & { id: number | string; at: Date | string }>(SOURCES[log](district), params);
      if (rows.length === 0) break;
      yield rows.map((r) => ({ log, ...r, id: Number(r.id), at: new Date(r.at).toISOString() }));
      after = rowIdOf(log, Number(rows.at(-1)!.id));
      const rowsRead = new Set(rows.map((r) => rowIdOf(log, Number(r.id)))).size;
      if (rowsRead < size) break;
    }
  }
}

/** One CSV line in EXPORT_COLUMNS order (RFC 4180 quoting; JSON values as JSON text). */
export function csvLine(entry: Partial<Record<string, unknown>>): string {
  return EXPORT_COLUMNS.map((c) => csvField(entry[c])).join(",") + "\r\n";
}

export function jsonLine(entry: ExportedEntry): string {
  return JSON.stringify(Object.fromEntries(EXPORT_COLUMNS.filter((c) => c in entry).map((c) => [c, entry[c] ?? null]))) + "\n";
}

function csvField(value: unknown): string {
  if (value === null || value === undefined) return "";
  const text = typeof value === "object" ? JSON.stringify(value) : String(value);
  // A leading = + - @ would run as a formula in a spreadsheet: prefix a quote.
  const safe = /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}
