import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import type { AppDeps } from "../../platform/deps.js";
import { access } from "../../platform/http/access.js";
import { notFound } from "../../platform/http/errors.js";
import { linkNext } from "../../platform/http/paging.js";
import { markAllRead, markRead, pageNotifications } from "./repo.js";
import { ZNotificationPage, ZNotificationParams, ZNotificationQuery } from "./schema.js";

const tags = ["notifications"];

/**
 * A signed-in person's own in-app notifications (case events, beside the emails). Any signed-in
 * person may call these; each sees and marks only their own, and another person's id is not found.
 */
export function notificationRoutes(deps: AppDeps): FastifyPluginAsyncZod {
  const { db } = deps.database;
  const config = { access: access.authenticated() };
  return async (app) => {
    app.get(
      "/api/notifications",
      { config, schema: { tags, summary: "My notifications, newest first, a page at a time, with how many are unread", querystring: ZNotificationQuery, response: { 200: ZNotificationPage } } },
      async (request, reply) => linkNext(request, reply, await pageNotifications(db, request.actor!, request.query)),
    );
    app.post(
      "/api/notifications/:notificationId/read",
      { config, schema: { tags, summary: "Mark one of my notifications read", params: ZNotificationParams, response: { 204: z.null() } } },
      async (request, reply) => {
        if (!(await markRead(db, request.actor!, request.params.notificationId, deps.clock.now()))) throw notFound("The notification");
        return reply.status(204).send(null);
      },
    );
    app.post(
      "/api/notifications/read-all",
      { config, schema: { tags, summary: "Mark all my notifications read", response: { 200: z.object({ marked: z.number() }) } } },
      async (request) => ({ marked: await markAllRead(db, request.actor!, deps.clock.now()) }),
    );
  };
}
