import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import type { AppDeps } from "../../platform/deps.js";
import { access } from "../../platform/http/access.js";
import { unlockUser } from "./unlock-user.js";

export const USERS_TOOL = "System Administration > User Security > Users";

export function userRoutes(deps: AppDeps): FastifyPluginAsyncZod {
  return async (app) => {
    app.post(
      "/api/users/:userId/unlock",
      {
        config: { access: access.tool(USERS_TOOL, "W", { administers: "accounts", role: "student-information-system" }) },
        schema: { tags: ["users"], summary: "Unlock a user locked out by failed sign-ins", params: z.object({ userId: z.uuid() }), response: { 204: z.null() } },
      },
      async (request, reply) => {
        const actor = request.actor!;
        await unlockUser(deps.database.db, { districtId: actor.districtId }, request.params.userId, { id: actor.userId, name: actor.username });
        return reply.status(204).send(null);
      },
    );
  };
}
