import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import type { AppDeps } from "../../platform/deps.js";
import { access } from "../../platform/http/access.js";
import { auditActor, districtActor } from "../rights/guards.js";
import { TOOLS } from "../rights/tools.js";
import { createApiToken } from "./create-api-token.js";
import { listServiceAccounts, listTokens } from "./repo.js";
import { disableServiceAccount, revokeApiToken } from "./revoke-api-token.js";
import { ZCreatedToken, ZCreateToken, ZServiceAccount, ZTokenSummary } from "./schema.js";

const tags = ["api-tokens"];
// Tokens are accounts: reading them needs the role too, since their names and scopes map the district's automation.
const READ = access.tool(TOOLS.users, "R", { administers: "accounts", role: "student-information-system" });
const CHANGE = access.tool(TOOLS.users, "W", { administers: "accounts", role: "student-information-system" });

/** Security > API tokens: a Product Security Role holder issues, lists and revokes tokens and their service accounts. */
export function tokenRoutes(deps: AppDeps): FastifyPluginAsyncZod {
  const { db } = deps.database;
  return async (app) => {
    app.get(
      "/api/api-tokens",
      { config: { access: READ }, schema: { tags, summary: "The district's API tokens (never their secrets)", response: { 200: z.array(ZTokenSummary) } } },
      async (request) => listTokens(db, districtActor(request.actor), deps.clock.now()),
    );
    app.post(
      "/api/api-tokens",
      { config: { access: CHANGE }, schema: { tags, summary: "Issue a token to a service account (made when new); the secret is answered this once", body: ZCreateToken, response: { 201: ZCreatedToken } } },
      async (request, reply) => {
        const actor = districtActor(request.actor);
        return reply.status(201).send(await createApiToken(db, actor, request.body, auditActor(actor), deps.clock.now()));
      },
    );
    app.delete(
      "/api/api-tokens/:tokenId",
      { config: { access: CHANGE }, schema: { tags, summary: "Revoke a token: it stops working at once", params: z.object({ tokenId: z.uuid() }), response: { 204: z.null() } } },
      async (request, reply) => {
        const actor = districtActor(request.actor);
        await revokeApiToken(db, actor, request.params.tokenId, auditActor(actor), deps.clock.now());
        return reply.status(204).send(null);
      },
    );
    app.get(
      "/api/service-accounts",
      { config: { access: READ }, schema: { tags, summary: "The district's service accounts", response: { 200: z.array(ZServiceAccount) } } },
      async (request) => listServiceAccounts(db, districtActor(request.actor), deps.clock.now()),
    );
    app.post(
      "/api/service-accounts/:userId/disable",
      { config: { access: CHANGE }, schema: { tags, summary: "Disable a service account and revoke all its tokens", params: z.object({ userId: z.uuid() }), response: { 200: z.object({ revoked: z.number() }) } } },
      async (request) => {
        const actor = districtActor(request.actor);
        return disableServiceAccount(db, actor, request.params.userId, auditActor(actor), deps.clock.now());
      },
    );
  };
}
