import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import type { AppDeps } from "../../platform/deps.js";
import { access } from "../../platform/http/access.js";
import { listVendorStaff } from "./list-vendor-staff.js";
import { unlockUser } from "./unlock-user.js";

export const USERS_TOOL = "System Administration > User Security > Users";

const ZUserParams = z.object({ userId: z.uuid() });
const ZVendorStaff = z.object({
  id: z.string(),
  username: z.string(),
  displayName: z.string(),
  email: z.string().nullable(),
  disabled: z.boolean(),
  mfaEnabled: z.boolean(),
  locked: z.boolean(),
  lastLoginAt: z.date().nullable(),
});

export function userRoutes(deps: AppDeps): FastifyPluginAsyncZod {
  return async (app) => {
    app.post(
      "/api/users/:userId/unlock",
      {
        config: { access: access.tool(USERS_TOOL, "W") },
        schema: { tags: ["users"], summary: "Unlock a user locked out by failed sign-ins", params: ZUserParams, response: { 204: z.null() } },
      },
      async (request, reply) => {
        const actor = request.actor!;
        await unlockUser(deps.database.db, { districtId: actor.districtId }, request.params.userId, { id: actor.userId, name: actor.username }, deps.clock.now());
        return reply.status(204).send(null);
      },
    );

    app.get(
      "/api/vendor/staff-accounts",
      { config: { access: access.vendor() }, schema: { tags: ["vendor"], summary: "Vendor support staff and whether each is locked out", response: { 200: z.array(ZVendorStaff) } } },
      async () => listVendorStaff(deps.database.db),
    );

    app.post(
      "/api/vendor/staff-accounts/:userId/unlock",
      {
        config: { access: access.vendor() },
        schema: { tags: ["vendor"], summary: "Unlock another vendor staff member locked out by failed sign-ins", params: ZUserParams, response: { 204: z.null() } },
      },
      async (request, reply) => {
        const actor = request.actor!;
        await unlockUser(deps.database.db, { districtId: null }, request.params.userId, { id: actor.userId, name: actor.username }, deps.clock.now());
        return reply.status(204).send(null);
      },
    );
  };
}
