import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { pendingMigrations } from "../../platform/db/pending-migrations.js";
import type { AppDeps } from "../../platform/deps.js";
import { access } from "../../platform/http/access.js";
import { AppError } from "../../platform/http/errors.js";

export function healthRoutes(deps: AppDeps): FastifyPluginAsyncZod {
  return async (app) => {
    // Liveness: the process answers. No database, so a database outage does not get it restarted.
    app.get(
      "/healthz",
      {
        config: { access: access.public() },
        schema: { tags: ["health"], response: { 200: z.object({ status: z.literal("ok"), database: z.enum(["pglite", "postgres"]) }) } },
      },
      async () => ({ status: "ok" as const, database: deps.database.kind }),
    );

    // Readiness: send traffic here only while the database answers and has this build's schema.
    app.get(
      "/readyz",
      {
        config: { access: access.public() },
        schema: { tags: ["health"], response: { 200: z.object({ status: z.literal("ready"), database: z.enum(["pglite", "postgres"]) }) } },
      },
      async () => {
        let pending: string[];
        try {
          pending = await pendingMigrations(deps.database);
        } catch {
          throw new AppError(503, "database-unreachable", "The database is not answering.");
        }
        if (pending.length > 0) {
          throw new AppError(503, "migrations-pending", `The database lacks ${pending.length} migration(s) of this build: run \`gatehouse migrate\`.`, {
            detail: { pending },
          });
        }
        return { status: "ready" as const, database: deps.database.kind };
      },
    );
  };
}
