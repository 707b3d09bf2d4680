import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import type { AppDeps } from "../../platform/deps.js";
import { access } from "../../platform/http/access.js";
import { createGroup } from "./create-group.js";
import { createTemplateGroups } from "./create-template-groups.js";
import { deleteGroup, previewGroupDeletion } from "./delete-group.js";
import { getGroup } from "./get-group.js";
import { districtActor } from "./guards.js";
import { replaceGroupGrants } from "./replace-calendar-grants.js";
import { previewGroupRights, replaceGroupRights } from "./replace-group-rights.js";
import { findGroupSummary, pageGroups } from "./repo-groups.js";
import { linkNext, zPage } from "../../platform/http/paging.js";
import { TOOLS } from "./tools.js";
import {
  ZCreateGroup, ZCreateTemplateGroups, ZDeletionPreview, ZEntry, ZGrant, ZGroupDetail, ZGroupQuery, ZGroupSummary, ZReplaceGrants, ZReplaceRights, ZRightsPreview, ZTemplateGroupsCreated, ZUpdateGroup, ZVersion,
} from "./schema.js";
import { updateGroup } from "./update-group.js";
import { csvHeaders, groupRightsCsv } from "./rights-csv.js";

const ZGroupParams = z.object({ groupId: z.uuid() });
const tags = ["rights"];

/** User groups, their tool rights and calendar rights. */
export function groupRoutes(deps: AppDeps): FastifyPluginAsyncZod {
  const { db } = deps.database;
  const detail = (actor: Parameters<typeof getGroup>[1], id: string) => getGroup(db, actor, id, deps.clock.now());
  return async (app) => {
    app.get(
      "/api/groups",
      { config: { access: access.tool(TOOLS.toolRights, "R") }, schema: { tags, summary: "User groups with member counts, one page at a time (Link rel=next, nextCursor, total)", querystring: ZGroupQuery, response: { 200: zPage(ZGroupSummary) } } },
      async (request, reply) => {
        const { limited, ...query } = request.query;
        return linkNext(request, reply, await pageGroups(db, districtActor(request.actor), { ...query, ...(limited ? { limited: limited === "yes" } : {}) }));
      },
    );
    app.post(
      "/api/groups",
      {
        config: { access: access.tool(TOOLS.toolRights, "A", { administers: "rights", role: "student-information-system" }) },
        schema: { tags, summary: "Create a group: empty, from a seed template, or as a copy of another group", body: ZCreateGroup, response: { 201: ZGroupDetail } },
      },
      async (request, reply) => {
        const actor = districtActor(request.actor);
        const { id } = await createGroup(db, actor, request.body);
        return reply.status(201).send(await detail(actor, id));
      },
    );
    app.post(
      "/api/groups/from-templates",
      {
        config: { access: access.tool(TOOLS.toolRights, "A", { administers: "rights", role: "student-information-system" }) },
        schema: {
          tags,
          summary: "Create the seed's example groups (all 21, or those named) in one step, each with every row, its member limit and ** rows until the end of master scheduling",
          body: ZCreateTemplateGroups,
          response: { 201: ZTemplateGroupsCreated },
        },
      },
      async (request, reply) => {
        const actor = districtActor(request.actor);
        const result = await createTemplateGroups(db, actor, request.body);
        const created = await Promise.all(result.created.map(async (g) => (await findGroupSummary(db, actor, g.id))!));
        return reply.status(201).send({ created, skipped: result.skipped, warnings: result.warnings });
      },
    );
    app.get(
      "/api/groups/:groupId",
      { config: { access: access.tool(TOOLS.toolRights, "R") }, schema: { tags, summary: "A group with its entries, calendar rights, members and version", params: ZGroupParams, response: { 200: ZGroupDetail } } },
      async (request) => detail(districtActor(request.actor), request.params.groupId),
    );
    app.get(
      "/api/groups/:groupId/rights.csv",
      { config: { access: access.tool(TOOLS.toolRights, "R") }, schema: { tags, summary: "The group's tool rights and calendar rights (CSV)", params: ZGroupParams, response: { 200: z.string().describe("text/csv") } } },
      async (request, reply) => {
        const g = await detail(districtActor(request.actor), request.params.groupId);
        return reply.headers(csvHeaders(`rights-${g.name}`)).send(groupRightsCsv(g));
      },
    );
    app.patch(
      "/api/groups/:groupId",
      { config: { access: access.tool(TOOLS.toolRights, "W", { administers: "rights", role: "student-information-system" }) }, schema: { tags, summary: "Rename a group, describe it or set its member limit", params: ZGroupParams, body: ZUpdateGroup, response: { 200: ZGroupDetail } } },
      async (request) => {
        const actor = districtActor(request.actor);
        await updateGroup(db, actor, request.params.groupId, request.body);
        return detail(actor, request.params.groupId);
      },
    );
    app.get(
      "/api/groups/:groupId/deletion-preview",
      { config: { access: access.tool(TOOLS.toolRights, "D") }, schema: { tags, summary: "What deleting the group would remove, and who would lose rights", params: ZGroupParams, response: { 200: ZDeletionPreview } } },
      async (request) => previewGroupDeletion(deps, districtActor(request.actor), request.params.groupId),
    );
    app.delete(
      "/api/groups/:groupId",
      {
        config: { access: access.tool(TOOLS.toolRights, "D", { administers: "rights", role: "student-information-system" }) },
        schema: { tags, summary: "Delete a group with its rights and memberships", params: ZGroupParams, querystring: z.object({ version: z.coerce.number().pipe(ZVersion) }), response: { 204: z.null() } },
      },
      async (request, reply) => {
        await deleteGroup(deps, districtActor(request.actor), request.params.groupId, request.query.version);
        return reply.status(204).send(null);
      },
    );
    app.put(
      "/api/groups/:groupId/rights",
      {
        config: { access: access.tool(TOOLS.toolRights, "W", { administers: "rights", role: "student-information-system" }) },
        schema: { tags, summary: "Replace the group's tool rights in one audited change", params: ZGroupParams, body: ZReplaceRights, response: { 200: z.object({ version: z.number(), entries: z.array(ZEntry) }) } },
      },
      async (request) => replaceGroupRights(db, districtActor(request.actor), request.params.groupId, request.body, deps.clock.now()),
    );
    app.post(
      "/api/groups/:groupId/rights/preview",
      {
        config: { access: access.tool(TOOLS.toolRights, "R") },
        schema: { tags, summary: "Who would gain or lose what with these tool rights (nothing is saved)", params: ZGroupParams, body: ZReplaceRights.partial({ version: true }), response: { 200: ZRightsPreview } },
      },
      async (request) => previewGroupRights(deps, districtActor(request.actor), request.params.groupId, request.body),
    );
    app.put(
      "/api/groups/:groupId/calendar-rights",
      {
        config: { access: access.tool(TOOLS.calendarRights, "W", { administers: "rights", role: "student-information-system" }) },
        schema: { tags, summary: "Replace the group's calendar rights", params: ZGroupParams, body: ZReplaceGrants, response: { 200: z.object({ version: z.number(), calendarGrants: z.array(ZGrant) }) } },
      },
      async (request) => replaceGroupGrants(db, districtActor(request.actor), request.params.groupId, request.body),
    );
  };
}
