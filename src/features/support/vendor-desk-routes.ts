import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import type { AppDeps } from "../../platform/deps.js";
import { access } from "../../platform/http/access.js";
import { createCannedReply, deleteCannedReply, listCannedReplies, updateCannedReply, ZCannedReply, ZCannedReplyInput, ZCannedReplyUpdate } from "./canned-replies.js";
import { getNotificationPreferences, setNotificationPreferences, ZNotificationPreferences } from "./notification-preferences.js";
import { deleteQueueView, listQueueViews, saveQueueView, ZNewQueueView, ZQueueView } from "./queue-views.js";

/** The agent's desk: their saved views of the queue, their new-case emails, and the vendor's shared canned replies. */
export async function registerVendorDeskRoutes(app: FastifyInstance, deps: AppDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { db } = deps.database;
  const config = { access: access.vendor() };
  const tags = ["vendor"];

  r.get("/api/vendor/queue-views", { config, schema: { tags, summary: "The signed-in agent's saved views of the case queue", response: { 200: z.array(ZQueueView) } } }, async (request) => listQueueViews(db, request.actor!));
  r.post("/api/vendor/queue-views", { config, schema: { tags, summary: "Save the queue's filters and sort under a name (for this agent only)", body: ZNewQueueView, response: { 201: ZQueueView } } }, async (request, reply) =>
    reply.status(201).send(await saveQueueView(db, request.actor!, request.body)),
  );
  r.delete("/api/vendor/queue-views/:viewId", { config, schema: { tags, summary: "Delete one of your saved views", params: z.object({ viewId: z.uuid() }), response: { 204: z.null() } } }, async (request, reply) => {
    await deleteQueueView(db, request.actor!, request.params.viewId);
    return reply.status(204).send(null);
  });

  r.get("/api/vendor/canned-replies", { config, schema: { tags, summary: "The shared library of canned replies (placeholders such as {{contact.name}} are filled when inserted)", response: { 200: z.array(ZCannedReply) } } }, async () => listCannedReplies(db));
  r.post("/api/vendor/canned-replies", { config, schema: { tags, summary: "Add a canned reply to the shared library", body: ZCannedReplyInput, response: { 201: ZCannedReply } } }, async (request, reply) =>
    reply.status(201).send(await createCannedReply(db, request.actor!, request.body)),
  );
  const ZReplyParams = z.object({ replyId: z.uuid() });
  r.put("/api/vendor/canned-replies/:replyId", { config, schema: { tags, summary: "Edit a canned reply (with the version it was read at)", params: ZReplyParams, body: ZCannedReplyUpdate, response: { 200: ZCannedReply } } }, async (request) =>
    updateCannedReply(db, request.actor!, request.params.replyId, request.body),
  );
  r.delete("/api/vendor/canned-replies/:replyId", { config, schema: { tags, summary: "Remove a canned reply from the library", params: ZReplyParams, response: { 204: z.null() } } }, async (request, reply) => {
    await deleteCannedReply(db, request.actor!, request.params.replyId);
    return reply.status(204).send(null);
  });

  r.get("/api/vendor/notification-preferences", { config, schema: { tags, summary: "Which new cases the signed-in agent is emailed about (none, emergency, all)", response: { 200: ZNotificationPreferences } } }, async (request) => getNotificationPreferences(db, request.actor!));
  r.put("/api/vendor/notification-preferences", { config, schema: { tags, summary: "Choose which new cases you are emailed about", body: ZNotificationPreferences, response: { 200: ZNotificationPreferences } } }, async (request) =>
    setNotificationPreferences(db, request.actor!, request.body),
  );
}
