import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import type { AppDeps } from "../../platform/deps.js";
import { access } from "../../platform/http/access.js";
import { linkNext } from "../../platform/http/paging.js";
import { getOutboxMessage, listOutboxPage } from "./list-outbox.js";
import { retryMessage } from "./retry-message.js";
import { ZOutboxMessage, ZOutboxPage, ZOutboxQuery } from "./schema.js";

const ZMessageParams = z.object({ messageId: z.uuid() });

/** Vendor staff read the outbox: what was sent, what waits, what failed and why; and retry failures. */
export function outboxRoutes(deps: AppDeps): FastifyPluginAsyncZod {
  const vendor = { access: access.vendor() };
  return async (app) => {
    app.get(
      "/api/vendor/outbox",
      { config: vendor, schema: { tags: ["outbox"], summary: "Outgoing email: pending, sent and failed, newest first, a page at a time", querystring: ZOutboxQuery, response: { 200: ZOutboxPage } } },
      async (request, reply) => linkNext(request, reply, await listOutboxPage(deps.database, deps.config, request.query)),
    );
    app.get(
      "/api/vendor/outbox/:messageId",
      { config: vendor, schema: { tags: ["outbox"], summary: "One message with its plain text and HTML", params: ZMessageParams, response: { 200: ZOutboxMessage } } },
      async (request) => getOutboxMessage(deps.database, request.params.messageId),
    );
    app.post(
      "/api/vendor/outbox/:messageId/retry",
      { config: vendor, schema: { tags: ["outbox"], summary: "Send a failed message again (audited)", params: ZMessageParams, response: { 200: ZOutboxMessage } } },
      async (request) => retryMessage(deps, request.actor!, request.params.messageId),
    );
  };
}
