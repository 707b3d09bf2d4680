import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import type { AppDeps } from "../../platform/deps.js";
import { access } from "../../platform/http/access.js";
import { AppError } from "../../platform/http/errors.js";
import { districtActor, auditActor } from "../rights/guards.js";
import { TOOLS } from "../rights/tools.js";
import { importOneRoster } from "./import-oneroster.js";
import { openZip } from "./read-source.js";
import { ZImportRequest, ZImportResult, ZMappings, ZMappingsInput, ZRuns } from "./schema.js";
import { listMappings, listRuns, replaceMappings } from "./staff-automation-mappings.js";

const tags = ["oneroster"];
/** A district's whole set as one zip: larger sets go through `gatehouse oneroster import`. */
const UPLOAD_LIMIT = 200 * 1024 * 1024;

/** OneRoster 1.2 CSV import and staff account automation. */
export function onerosterRoutes(deps: AppDeps): FastifyPluginAsyncZod {
  const { db } = deps.database;
  const importAccess = access.tool(TOOLS.users, "A", { administers: "accounts", role: "student-information-system" });
  return async (app) => {
    app.post(
      "/api/oneroster/imports",
      { bodyLimit: UPLOAD_LIMIT, config: { access: importAccess }, schema: { tags, summary: "Import a OneRoster 1.2 CSV set (zip): validated in full first; an invalid set changes nothing (422 with every problem)", body: ZImportRequest, response: { 200: ZImportResult } } },
      async (request) => {
        const actor = districtActor(request.actor);
        let source;
        try {
          source = openZip(Buffer.from(request.body.zipBase64, "base64"));
        } catch (error) {
          throw new AppError(422, "not-a-zip", `The upload is not a zip file (${(error as Error).message}). Zip the folder that holds manifest.csv and the other OneRoster files.`, { path: "body.zipBase64" });
        }
        const result = await importOneRoster(db, actor, source, { dryRun: request.body.dryRun, by: auditActor(actor), now: deps.clock.now() });
        if (!result.ok) {
          throw new AppError(422, "invalid-oneroster-set", `The set has ${result.problems.length} problem${result.problems.length === 1 ? "" : "s"}; nothing was imported. Fix them in the source system's export and upload it again.`, { detail: { problems: result.problems.slice(0, 1000), total: result.problems.length } });
        }
        return { dryRun: result.dryRun, summary: result.summary, automation: result.automation };
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
      "/api/staff-automation/runs",
      { config: { access: access.tool(TOOLS.preferences, "R") }, schema: { tags, summary: "Staff account automation: the last 100 runs and every action they took", response: { 200: ZRuns } } },
      async (request) => listRuns(db, districtActor(request.actor)),
    );
  };
}
