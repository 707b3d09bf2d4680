import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import type { AppDeps } from "../../platform/deps.js";
import { access } from "../../platform/http/access.js";
import { districtActor } from "./guards.js";
import { listProtectedAreas, markProtectedArea, unmarkProtectedArea } from "./protected-areas.js";
import { TOOLS } from "./tools.js";

const tags = ["rights"];
const ZToolPath = z.object({ toolPath: z.string().trim().min(1, "Choose a tool").max(500) });
const ZProtectedAreas = z.object({
  seed: z.array(z.string()).describe("The seed's federally protected areas: fixed"),
  district: z.array(z.object({ toolPath: z.string(), markedBy: z.string(), markedAt: z.string() })).describe("Areas the district marked"),
});

/** The district's protected areas beyond the seed's list: read by anyone signed in, changed by the SIS role (audited). */
export function protectedAreaRoutes(deps: AppDeps): FastifyPluginAsyncZod {
  const { db } = deps.database;
  const change = { config: { access: access.tool(TOOLS.toolRights, "W", { administers: "rights", role: "student-information-system" }) } };
  return async (app) => {
    app.get(
      "/api/protected-areas",
      {
        // which tools are protected is no secret in the district: screens mark and log by it
        config: { access: access.authenticated() },
        schema: { tags, summary: "The district's protected areas: the seed's list and those the district marked", response: { 200: ZProtectedAreas } },
      },
      async (request) => listProtectedAreas(db, districtActor(request.actor)),
    );
    app.post(
      "/api/protected-areas",
      { ...change, schema: { tags, summary: "Mark a tool (and everything below it) as protected in the district (audited)", body: ZToolPath, response: { 200: ZProtectedAreas } } },
      async (request) => markProtectedArea(db, districtActor(request.actor), request.body.toolPath),
    );
    app.delete(
      "/api/protected-areas",
      { ...change, schema: { tags, summary: "Unmark a tool the district marked; the seed's list stays (audited)", querystring: ZToolPath, response: { 200: ZProtectedAreas } } },
      async (request) => unmarkProtectedArea(db, districtActor(request.actor), request.query.toolPath),
    );
  };
}
