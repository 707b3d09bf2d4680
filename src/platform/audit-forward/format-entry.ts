import os from "node:os";

export type AuditRow = Record<string, unknown> & { id: number; at: string; action: string };
export type ForwardFormat = "rfc5424" | "json";

// Facility 13 ("log audit") and severity 5 ("notice"): PRI = 13 * 8 + 5.
const PRI = 109;

/** One audit row as a syslog message (RFC 5424, the row as JSON in MSG) or as a JSON line. */
export function formatEntry(row: AuditRow, format: ForwardFormat): string {
  const json = JSON.stringify(row);
  if (format === "json") return json;
  const msgId = row.action.replace(/[^\x21-\x7e]/g, "_").slice(0, 32) || "-";
  const host = os.hostname().replace(/[^\x21-\x7e]/g, "_").slice(0, 255) || "-";
  return `<${PRI}>1 ${row.at} ${host} gatehouse ${process.pid} ${msgId} [gatehouse@32473 id="${row.id}"] ${json}`;
}
