import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import type { AppDeps } from "../../platform/deps.js";
import { access } from "../../platform/http/access.js";
import { districtActor } from "./guards.js";
import { explainUserRight, getEffectiveRights } from "./inspect-rights.js";
import { replaceUserGrants } from "./replace-calendar-grants.js";
import { getUserRights, replaceUserRights, setUserRole } from "./manage-users.js";
import { pageUsers } from "./repo-users.js";
import { USER_SORTS } from "./sorts.js";
import { linkNext, zPage, zPageQuery } from "../../platform/http/paging.js";
import { ZEntry, ZGrant, ZReplaceGrants, ZReplaceRights, ZRole, ZVersion } from "./schema.js";
import { ZEffectiveRights, ZExplanation, ZRightsQuery, ZUserDetail, ZUserSummary } from "./schema-users.js";
import { TOOLS } from "./tools.js";
import { findUserAccount } from "./repo-users.js";
import { csvHeaders, effectiveRightsCsv } from "./rights-csv.js";
import { notFound } from "../../platform/http/errors.js";

const tags = ["rights"];
const ZUserParams = z.object({ userId: z.uuid() });
const ZUserQuery = zPageQuery(USER_SORTS, { sort: "username" }).extend({
  search: z.string().trim().max(100).default(""),
  status: z.enum(["active", "disabled", "locked"]).optional(),
  role: ZRole.optional(),
});

/** District users: groups, Product Security Role, individual rights, effective rights and why. */
export function rightsUserRoutes(deps: AppDeps): FastifyPluginAsyncZod {
  const { db } = deps.database;
  return async (app) => {
    app.get(
      "/api/users",
      {
        config: { access: access.tool(TOOLS.users, "R") },
        schema: { tags, summary: "Find district users, one page at a time (Link rel=next, nextCursor, total)", querystring: ZUserQuery, response: { 200: zPage(ZUserSummary) } },
      },
      async (request, reply) => linkNext(request, reply, await pageUsers(db, districtActor(request.actor), request.query)),
    );
    app.get(
      "/api/users/:userId",
      { config: { access: access.tool(TOOLS.users, "R") }, schema: { tags, summary: "A user's account, groups, role, individual rights and calendar rights", params: ZUserParams, response: { 200: ZUserDetail } } },
      async (request) => getUserRights(db, districtActor(request.actor), request.params.userId, deps.clock.now()),
    );
    app.put(
      "/api/users/:userId/role",
      {
        config: { access: access.tool(TOOLS.users, "W", { administers: "roles", role: "student-information-system" }) },
        schema: { tags, summary: "Set the user's Product Security Role", params: ZUserParams, body: z.object({ role: ZRole, version: ZVersion }), response: { 200: z.object({ productSecurityRole: ZRole, version: z.number() }) } },
      },
      async (request) => setUserRole(db, districtActor(request.actor), request.params.userId, request.body),
    );
    app.put(
      "/api/users/:userId/rights",
      {
        config: { access: access.tool(TOOLS.users, "W", { administers: "rights", role: "student-information-system" }) },
        schema: {
          tags,
          summary: "Replace the user's individual tool rights (allowed, discouraged: the response carries a warning)",
          params: ZUserParams,
          body: ZReplaceRights,
          response: { 200: z.object({ version: z.number(), entries: z.array(ZEntry), warning: z.string().nullable() }) },
        },
      },
      async (request) => replaceUserRights(db, districtActor(request.actor), request.params.userId, request.body, deps.clock.now()),
    );
    app.put(
      "/api/users/:userId/calendar-rights",
      {
        config: { access: access.tool(TOOLS.calendarRights, "W", { administers: "rights", role: "student-information-system" }) },
        schema: { tags, summary: "Replace the user's own calendar rights", params: ZUserParams, body: ZReplaceGrants, response: { 200: z.object({ version: z.number(), calendarGrants: z.array(ZGrant) }) } },
      },
      async (request) => replaceUserGrants(db, districtActor(request.actor), request.params.userId, request.body),
    );
    app.get(
      "/api/users/:userId/effective-rights",
      {
        config: { access: access.tool(TOOLS.users, "R") },
        schema: { tags, summary: "Every tool as this user sees it, optionally in a calendar and on another date", params: ZUserParams, querystring: ZRightsQuery, response: { 200: ZEffectiveRights } },
      },
      async (request) => getEffectiveRights(deps, districtActor(request.actor), request.params.userId, request.query),
    );
    app.get(
      "/api/users/:userId/effective-rights.csv",
      {
        config: { access: access.tool(TOOLS.users, "R") },
        schema: { tags, summary: "Every tool where the user has a right, optionally in a calendar and on another date (CSV)", params: ZUserParams, querystring: ZRightsQuery, response: { 200: z.string().describe("text/csv") } },
      },
      async (request, reply) => {
        const actor = districtActor(request.actor);
        const user = await findUserAccount(db, actor, request.params.userId);
        if (!user) throw notFound("That user");
        const effective = await getEffectiveRights(deps, actor, request.params.userId, request.query);
        return reply.headers(csvHeaders(`effective-rights-${user.username}`)).send(effectiveRightsCsv(user, effective));
      },
    );
    app.get(
      "/api/users/:userId/explain",
      {
        config: { access: access.tool(TOOLS.users, "R") },
        schema: { tags, summary: "Why the user has the rights they have on one tool", params: ZUserParams, querystring: ZRightsQuery.extend({ tool: z.string().trim().min(1) }), response: { 200: ZExplanation } },
      },
      async (request) => explainUserRight(deps, districtActor(request.actor), request.params.userId, request.query),
    );
  };
}

