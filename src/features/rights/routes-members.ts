import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import type { AppDeps } from "../../platform/deps.js";
import { access } from "../../platform/http/access.js";
import { getGroup } from "./get-group.js";
import { districtActor } from "./guards.js";
import { addMember, removeMember } from "./manage-members.js";
import { ZAddMember, ZMember, ZMemberQuery, ZRemoveMemberQuery } from "./schema.js";
import { findGroupSummary, pageMembers } from "./repo-groups.js";
import { linkNext, zPage } from "../../platform/http/paging.js";
import { notFound } from "../../platform/http/errors.js";
import { isActiveAt } from "../../domain/rights/model.js";
import { ZDayDate } from "../../domain/calendar-day.js";
import { addMembers, removeMembers } from "./bulk-members.js";
import { importMemberships } from "./import-memberships.js";

const ZUserIds = z.array(z.uuid()).min(1, "Choose at least one person").max(500, "Choose at most 500 people at once");
const MEMBERSHIP = { administers: "membership", role: "sis-group-assignment" } as const;
import { TOOLS } from "./tools.js";

const tags = ["rights"];

/** Group membership: the one rights change the SIS Group Assignment role may make. */
export function memberRoutes(deps: AppDeps): FastifyPluginAsyncZod {
  const { db } = deps.database;
  return async (app) => {
    app.get(
      "/api/groups/:groupId/members",
      { config: { access: access.tool(TOOLS.members, "R") }, schema: { tags, summary: "Members of a group with their dates, one page at a time (Link rel=next, nextCursor, total)", params: z.object({ groupId: z.uuid() }), querystring: ZMemberQuery, response: { 200: zPage(ZMember) } } },
      async (request, reply) => {
        const actor = districtActor(request.actor);
        if (!(await findGroupSummary(db, actor, request.params.groupId))) throw notFound("That group");
        const page = await pageMembers(db, actor, request.params.groupId, request.query);
        const now = deps.clock.now();
        const items = page.items.map((m) => ({ ...m, active: isActiveAt({ ...(m.from ? { from: m.from } : {}), ...(m.until ? { until: m.until } : {}) }, now) }));
        return linkNext(request, reply, { ...page, items });
      },
    );
    app.post(
      "/api/groups/:groupId/members",
      {
        config: { access: access.tool(TOOLS.members, "A", { administers: "membership", role: "sis-group-assignment" }) },
        schema: {
          tags,
          summary: "Add a member (or change the dates of a membership); past the member limit needs confirmOverLimit",
          params: z.object({ groupId: z.uuid() }),
          body: ZAddMember,
          response: { 200: z.object({ overLimit: z.boolean(), members: z.array(ZMember) }) },
        },
      },
      async (request) => {
        const actor = districtActor(request.actor);
        const now = deps.clock.now();
        const { overLimit } = await addMember(db, actor, request.params.groupId, request.body, now);
        return { overLimit, members: (await getGroup(db, actor, request.params.groupId, now)).members };
      },
    );
    app.post(
      "/api/groups/:groupId/members/bulk-add",
      {
        config: { access: access.tool(TOOLS.members, "A", MEMBERSHIP) },
        schema: {
          tags,
          summary: "Add several people at once (all or none; those already members are left as they are)",
          params: z.object({ groupId: z.uuid() }),
          body: z.object({ userIds: ZUserIds, until: ZDayDate.optional(), confirmOverLimit: z.boolean().default(false), confirmPastUntil: z.boolean().default(false) }),
          response: { 200: z.object({ added: z.number(), alreadyMembers: z.number(), overLimit: z.boolean() }) },
        },
      },
      async (request) => addMembers(db, districtActor(request.actor), request.params.groupId, request.body, deps.clock.now()),
    );
    app.post(
      "/api/groups/:groupId/members/bulk-remove",
      {
        config: { access: access.tool(TOOLS.members, "D", MEMBERSHIP) },
        schema: { tags, summary: "Remove several members at once (all or none)", params: z.object({ groupId: z.uuid() }), body: z.object({ userIds: ZUserIds }), response: { 200: z.object({ removed: z.number() }) } },
      },
      async (request) => removeMembers(db, districtActor(request.actor), request.params.groupId, request.body.userIds, deps.clock.now()),
    );
    app.post(
      "/api/memberships/import",
      {
        config: { access: access.tool(TOOLS.members, "A", MEMBERSHIP) },
        schema: {
          tags,
          summary: "Import memberships from CSV rows of username,group: checked in full first (errors by row, nothing written), then added in one transaction",
          body: z.object({ csv: z.string().min(1, "Choose a CSV file").max(1_000_000, "The file is over 1 MB; split it"), confirmOverLimit: z.boolean().default(false) }),
          response: { 200: z.object({ rows: z.number(), added: z.number(), unchanged: z.number() }) },
        },
      },
      async (request) => importMemberships(db, districtActor(request.actor), request.body, deps.clock.now()),
    );
    app.delete(
      "/api/groups/:groupId/members/:userId",
      {
        config: { access: access.tool(TOOLS.members, "D", { administers: "membership", role: "sis-group-assignment" }) },
        schema: { tags, summary: "Remove a member", params: z.object({ groupId: z.uuid(), userId: z.uuid() }), querystring: ZRemoveMemberQuery, response: { 204: z.null() } },
      },
      async (request, reply) => {
        const { expectedFrom, expectedUntil } = request.query;
        const expected = expectedFrom !== undefined || expectedUntil !== undefined ? { from: expectedFrom ?? null, until: expectedUntil ?? null } : undefined;
        await removeMember(db, districtActor(request.actor), request.params.groupId, request.params.userId, deps.clock.now(), expected);
        return reply.status(204).send(null);
      },
    );
  };
}
