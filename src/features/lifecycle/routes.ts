import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import type { AppDeps } from "../../platform/deps.js";
import { access } from "../../platform/http/access.js";
import { getMyLifecycle } from "./get-my-lifecycle.js";
import { countLifecycleByDistrict, listLifecycle } from "./list-contact-lifecycles.js";
import { runSweepNow } from "./run-sweep-now.js";
import { ZContactLifecycleList, ZDistrictLifecycleCounts, ZLifecycleQuery, ZMyLifecycle, ZSweepReport } from "./schema.js";

/** The inactivity lifecycle: where each contact stands, their own status for contacts, and the sweep. */
export function lifecycleRoutes(deps: AppDeps): FastifyPluginAsyncZod {
  const { database, clock } = deps;
  return async (app) => {
    app.get(
      "/api/contacts/me/lifecycle",
      {
        config: { access: access.authenticated() },
        schema: { tags: ["lifecycle"], summary: "The caller's own authorized-contact status and deactivation deadline", response: { 200: ZMyLifecycle } },
      },
      async (request) => getMyLifecycle(database, request.actor!, clock.now()),
    );

    app.get(
      "/api/vendor/lifecycle/districts",
      {
        config: { access: access.vendor() },
        schema: { tags: ["lifecycle"], summary: "Authorized contacts per district by lifecycle stage", response: { 200: z.array(ZDistrictLifecycleCounts) } },
      },
      async () => countLifecycleByDistrict(database, clock.now()),
    );

    app.get(
      "/api/vendor/lifecycle/contacts",
      {
        config: { access: access.vendor() },
        schema: { tags: ["lifecycle"], summary: "Contacts with their lifecycle stage and days left, most urgent first", querystring: ZLifecycleQuery, response: { 200: ZContactLifecycleList } },
      },
      async (request) => listLifecycle(database, clock.now(), request.query),
    );

    app.post(
      "/api/vendor/lifecycle/sweep",
      {
        config: { access: access.vendor() },
        schema: { tags: ["lifecycle"], summary: "Run today's inactivity sweep now (audited; safe to repeat)", response: { 200: ZSweepReport } },
      },
      async (request) => runSweepNow(deps, request.actor!),
    );
  };
}
