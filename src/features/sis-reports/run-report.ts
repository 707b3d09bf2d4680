import type { Db } from "../../platform/db/connect.js";
import type { DistrictActor } from "../../platform/http/actor.js";
import { calendarIdsWith, listCalendars } from "../sis/calendar-access.js";
import { attendanceRows, behaviorRows, enrollmentStatusRows, enrollmentSummaryRows } from "./repo.js";
import { caseloadSummaryRows, counselorRows, duplicateIdRows } from "./repo-people.js";
import { REPORTS, type ReportCell, type ReportDef, type ReportSlug } from "./report-definitions.js";

const ROWS: Record<ReportSlug, typeof enrollmentSummaryRows> = {
  "enrollment-summary": enrollmentSummaryRows,
  "enrollment-status": enrollmentStatusRows,
  "duplicate-ids": duplicateIdRows,
  counselor: counselorRows,
  "caseload-summary": caseloadSummaryRows,
  attendance: attendanceRows,
  behavior: behaviorRows,
};

export type ReportResult = { slug: string; title: string; columns: string[]; rows: ReportCell[][]; calendars: string[]; generatedAt: string };

/** The reports this user may generate: R on the report's own tool (the route checks it too). */
export function listReports(actor: DistrictActor) {
  return REPORTS.filter((r) => actor.rights.has(r.tool, "R")).map(({ slug, title, tool, description }) => ({ slug, title, tool, description }));
}

/** Generates one report over the calendars in which R on its tool survives the calendar rights. */
export async function runReport(db: Db, actor: DistrictActor, report: ReportDef): Promise<ReportResult> {
  const calendars = await listCalendars(db, actor);
  const allowed = calendarIdsWith(actor.rights, [report.tool], calendars, "R");
  const rows = await ROWS[report.slug](db, actor, allowed);
  return {
    slug: report.slug,
    title: report.title,
    columns: [...report.columns],
    rows,
    calendars: calendars.filter((c) => allowed.includes(c.id)).map((c) => c.name),
    generatedAt: new Date().toISOString(),
  };
}
