import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import type { AppDeps } from "../../platform/deps.js";
import { access } from "../../platform/http/access.js";
import { readPasswordLink, setPasswordWithLink } from "./set-password.js";

const ZToken = z.object({ token: z.string().min(20).max(100) });
const ZDistrictRef = z.object({ slug: z.string(), name: z.string() }).nullable();

/** The public side of set-password links: the token is the only proof, so these need no session. */
export function setPasswordRoutes(deps: AppDeps): FastifyPluginAsyncZod {
  const { db } = deps.database;
  return async (app) => {
    app.get(
      "/api/public/set-password/:token",
      {
        config: { access: access.public() },
        schema: {
          tags: ["auth"],
          summary: "Who a set-password link is for (404 once used or expired)",
          params: ZToken,
          response: { 200: z.object({ username: z.string(), displayName: z.string(), expiresAt: z.date(), purpose: z.enum(["new-account", "reset"]), district: ZDistrictRef }) },
        },
      },
      async (request) => readPasswordLink(db, request.params.token, deps.clock.now()),
    );

    app.post(
      "/api/public/set-password/:token",
      {
        config: { access: access.public(), rateLimit: { max: 20, timeWindow: "1 minute" } },
        schema: { tags: ["auth"], summary: "Set a password with a one-time link", params: ZToken, body: z.object({ password: z.string().min(1, "Enter a password").max(500) }), response: { 204: z.null() } },
      },
      async (request, reply) => {
        await setPasswordWithLink(db, request.params.token, request.body.password, deps.clock.now());
        return reply.status(204).send(null);
      },
    );
  };
}
