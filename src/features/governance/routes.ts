import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import type { AppDeps } from "../../platform/deps.js";
import { access } from "../../platform/http/access.js";
import { districtActor } from "../rights/guards.js";
import { calendarOf } from "../rights/inspect-rights.js";
import { ZVersion } from "../rights/schema.js";
import { TOOLS } from "../rights/tools.js";
import { campaignRoutes } from "./campaigns/campaign-routes.js";
import { compareGroups } from "./compare-groups.js";
import { compareUsers } from "./compare-users.js";
import { groupComparisonCsv, userComparisonCsv } from "./comparison-csv.js";
import { diffRightsVersions } from "./diff-rights-versions.js";
import { disableAccounts, listDormantAccounts } from "./dormant-accounts.js";
import { readDormantPolicy, setDormantPolicy } from "./dormant-policy.js";
import { endPreview, startPreview } from "./preview-as-user.js";
import { restoreRightsVersion } from "./restore-rights-version.js";
import { listRightsVersions } from "./rights-versions-repo.js";
import {
  ZAccountsDisabled, ZCompareGroupsQuery, ZCompareUsersQuery, ZDisableAccounts, ZDormantList, ZDormantPolicy, ZDormantQuery, ZGroupComparison, ZRightsVersionDiff, ZRightsVersionList, ZUserComparison, ZVersionNumber,
} from "./schema.js";

const tags = ["governance"];
const ZGroupParams = z.object({ groupId: z.uuid() });
const csvHeaders = (name: string) => ({ "content-type": "text/csv; charset=utf-8", "content-disposition": `attachment; filename="${name}.csv"` });

/** Access governance: compare groups and users, a group's rights history and restore, dormant accounts. */
export function governanceRoutes(deps: AppDeps): FastifyPluginAsyncZod {
  const { db } = deps.database;
  const now = () => deps.clock.now();
  return async (app) => {
    await app.register(campaignRoutes(deps));
    app.get(
      "/api/compare/groups",
      { config: { access: access.tool(TOOLS.toolRights, "R") }, schema: { tags, summary: "Two groups side by side: tools where they differ, calendar rights, members in one and not the other", querystring: ZCompareGroupsQuery, response: { 200: ZGroupComparison } } },
      async (request) => compareGroups(db, districtActor(request.actor), request.query.a, request.query.b, request.query.asOf ?? now()),
    );
    app.get(
      "/api/compare/groups.csv",
      { config: { access: access.tool(TOOLS.toolRights, "R") }, schema: { tags, summary: "Two groups side by side (CSV)", querystring: ZCompareGroupsQuery, response: { 200: z.string().describe("text/csv") } } },
      async (request, reply) => {
        const c = await compareGroups(db, districtActor(request.actor), request.query.a, request.query.b, request.query.asOf ?? now());
        return reply.headers(csvHeaders("group-comparison")).send(groupComparisonCsv(c));
      },
    );
    const usersOf = async (request: { actor?: unknown; query: z.infer<typeof ZCompareUsersQuery> }) => {
      const calendar = calendarOf(request.query);
      return compareUsers(deps, districtActor(request.actor as never), request.query.a, request.query.b, { asOf: request.query.asOf ?? now(), ...(calendar ? { calendar } : {}) });
    };
    app.get(
      "/api/compare/users",
      { config: { access: access.tool(TOOLS.users, "R") }, schema: { tags, summary: "Two users' effective rights side by side in a calendar and on a day, with where each difference comes from", querystring: ZCompareUsersQuery, response: { 200: ZUserComparison } } },
      async (request) => usersOf(request),
    );
    app.get(
      "/api/compare/users.csv",
      { config: { access: access.tool(TOOLS.users, "R") }, schema: { tags, summary: "Two users side by side (CSV)", querystring: ZCompareUsersQuery, response: { 200: z.string().describe("text/csv") } } },
      async (request, reply) => reply.headers(csvHeaders("user-comparison")).send(userComparisonCsv(await usersOf(request))),
    );
    app.get(
      "/api/groups/:groupId/rights-history",
      { config: { access: access.tool(TOOLS.toolRights, "R") }, schema: { tags, summary: "Every saved version of the group's tool rights and calendar rights, newest first", params: ZGroupParams, response: { 200: ZRightsVersionList } } },
      async (request) => listRightsVersions(db, districtActor(request.actor), request.params.groupId),
    );
    app.get(
      "/api/groups/:groupId/rights-history/diff",
      {
        config: { access: access.tool(TOOLS.toolRights, "R") },
        schema: { tags, summary: "What changed between two saved versions", params: ZGroupParams, querystring: z.object({ from: ZVersionNumber, to: ZVersionNumber }), response: { 200: ZRightsVersionDiff } },
      },
      async (request) => diffRightsVersions(db, districtActor(request.actor), request.params.groupId, request.query.from, request.query.to, now()),
    );
    app.post(
      "/api/groups/:groupId/rights-history/:number/restore",
      {
        config: { access: access.tool(TOOLS.toolRights, "W", { administers: "rights", role: "student-information-system" }) },
        schema: {
          tags,
          summary: "Make the group's rights those of a saved version (a new, audited change; a stale version answers 409)",
          params: ZGroupParams.extend({ number: ZVersionNumber }),
          body: z.object({ version: ZVersion }),
          response: { 200: z.object({ version: z.number(), savedAs: z.number() }) },
        },
      },
      async (request) => restoreRightsVersion(db, districtActor(request.actor), request.params.groupId, request.params.number, request.body),
    );
    app.post(
      "/api/preview",
      {
        // reading as another person is an administrator's power over that account
        config: { access: access.tool(TOOLS.users, "R", { administers: "accounts", role: "student-information-system" }) },
        schema: { tags, summary: "Preview the app as a user of the district, read-only (audited; needs the Student Information System role)", body: z.object({ userId: z.uuid() }), response: { 200: z.object({ previewing: z.object({ id: z.string(), username: z.string() }), startedAt: z.date() }) } },
      },
      async (request) => startPreview(db, districtActor(request.actor), request.body.userId, now()),
    );
    app.post(
      "/api/preview/end",
      // any session: while previewing, this (and signing out) is the one change that is allowed
      { config: { access: access.session() }, schema: { tags, summary: "End the preview and work as yourself again", response: { 200: z.object({ ended: z.boolean() }) } } },
      async (request) => endPreview(db, request.session!, { id: request.session!.userId, name: request.actor?.preview?.username ?? request.actor?.username ?? "" }, now()),
    );
    app.get(
      "/api/dormant-accounts",
      { config: { access: access.tool(TOOLS.users, "R") }, schema: { tags, summary: "Enabled staff accounts with no sign-in for the given number of days", querystring: ZDormantQuery, response: { 200: ZDormantList } } },
      async (request) => listDormantAccounts(db, districtActor(request.actor), request.query.days, now()),
    );
    app.get(
      "/api/dormant-accounts/policy",
      { config: { access: access.tool(TOOLS.users, "R") }, schema: { tags, summary: "Whether dormant accounts are disabled automatically, and after how many days", response: { 200: ZDormantPolicy } } },
      async (request) => readDormantPolicy(db, districtActor(request.actor)),
    );
    app.put(
      "/api/dormant-accounts/policy",
      { config: { access: access.tool(TOOLS.users, "W", { administers: "preferences", role: "student-information-system" }) }, schema: { tags, summary: "Disable dormant accounts automatically after N days without sign-in (a notice goes first), or stop (null)", body: z.object({ disableAfterDays: z.number().int().min(30, "Choose at least 30 days.").max(3650).nullable() }), response: { 200: ZDormantPolicy } } },
      async (request) => setDormantPolicy(db, districtActor(request.actor), request.body.disableAfterDays),
    );
    app.post(
      "/api/dormant-accounts/disable",
      { config: { access: access.tool(TOOLS.users, "W", { administers: "accounts", role: "student-information-system" }) }, schema: { tags, summary: "Disable accounts in bulk: sign-in refused, sessions ended, each audited", body: ZDisableAccounts, response: { 200: ZAccountsDisabled } } },
      async (request) => disableAccounts(db, districtActor(request.actor), request.body.userIds, request.body.reason, now()),
    );
  };
}
