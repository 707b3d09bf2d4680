import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { access } from "./access.js";
import { accessVerdict } from "./access-verdict.js";
import type { RouteAccessRecord } from "./server.js";

const ZCapabilities = z.object({
  routes: z
    .record(z.string(), z.object({ allowed: z.boolean(), code: z.string().optional(), reason: z.string().optional() }))
    .describe('"METHOD /url" → whether the access layer would let the caller in, and if not why'),
});

/**
 * What the signed-in caller may do, route by route, decided by the same verdict the request
 * hook enforces from the same registered declarations: the web app's "View only" cannot
 * disagree with the server's answer.
 */
export function registerCapabilitiesRoute(app: FastifyInstance, routeAccess: RouteAccessRecord[]): void {
  app.withTypeProvider<ZodTypeProvider>().get(
    "/api/me/capabilities",
    {
      config: { access: access.authenticated() },
      schema: { tags: ["auth"], summary: "Whether the caller may use each tool route (tool right and Product Security Role), with the reason when not", response: { 200: ZCapabilities } },
    },
    async (request) => {
      const caller = { hasSession: true, actor: request.actor };
      const routes: z.infer<typeof ZCapabilities>["routes"] = {};
      for (const r of routeAccess) {
        if (r.access.kind !== "tool" && r.access.kind !== "vendor" && r.access.kind !== "own") continue;
        const refusal = accessVerdict(r.access, caller);
        routes[`${r.method} ${r.url}`] = refusal ? { allowed: false, code: refusal.code, reason: refusal.message } : { allowed: true };
      }
      return { routes };
    },
  );
}
