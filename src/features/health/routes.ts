import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import type { AppDeps } from "../../platform/deps.js";
import { access } from "../../platform/http/access.js";
import { AppError } from "../../platform/http/errors.js";

export function healthRoutes(deps: AppDeps): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      "/healthz",
      {
        config: { access: access.public() },
        schema: { tags: ["health"], response: { 200: z.object({ status: z.literal("ok"), database: z.enum(["pglite", "postgres"]) }) } },
      },
      async () => {
        try {
          await deps.database.query("select 1");
        } catch {
          throw new AppError(503, "database-unreachable", "The database is not answering.");
        }
        return { status: "ok" as const, database: deps.database.kind };
      },
    );
  };
}
