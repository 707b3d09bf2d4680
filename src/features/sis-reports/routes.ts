import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import type { AppDeps } from "../../platform/deps.js";
import { writeCsv } from "../../platform/csv/write-csv.js";
import { access } from "../../platform/http/access.js";
import { districtActor } from "../sis/district-actor.js";
import { REPORTS } from "./report-definitions.js";
import { listReports, runReport } from "./run-report.js";
import * as S from "./schema.js";

const tags = ["student information"];

/** Student Information > Reports: one route per report, each declaring R on that report's tool. */
export function sisReportRoutes(deps: AppDeps): FastifyPluginAsyncZod {
  const db = deps.database.db;
  return async (app) => {
    app.get("/api/sis/reports", {
      config: { access: access.authenticated() },
      schema: { tags, summary: "The Student Information reports you can generate (R on each report's tool)", response: { 200: S.ZReportList } },
    }, async (request) => ({ reports: request.actor?.kind === "district" ? listReports(districtActor(request.actor)) : [] }));

    for (const report of REPORTS) {
      app.get(`/api/sis/reports/${report.slug}`, {
        config: { access: access.tool(report.tool, "R") },
        schema: { tags, summary: `${report.title}: ${report.description}`, response: { 200: S.ZReportResult } },
      }, async (request) => runReport(db, districtActor(request.actor), report));

      app.get(`/api/sis/reports/${report.slug}.csv`, {
        config: { access: access.tool(report.tool, "R") },
        schema: { tags, summary: `${report.title} as CSV` },
      }, async (request, reply) => {
        const result = await runReport(db, districtActor(request.actor), report);
        return reply
          .header("content-type", "text/csv; charset=utf-8")
          .header("content-disposition", `attachment; filename="${report.slug}.csv"`)
          .header("cache-control", "no-store")
          .send(writeCsv([result.columns, ...result.rows]));
      });
    }
  };
}
