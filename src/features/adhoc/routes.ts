import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import type { AppDeps } from "../../platform/deps.js";
import { access } from "../../platform/http/access.js";
import { districtActor } from "../sis/district-actor.js";
import { notFound } from "../../platform/http/errors.js";
import { TOOLS } from "../sis/field-catalog.js";
import { removeFilter } from "./delete-filter.js";
import { presentFilter } from "./filter-access.js";
import { listReadableFields } from "./list-fields.js";
import { listShareGroups } from "./group-membership.js";
import { findVisibleFilter, listVisibleFilters } from "./repo.js";
import { sendCsv, startStream } from "./csv-response.js";
import { exportFilterCsv, previewFilter } from "./run-filter.js";
import { changeFilter, createFilter } from "./save-filter.js";
import { ZDefinition, ZFieldGroup, ZFilter, ZFilterInput, ZFilterUpdate, ZPreview, ZShares } from "./schema.js";
import { shareFilter } from "./share-filter.js";

const tags = ["adhoc"];
const ZFilterParams = z.object({ filterId: z.uuid() });

function csvFilename(name: string) {
  return `${name.replace(/[^A-Za-z0-9._-]+/g, "-").replace(/^-+|-+$/g, "") || "adhoc"}.csv`;
}

export function adhocRoutes(deps: AppDeps): FastifyPluginAsyncZod {
  const db = deps.database.db;
  return async (app) => {
    app.get("/api/adhoc/fields", {
      config: { access: access.tool(TOOLS.adhoc, "R") },
      schema: { tags, summary: "Fields you can read, grouped by tool", response: { 200: z.object({ groups: z.array(ZFieldGroup) }) } },
    }, async (request) => ({ groups: await listReadableFields(db, districtActor(request.actor)) }));

    app.post("/api/adhoc/preview", {
      config: { access: access.tool(TOOLS.filterDesigner, "R") },
      schema: { tags, summary: "Preview the first page of an unsaved filter", body: z.object({ definition: ZDefinition }), response: { 200: ZPreview } },
    }, async (request) => previewFilter(db, districtActor(request.actor), request.body.definition, { strict: true, filterId: null }));

    app.post("/api/adhoc/export", {
      config: { access: access.tool(TOOLS.filterDesigner, "R") },
      schema: { tags, summary: "Export an unsaved filter as CSV (streamed)", body: z.object({ definition: ZDefinition, name: z.string().max(120).optional() }), response: { 200: z.string().describe("text/csv") } },
    }, async (request, reply) => {
      const actor = districtActor(request.actor);
      const stream = await startStream(exportFilterCsv(db, actor, request.body.definition, { strict: true, filterId: null }));
      return sendCsv(reply, csvFilename(request.body.name ?? "adhoc"), stream);
    });

    app.get("/api/adhoc/filters", {
      config: { access: access.tool(TOOLS.adhoc, "R") },
      schema: { tags, summary: "Your filters and those shared with your groups", response: { 200: z.object({ filters: z.array(ZFilter) }) } },
    }, async (request) => {
      const actor = districtActor(request.actor);
      return { filters: (await listVisibleFilters(db, actor, actor.userId)).map((f) => presentFilter(actor, f)) };
    });

    app.post("/api/adhoc/filters", {
      config: { access: access.tool(TOOLS.filterDesigner, "A") },
      schema: { tags, summary: "Save a new filter", body: ZFilterInput, response: { 201: ZFilter } },
    }, async (request, reply) => reply.status(201).send(await createFilter(db, districtActor(request.actor), request.body)));

    app.get("/api/adhoc/filters/:filterId", {
      config: { access: access.tool(TOOLS.adhoc, "R") },
      schema: { tags, summary: "One filter you may run", params: ZFilterParams, response: { 200: ZFilter } },
    }, async (request) => {
      const actor = districtActor(request.actor);
      const row = await findVisibleFilter(db, actor, actor.userId, request.params.filterId);
      if (!row) throw notFound("The filter");
      return presentFilter(actor, row);
    });

    app.put("/api/adhoc/filters/:filterId", {
      config: { access: access.tool(TOOLS.filterDesigner, "W") },
      schema: { tags, summary: "Change a filter you own", params: ZFilterParams, body: ZFilterUpdate, response: { 200: ZFilter } },
    }, async (request) => changeFilter(db, districtActor(request.actor), request.params.filterId, request.body));

    app.delete("/api/adhoc/filters/:filterId", {
      config: { access: access.tool(TOOLS.filterDesigner, "D") },
      schema: { tags, summary: "Delete a filter you own", params: ZFilterParams, response: { 204: z.null() } },
    }, async (request, reply) => {
      await removeFilter(db, districtActor(request.actor), request.params.filterId);
      return reply.status(204).send(null);
    });

    app.put("/api/adhoc/filters/:filterId/shares", {
      config: { access: access.tool(TOOLS.adhoc, "W") },
      schema: { tags, summary: "Share a filter you own with user groups", params: ZFilterParams, body: ZShares, response: { 200: ZFilter } },
    }, async (request) => shareFilter(db, districtActor(request.actor), request.params.filterId, request.body.groupIds));

    // Sharing needs the groups' names, also for a report writer who may not open the user security screens.
    app.get("/api/adhoc/share-groups", {
      config: { access: access.tool(TOOLS.adhoc, "W") },
      schema: { tags, summary: "User groups a filter can be shared with", response: { 200: z.object({ groups: z.array(z.object({ id: z.uuid(), name: z.string() })) }) } },
    }, async (request) => ({ groups: await listShareGroups(db, districtActor(request.actor)) }));

    app.post("/api/adhoc/filters/:filterId/preview", {
      config: { access: access.tool(TOOLS.adhoc, "R") },
      schema: { tags, summary: "Run a saved filter: first page, with only what you may read", params: ZFilterParams, response: { 200: ZPreview } },
    }, async (request) => {
      const actor = districtActor(request.actor);
      const row = await findVisibleFilter(db, actor, actor.userId, request.params.filterId);
      if (!row) throw notFound("The filter");
      return previewFilter(db, actor, row.definition, { strict: false, filterId: row.id });
    });

    app.get("/api/adhoc/filters/:filterId/export.csv", {
      config: { access: access.tool(TOOLS.adhoc, "R") },
      schema: { tags, summary: "Export a saved filter as CSV (streamed, with only what you may read)", params: ZFilterParams, response: { 200: z.string().describe("text/csv") } },
    }, async (request, reply) => {
      const actor = districtActor(request.actor);
      const row = await findVisibleFilter(db, actor, actor.userId, request.params.filterId);
      if (!row) throw notFound("The filter");
      const stream = await startStream(exportFilterCsv(db, actor, row.definition, { strict: false, filterId: row.id }));
      return sendCsv(reply, csvFilename(row.name), stream);
    });
  };
}
