import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import type { AppDeps } from "../../platform/deps.js";
import { access } from "../../platform/http/access.js";
import type { DistrictActor } from "../../platform/http/actor.js";
import { listAuditEntries } from "./list-audit-entries.js";
import { ZAuditPage, ZAuditQuery } from "./schema.js";

export const AUDIT_TOOL = "System Administration > User Security > Audit Log";

export function auditRoutes(deps: AppDeps): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      "/api/audit",
      {
        config: { access: access.tool(AUDIT_TOOL, "R") },
        schema: { tags: ["audit"], summary: "The district's audit log: who changed what, when, before and after", querystring: ZAuditQuery, response: { 200: ZAuditPage } },
      },
      async (request, reply) => {
        const page = await listAuditEntries(deps.database.db, request.actor as DistrictActor, request.query);
        if (page.nextBefore !== null) {
          const url = new URL(request.url, "http://x");
          url.searchParams.set("before", String(page.nextBefore));
          reply.header("link", `<${url.pathname}${url.search}>; rel="next"`);
        }
        return page;
      },
    );
  };
}
