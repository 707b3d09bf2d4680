import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { getCatalog } from "../../domain/rights/catalog.js";
import { listTemplates } from "../../domain/rights/templates.js";
import type { AppDeps } from "../../platform/deps.js";
import { access } from "../../platform/http/access.js";
import { calendarRef, listCalendars } from "../sis/calendar-access.js";
import { readStoredCatalog } from "./catalog-sync.js";
import { protectionFrom } from "../../domain/rights/protected-areas.js";
import { loadProtectedTools } from "./repo-model.js";
import { districtActor } from "./guards.js";
import { listAccessHolders } from "./inspect-rights.js";
import { readPreferences } from "./repo-preferences.js";
import { ZPreferences, ZRights, ZUpdatePreferences } from "./schema.js";
import { ZAccessHolders, ZRightsQuery } from "./schema-users.js";
import { TOOLS } from "./tools.js";
import { updatePreferences } from "./update-preferences.js";

const tags = ["rights"];

const ZCatalogNode = z.object({
  path: z.string(),
  label: z.string(),
  parentPath: z.string().nullable(),
  depth: z.number(),
  calendarScoped: z.boolean(),
  federallyProtected: z.boolean().describe("On the seed's FERPA/HIPAA list"),
  districtProtected: z.boolean().describe("Marked protected by the caller's district (or below a tool it marked)"),
  allOrNothing: z.boolean().describe('Campus Instruction: only "" or RWAD'),
  dangerous: z.object({ right: z.string(), reason: z.string() }).nullable(),
});

/** The catalog, seed templates, who-has-access, preferences, and the caller's own tools. */
export function catalogRoutes(deps: AppDeps): FastifyPluginAsyncZod {
  const { db } = deps.database;
  return async (app) => {
    app.get(
      "/api/catalog",
      {
        config: { access: access.tool(TOOLS.toolRights, "R") },
        schema: { tags, summary: "The tool catalog in tree order (parents before children) with each tool's flags", response: { 200: z.object({ version: z.number(), tools: z.array(ZCatalogNode) }) } },
      },
      async (request) => {
        const stored = await readStoredCatalog(db);
        const district = protectionFrom(getCatalog(), request.actor?.districtId ? await loadProtectedTools(db, districtActor(request.actor)) : []);
        return {
          version: getCatalog().version,
          tools: stored.map((n) => ({
            path: n.path,
            label: n.label,
            parentPath: n.parentPath,
            depth: n.path.split(" > ").length - 1,
            calendarScoped: n.calendarScoped,
            federallyProtected: n.federallyProtected,
            districtProtected: !n.federallyProtected && district.isProtected(n.path),
            allOrNothing: n.allOrNothing,
            dangerous: n.dangerous ?? null,
          })),
        };
      },
    );
    app.get(
      "/api/templates",
      {
        config: { access: access.tool(TOOLS.toolRights, "R") },
        schema: {
          tags,
          summary: "The seed's example user groups a new group can start from",
          response: { 200: z.array(z.object({ name: z.string(), notes: z.array(z.string()), memberLimit: z.number().nullable(), entries: z.array(z.object({ path: z.string(), rights: ZRights, masterSchedulingPeriod: z.boolean() })) })) },
        },
      },
      async () =>
        listTemplates().map((t) => ({
          name: t.name,
          notes: t.notes,
          memberLimit: t.memberLimit ?? null,
          entries: t.entries.map((e) => ({ path: e.path, rights: e.rights, masterSchedulingPeriod: e.untilRule === "master-scheduling-period" })),
        })),
    );
    app.get(
      "/api/calendars",
      {
        config: { access: access.tool(TOOLS.calendarRights, "R") },
        schema: { tags, summary: "The district's calendars, to grant calendar rights and to see effective rights in one calendar", response: { 200: z.array(z.object({ school: z.string(), year: z.string(), calendar: z.string() })) } },
      },
      async (request) => (await listCalendars(db, districtActor(request.actor))).map(calendarRef),
    );
    app.get(
      "/api/who-has-access",
      {
        config: { access: access.tool(TOOLS.reviews, "R") },
        schema: { tags, summary: "Everyone with at least a right on a tool (in a calendar), and through which grants", querystring: ZRightsQuery.extend({ tool: z.string().trim().min(1), right: z.enum(["R", "W", "A", "D"]).default("R") }), response: { 200: ZAccessHolders } },
      },
      async (request) => listAccessHolders(deps, districtActor(request.actor), request.query),
    );
    app.get(
      "/api/preferences",
      { config: { access: access.tool(TOOLS.preferences, "R") }, schema: { tags, summary: "Account Security Preferences", response: { 200: ZPreferences } } },
      async (request) => readPreferences(db, districtActor(request.actor)),
    );
    app.put(
      "/api/preferences",
      { config: { access: access.tool(TOOLS.preferences, "W", { administers: "preferences", role: "student-information-system" }) }, schema: { tags, summary: "Change Account Security Preferences", body: ZUpdatePreferences, response: { 200: ZPreferences } } },
      async (request) => updatePreferences(db, districtActor(request.actor), request.body),
    );
    app.get(
      "/api/me/tools",
      {
        config: { access: access.authenticated() },
        schema: { tags, summary: "The signed-in user's rights on every tool (drives the navigation and read-only screens)", response: { 200: z.object({ tools: z.record(z.string(), ZRights) }) } },
      },
      async (request) => {
        const rights = request.actor!.rights;
        return { tools: Object.fromEntries(getCatalog().nodes.map((n) => [n.path, rights.level(n.path) as z.infer<typeof ZRights>])) };
      },
    );
  };
}
