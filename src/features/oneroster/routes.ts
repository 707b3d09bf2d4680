import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import type { AppDeps } from "../../platform/deps.js";
import { access } from "../../platform/http/access.js";
import { AppError } from "../../platform/http/errors.js";
import { districtActor, auditActor } from "../rights/guards.js";
import { TOOLS } from "../rights/tools.js";
import { refuseWhileImporting } from "./import-lock.js";
import { findImportJob, startImportJob, type ImportJob } from "./import-jobs.js";
import { openZip } from "./read-source.js";
import { ZImportJob, ZImportRequest, ZMappings, ZMappingsInput, ZRuns, ZSchoolAssignments, ZSchoolAssignmentsInput } from "./schema.js";
import { listMappings, listRuns, replaceMappings } from "./staff-automation-mappings.js";
import { getSchoolAssignments, replaceWebSchoolAssignments } from "./web-school-assignments.js";

const tags = ["oneroster"];
/** A district's whole set as one zip: larger sets go through `gatehouse oneroster import`. */
const UPLOAD_LIMIT = 200 * 1024 * 1024;

const jobView = (job: ImportJob) => ({
  id: job.id,
  state: job.state,
  dryRun: job.dryRun,
  stages: job.stages,
  startedAt: job.startedAt,
  finishedAt: job.finishedAt,
  result: job.result && { dryRun: job.result.dryRun, summary: job.result.summary, automation: job.result.automation },
  problems: job.problems && job.problems.slice(0, 1000),
  problemTotal: job.problems?.length ?? 0,
  error: job.error,
});

/** OneRoster 1.2 CSV import and staff account automation. */
export function onerosterRoutes(deps: AppDeps): FastifyPluginAsyncZod {
  const { db } = deps.database;
  const importAccess = access.tool(TOOLS.users, "A", { administers: "accounts", role: "student-information-system" });
  return async (app) => {
    app.post(
      "/api/oneroster/imports",
      { bodyLimit: UPLOAD_LIMIT, config: { access: importAccess }, schema: { tags, summary: "Start importing a OneRoster 1.2 CSV set (zip) in the background: 202 with the job to follow at GET /api/oneroster/imports/:importId; 409 while another import of the district runs", body: ZImportRequest, response: { 202: ZImportJob } } },
      async (request, reply) => {
        const actor = districtActor(request.actor);
        let source;
        try {
          source = openZip(Buffer.from(request.body.zipBase64, "base64"));
        } catch (error) {
          throw new AppError(422, "not-a-zip", `The upload is not a zip file (${(error as Error).message}). Zip the folder that holds manifest.csv and the other OneRoster files.`, { path: "body.zipBase64" });
        }
        await refuseWhileImporting(db, actor);
        const { job } = startImportJob(db, actor, source, { dryRun: request.body.dryRun, by: auditActor(actor), now: deps.clock.now(), onFailure: (error) => request.log.error({ err: error }, "OneRoster import failed") });
        return reply.code(202).send(jobView(job));
      },
    );
    app.get(
      "/api/oneroster/imports/:importId",
      { config: { access: importAccess }, schema: { tags, summary: "An import started here: its stages and counts while it runs, then its summary, or every problem of an invalid set (the first 1,000)", params: z.object({ importId: z.uuid() }), response: { 200: ZImportJob } } },
      async (request) => {
        const job = findImportJob(districtActor(request.actor), request.params.importId);
        if (!job) throw new AppError(404, "import-not-found", "There is no such import of this district on this server (finished imports are kept for an hour).", { path: "importId" });
        return jobView(job);
      },
    );
    app.get(
      "/api/staff-automation/mappings",
      { config: { access: access.tool(TOOLS.preferences, "R") }, schema: { tags, summary: "Staff account automation: schools to calendar-only groups, roles and titles to groups", response: { 200: ZMappings } } },
      async (request) => listMappings(db, districtActor(request.actor)),
    );
    app.put(
      "/api/staff-automation/mappings",
      { config: { access: access.tool(TOOLS.preferences, "W", { administers: "preferences", role: "student-information-system" }) }, schema: { tags, summary: "Replace the staff account automation's mappings", body: ZMappingsInput, response: { 200: ZMappings } } },
      async (request) => replaceMappings(db, districtActor(request.actor), request.body.mappings),
    );
    app.get(
      "/api/users/:userId/school-assignments",
      { config: { access: access.tool(TOOLS.users, "R") }, schema: { tags, summary: "A staff member's school assignments from OneRoster, SCIM and the web app, and the district's schools", params: z.object({ userId: z.uuid() }), response: { 200: ZSchoolAssignments } } },
      async (request) => getSchoolAssignments(db, districtActor(request.actor), request.params.userId),
    );
    app.put(
      "/api/users/:userId/school-assignments",
      {
        config: { access: access.tool(TOOLS.users, "W", { administers: "accounts", role: "student-information-system" }) },
        schema: {
          tags,
          summary: "Replace the school assignments set in the web app (OneRoster's and SCIM's stay); the staff account automation runs on all of them as source \"web\". A stale version answers 409 version-conflict",
          params: z.object({ userId: z.uuid() }),
          body: ZSchoolAssignmentsInput,
          response: { 200: ZSchoolAssignments },
        },
      },
      async (request) => replaceWebSchoolAssignments(db, districtActor(request.actor), request.params.userId, request.body, deps.clock.now()),
    );
    app.get(
      "/api/staff-automation/runs",
      { config: { access: access.tool(TOOLS.preferences, "R") }, schema: { tags, summary: "Staff account automation: the last 100 runs and every action they took", response: { 200: ZRuns } } },
      async (request) => listRuns(db, districtActor(request.actor)),
    );
  };
}
