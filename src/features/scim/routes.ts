import type { FastifyReply, FastifyRequest } from "fastify";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import type { AppDeps } from "../../platform/deps.js";
import { access } from "../../platform/http/access.js";
import type { DistrictActor } from "../../platform/http/actor.js";
import { portalBaseUrl } from "../lifecycle/sweep-options.js";
import { districtActor } from "../rights/guards.js";
import { filterToSql } from "./filter-sql.js";
import { projectAttributes, wantsAttribute, type AttributeQuery } from "./project-attributes.js";
import { groupResource, userResource } from "./resources.js";
import { handleScimError, ScimError } from "./scim-error.js";
import { BULK_MAX_OPERATIONS, BULK_MAX_PAYLOAD, runBulk } from "./scim-bulk.js";
import { scimOperations, type ScimOutcome } from "./scim-operations.js";
import { sortToSql } from "./sort-sql.js";
import { GROUP_FILTERS, pageGroups, pageUsers, USER_FILTERS } from "./scim-repo.js";
import { MAX_PAGE, resourceTypes, SCIM_CONTENT_TYPE, SCIM_LIST, schemas, serviceProviderConfig } from "./scim-schemas.js";

const tags = ["scim"];
const SCIM = access.scim();
const ZId = z.object({ id: z.string().max(100) });
const ZList = z.object({
  filter: z.string().max(2000).optional(),
  startIndex: z.string().max(12).optional(),
  count: z.string().max(12).optional(),
  sortBy: z.string().max(200).optional(),
  sortOrder: z.string().max(20).optional(),
  attributes: z.string().max(500).optional(),
  excludedAttributes: z.string().max(500).optional(),
});
const ZAttributes = ZList.pick({ attributes: true, excludedAttributes: true });
type ListQuery = z.infer<typeof ZList>;

/** RFC 7644 §3.4.2.4: startIndex is 1-based (less counts as 1); count 0 answers only the total. */
function paging(q: ListQuery) {
  const start = Math.max(1, Number.parseInt(q.startIndex ?? "1", 10) || 1);
  const given = Number.parseInt(q.count ?? String(100), 10);
  const count = Number.isNaN(given) ? 100 : Math.min(MAX_PAGE, Math.max(0, given));
  return { start, count };
}

function send(reply: FastifyReply, status: number, body: { meta?: { version: string } } | object, query: AttributeQuery = {}) {
  const version = (body as { meta?: { version?: string } }).meta?.version;
  if (version) reply.header("etag", version);
  return reply.status(status).type(SCIM_CONTENT_TYPE).send(projectAttributes(body as Record<string, unknown>, query));
}

const list = (resources: object[], total: number, start: number, query: AttributeQuery = {}) => ({
  schemas: [SCIM_LIST],
  totalResults: total,
  startIndex: start,
  itemsPerPage: resources.length,
  Resources: resources.map((r) => projectAttributes(r as Record<string, unknown>, query)),
});

/**
 * SCIM 2.0 (RFC 7643/7644) at /scim/v2 for a token with the scim scope. Users and group
 * membership only: nothing here reads or sets a Product Security Role or a tool right. Every
 * change is made, and audited, as the token's service account.
 */
export function scimRoutes(deps: AppDeps): FastifyPluginAsyncZod {
  const { db } = deps.database;
  const base = () => `${portalBaseUrl(deps.config).replace(/\/+$/, "")}/scim/v2`;
  const actorOf = (request: FastifyRequest): DistrictActor => districtActor(request.actor);
  const ops = scimOperations(db, () => deps.clock.now(), base);
  const ifMatch = (request: FastifyRequest) => (typeof request.headers["if-match"] === "string" ? request.headers["if-match"] : undefined);
  const answer = (reply: FastifyReply, outcome: ScimOutcome) => (outcome.resource ? send(reply, outcome.status, outcome.resource) : reply.status(outcome.status).send());
  return async (app) => {
    app.setErrorHandler(handleScimError);
    app.addContentTypeParser("application/scim+json", { parseAs: "string" }, app.getDefaultJsonParser("error", "ignore"));
    const route = { config: { access: SCIM } };

    app.get("/scim/v2/ServiceProviderConfig", { ...route, schema: { tags, summary: "What this SCIM service supports" } }, async (_r, reply) => send(reply, 200, serviceProviderConfig(base())));
    app.get("/scim/v2/ResourceTypes", { ...route, schema: { tags, summary: "User and Group" } }, async (_r, reply) => {
      const all = resourceTypes(base());
      return send(reply, 200, list(all, all.length, 1));
    });
    app.get("/scim/v2/ResourceTypes/:id", { ...route, schema: { tags, summary: "One resource type", params: ZId } }, async (request, reply) => {
      const found = resourceTypes(base()).find((t) => t.id === request.params.id);
      if (!found) throw new ScimError(404, `No resource type "${request.params.id}".`);
      return send(reply, 200, found);
    });
    app.get("/scim/v2/Schemas", { ...route, schema: { tags, summary: "The schemas served" } }, async (_r, reply) => {
      const all = schemas(base());
      return send(reply, 200, list(all, all.length, 1));
    });
    app.get("/scim/v2/Schemas/:id", { ...route, schema: { tags, summary: "One schema", params: ZId } }, async (request, reply) => {
      const found = schemas(base()).find((s) => s.id === request.params.id);
      if (!found) throw new ScimError(404, `No schema "${request.params.id}".`);
      return send(reply, 200, found);
    });

    app.post(
      "/scim/v2/Bulk",
      { ...route, bodyLimit: BULK_MAX_PAYLOAD, schema: { tags, summary: `Many User and Group changes in one request (RFC 7644 §3.7): POST, PUT, PATCH, DELETE with bulkId references and failOnErrors; at most ${BULK_MAX_OPERATIONS} operations and ${BULK_MAX_PAYLOAD} bytes` } },
      async (request, reply) => send(reply, 200, await runBulk(ops, actorOf(request), request.body, (error) => request.log.error({ err: error }, "SCIM bulk operation failed"))),
    );
    app.get("/scim/v2/Users", { ...route, schema: { tags, summary: "Find users (filter, sortBy, sortOrder, startIndex, count, attributes, excludedAttributes)", querystring: ZList } }, async (request, reply) => {
      const actor = actorOf(request);
      const q = request.query;
      const { start, count } = paging(q);
      const where = q.filter ? filterToSql(q.filter, USER_FILTERS) : undefined;
      const page = await pageUsers(db, actor, where, start - 1, count, sortToSql(q.sortBy, q.sortOrder, USER_FILTERS));
      return send(reply, 200, list(page.rows.map((r) => userResource(r, base())), page.total, start, q));
    });
    app.post("/scim/v2/Users", { ...route, schema: { tags, summary: "Create a user" } }, async (request, reply) => {
      return answer(reply, await ops.create("Users", actorOf(request), request.body));
    });
    app.get("/scim/v2/Users/:id", { ...route, schema: { tags, summary: "One user (attributes, excludedAttributes)", params: ZId, querystring: ZAttributes } }, async (request, reply) =>
      send(reply, 200, await ops.user(actorOf(request), request.params.id), request.query),
    );
    app.put("/scim/v2/Users/:id", { ...route, schema: { tags, summary: "Replace a user (Okta deactivates with active:false here)", params: ZId } }, async (request, reply) => {
      return answer(reply, await ops.replace("Users", actorOf(request), request.params.id, request.body, ifMatch(request)));
    });
    app.patch("/scim/v2/Users/:id", { ...route, schema: { tags, summary: "Change a user with PATCH operations (Entra's and Okta's shapes)", params: ZId } }, async (request, reply) => {
      return answer(reply, await ops.patch("Users", actorOf(request), request.params.id, request.body, ifMatch(request)));
    });
    app.delete("/scim/v2/Users/:id", { ...route, schema: { tags, summary: "Deprovision a user: disabled, sessions ended, hidden from SCIM", params: ZId } }, async (request, reply) => {
      return answer(reply, await ops.remove("Users", actorOf(request), request.params.id, ifMatch(request)));
    });

    app.get("/scim/v2/Groups", { ...route, schema: { tags, summary: "Find groups (filter, sortBy, sortOrder, startIndex, count, attributes, excludedAttributes=members)", querystring: ZList } }, async (request, reply) => {
      const actor = actorOf(request);
      const q = request.query;
      const { start, count } = paging(q);
      const where = q.filter ? filterToSql(q.filter, GROUP_FILTERS) : undefined;
      const withMembers = wantsAttribute(q, "members");
      const page = await pageGroups(db, actor, where, start - 1, count, withMembers, sortToSql(q.sortBy, q.sortOrder, GROUP_FILTERS));
      return send(reply, 200, list(page.rows.map((r) => groupResource(r, base(), withMembers)), page.total, start, q));
    });
    app.post("/scim/v2/Groups", { ...route, schema: { tags, summary: "Create a group, or take on the user group of that name" } }, async (request, reply) => {
      return answer(reply, await ops.create("Groups", actorOf(request), request.body));
    });
    app.get("/scim/v2/Groups/:id", { ...route, schema: { tags, summary: "One group (attributes, excludedAttributes=members)", params: ZId, querystring: ZAttributes } }, async (request, reply) =>
      send(reply, 200, await ops.group(actorOf(request), request.params.id, wantsAttribute(request.query, "members")), request.query),
    );
    app.put("/scim/v2/Groups/:id", { ...route, schema: { tags, summary: "Replace a group's name and members", params: ZId } }, async (request, reply) => {
      return answer(reply, await ops.replace("Groups", actorOf(request), request.params.id, request.body, ifMatch(request)));
    });
    app.patch("/scim/v2/Groups/:id", { ...route, schema: { tags, summary: "Change a group's name or members with PATCH operations", params: ZId } }, async (request, reply) => {
      return answer(reply, await ops.patch("Groups", actorOf(request), request.params.id, request.body, ifMatch(request)));
    });
    app.delete("/scim/v2/Groups/:id", { ...route, schema: { tags, summary: "Stop managing a group over SCIM: its SCIM-visible members are removed; the group and its rights stay", params: ZId } }, async (request, reply) => {
      return answer(reply, await ops.remove("Groups", actorOf(request), request.params.id, ifMatch(request)));
    });
  };
}
