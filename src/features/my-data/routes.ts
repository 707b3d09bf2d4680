import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import type { AppDeps } from "../../platform/deps.js";
import { access } from "../../platform/http/access.js";
import { districtActor } from "../sis/district-actor.js";
import { getMyData } from "./get-my-data.js";
import { ZMyData } from "./schema.js";

export function myDataRoutes(deps: AppDeps): FastifyPluginAsyncZod {
  const db = deps.database.db;
  return async (app) => {
    app.get("/api/me/data", {
      config: { access: access.tool("My Data", "R") },
      schema: { tags: ["account"], summary: "My Data: your account, groups, calendar rights and tool rights (R on My Data)", response: { 200: ZMyData } },
    }, async (request) => getMyData(db, districtActor(request.actor)));
  };
}
