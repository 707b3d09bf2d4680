import { writeCsv } from "../../platform/csv/write-csv.js";
import type { Entry, Grant } from "./schema.js";

const day = (d: Date | null) => (d ? d.toISOString().slice(0, 10) : "");
const rightsText = (e: { rights: string; deny: boolean }) => (e.deny ? "deny" : e.rights || "none (explicit)");

/** One group's rights as a spreadsheet: its tool entries, then its calendar rights. */
export function groupRightsCsv(group: { name: string; entries: Entry[]; calendarGrants: Grant[] }): string {
  return writeCsv([
    ["Group", "Kind", "Tool or calendar", "Rights", "From", "Until"],
    ...group.entries.map((e) => [group.name, "tool right", e.toolPath, rightsText(e), day(e.from), day(e.until)]),
    ...group.calendarGrants.map((g) => [group.name, "calendar right", `${g.school} / ${g.year} / ${g.calendar}`.replaceAll("*", "all"), g.modify ? "modify" : "read only", day(g.from), day(g.until)]),
  ]);
}

/** One user's effective rights on every tool where they have any, as of a day and in a calendar (or none). */
export function effectiveRightsCsv(user: { username: string }, effective: { asOf: Date; calendar: { school: string; year: string; calendar: string } | null; tools: { path: string; rights: string }[] }): string {
  const where = effective.calendar ? `${effective.calendar.calendar} (${effective.calendar.school}, ${effective.calendar.year})` : "outside any calendar";
  return writeCsv([["User", "Tool", "Rights", "As of", "In calendar"], ...effective.tools.filter((t) => t.rights !== "").map((t) => [user.username, t.path, t.rights, effective.asOf, where])]);
}

export const csvHeaders = (name: string) => ({ "content-type": "text/csv; charset=utf-8", "content-disposition": `attachment; filename="${name.replace(/[^A-Za-z0-9._-]+/g, "-")}.csv"` });
