import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { CATEGORY_LABELS, WEBHOOK_CATEGORIES } from "../../domain/webhooks/event-categories.js";
import type { AppDeps } from "../../platform/deps.js";
import { access } from "../../platform/http/access.js";
import { notFound } from "../../platform/http/errors.js";
import { districtActor } from "../rights/guards.js";
import { TOOLS } from "../rights/tools.js";
import { createEndpoint, deleteEndpoint, retryDelivery, rotateSecret, sendTestEvent, updateEndpoint } from "./manage-endpoints.js";
import { findEndpoint, listDeliveries, listEndpoints } from "./repo.js";
import { ZCategoryList, ZCreateEndpoint, ZDelivery, ZDeliveryParams, ZEndpoint, ZEndpointParams, ZEndpointWithSecret, ZUpdateEndpoint } from "./schema.js";

/**
 * A district's signed webhooks (Standard Webhooks) for rights changes, contact changes and case
 * events. They are part of the district's security settings: reading needs R on Account Security
 * Preferences, changing them W and the Student Information System role.
 */
export function webhookRoutes(deps: AppDeps): FastifyPluginAsyncZod {
  const tags = ["webhooks"];
  const read = { access: access.tool(TOOLS.preferences, "R") };
  const change = { access: access.tool(TOOLS.preferences, "W", { administers: "preferences", role: "student-information-system" }) };
  return async (app) => {
    app.get(
      "/api/webhooks/categories",
      { config: read, schema: { tags, summary: "The kinds of events an endpoint can receive", response: { 200: ZCategoryList } } },
      async () => ({ categories: WEBHOOK_CATEGORIES.map((id) => ({ id, label: CATEGORY_LABELS[id] })) }),
    );
    app.get(
      "/api/webhooks",
      { config: read, schema: { tags, summary: "The district's webhook endpoints", response: { 200: z.object({ endpoints: z.array(ZEndpoint) }) } } },
      async (request) => ({ endpoints: await listEndpoints(deps.database, districtActor(request.actor)) }),
    );
    app.post(
      "/api/webhooks",
      { config: change, schema: { tags, summary: "Add an endpoint; its signing secret is shown this once", body: ZCreateEndpoint, response: { 201: ZEndpointWithSecret } } },
      async (request, reply) => reply.code(201).send(await createEndpoint(deps, districtActor(request.actor), request.body)),
    );
    app.patch(
      "/api/webhooks/:endpointId",
      { config: change, schema: { tags, summary: "Change an endpoint's address, events or description, or pause it", params: ZEndpointParams, body: ZUpdateEndpoint, response: { 200: ZEndpoint } } },
      async (request) => updateEndpoint(deps, districtActor(request.actor), request.params.endpointId, request.body),
    );
    app.delete(
      "/api/webhooks/:endpointId",
      { config: change, schema: { tags, summary: "Remove an endpoint and the messages still waiting for it", params: ZEndpointParams } },
      async (request, reply) => {
        await deleteEndpoint(deps, districtActor(request.actor), request.params.endpointId);
        return reply.code(204).send();
      },
    );
    app.post(
      "/api/webhooks/:endpointId/rotate-secret",
      { config: change, schema: { tags, summary: "Replace the signing secret; the new one is shown this once", params: ZEndpointParams, response: { 200: ZEndpointWithSecret } } },
      async (request) => rotateSecret(deps, districtActor(request.actor), request.params.endpointId),
    );
    app.post(
      "/api/webhooks/:endpointId/test",
      { config: change, schema: { tags, summary: "Send a webhook.test message to this endpoint", params: ZEndpointParams } },
      async (request, reply) => {
        await sendTestEvent(deps, districtActor(request.actor), request.params.endpointId);
        return reply.code(202).send();
      },
    );
    app.get(
      "/api/webhooks/:endpointId/deliveries",
      { config: read, schema: { tags, summary: "The endpoint's latest 100 messages: what was sent, what waits, what failed and why", params: ZEndpointParams, response: { 200: z.object({ deliveries: z.array(ZDelivery) }) } } },
      async (request) => {
        const actor = districtActor(request.actor);
        if (!(await findEndpoint(deps.database.db, actor, request.params.endpointId))) throw notFound("The webhook endpoint");
        return { deliveries: await listDeliveries(deps.database.db, actor, request.params.endpointId, 100) };
      },
    );
    app.post(
      "/api/webhooks/:endpointId/deliveries/:deliveryId/retry",
      { config: change, schema: { tags, summary: "Send a failed message again, with the same webhook-id", params: ZDeliveryParams } },
      async (request, reply) => {
        await retryDelivery(deps, districtActor(request.actor), request.params.endpointId, request.params.deliveryId);
        return reply.code(202).send();
      },
    );
  };
}
