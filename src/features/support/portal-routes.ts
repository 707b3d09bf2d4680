import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import type { AppDeps } from "../../platform/deps.js";
import { access } from "../../platform/http/access.js";
import { linkNext, zPage } from "../../platform/http/paging.js";
import { searchDistrictUsers } from "../contacts/repo.js";
import { requirePortalContact } from "../contacts/require-portal-contact.js";
import { ZDistrictUser } from "../contacts/schema.js";
import { addAttachment, readAttachment } from "./attachments.js";
import { setCaseOpen } from "./close-reopen-case.js";
import { commentAsContact } from "./comment-on-case.js";
import { fileModifyContact } from "./file-modify-contact.js";
import { fileUpdateRequest, loadUpdateRequestPage } from "./file-update-request.js";
import { getCaseForContact } from "./get-case.js";
import { readUpload, sendAttachment } from "./http-files.js";
import { pageCaseSummaries } from "./repo.js";
import { loadPortalHome } from "./load-portal-home.js";
import { setWatcher } from "./manage-watchers.js";
import { openCase } from "./open-case.js";
import { ZAttachmentMeta, ZCaseDetail, ZCaseQuery, ZCaseRef, ZCaseSummary, ZComment, ZNewCase, ZNewModifyContact, ZNewUpdateRequest, ZPortalContact, ZUpdateRequest, ZUpdateRequestPage } from "./schema.js";

const ZCaseParams = z.object({ caseId: z.uuid() });
const ZPortalHome = z.object({
  contact: ZPortalContact.extend({ lastActivityAt: z.date() }),
  district: z.object({ id: z.string(), name: z.string(), cloudChoice: z.boolean() }),
  contacts: z.array(ZPortalContact),
  openCases: z.number(),
});
const NOT_CONTACT = "Only active authorized contacts of the district pass; anyone else gets 403 not-authorized-contact with the district's `contacts`.";

/**
 * The district side of the Support Case Portal. Its gate is the authorized contact designation
 * (requirePortalContact), not a tool right: `access.authenticated()` plus the check in each
 * handler, as the seed makes contacts — and only contacts — the people who may use it.
 */
export async function registerPortalRoutes(app: FastifyInstance, deps: AppDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { db } = deps.database;
  const config = { access: access.authenticated() };
  const gate = (actor: Parameters<typeof requirePortalContact>[1] | undefined) => requirePortalContact(db, actor!);
  const tags = ["support portal"];

  r.get("/api/support/portal", { config, schema: { tags, summary: "Portal home (records the contact's portal sign-in)", description: NOT_CONTACT, response: { 200: ZPortalHome } } }, async (request) =>
    loadPortalHome(deps, request.actor!),
  );

  r.get("/api/support/cases", { config, schema: { tags, summary: "The district's cases, one page at a time (Link rel=next, nextCursor, total)", querystring: ZCaseQuery.omit({ districtId: true, assignee: true }), response: { 200: zPage(ZCaseSummary) } } }, async (request, reply) => {
    const caller = await gate(request.actor);
    return linkNext(request, reply, await pageCaseSummaries(db, caller.actor, { ...request.query, assignee: "any" }));
  });

  r.post("/api/support/cases", { config, schema: { tags, summary: "Open a case", body: ZNewCase, response: { 201: ZCaseRef } } }, async (request, reply) => {
    const c = await openCase(deps, await gate(request.actor), request.body);
    return reply.status(201).send({ id: c.id, number: c.number });
  });

  r.get("/api/support/cases/:caseId", { config, schema: { tags, summary: "A case with its timeline", params: ZCaseParams, response: { 200: ZCaseDetail } } }, async (request) =>
    getCaseForContact(db, await gate(request.actor), request.params.caseId),
  );

  r.post("/api/support/cases/:caseId/comments", { config, schema: { tags, summary: "Add a comment", params: ZCaseParams, body: ZComment, response: { 204: z.null() } } }, async (request, reply) => {
    await commentAsContact(deps, await gate(request.actor), request.params.caseId, request.body.body);
    return reply.status(204).send(null);
  });

  for (const [verb, open] of [["close", false], ["reopen", true]] as const) {
    r.post(`/api/support/cases/:caseId/${verb}`, { config, schema: { tags, summary: `${verb === "close" ? "Close" : "Reopen"} a case`, params: ZCaseParams, response: { 204: z.null() } } }, async (request, reply) => {
      await setCaseOpen(deps, await gate(request.actor), request.params.caseId, open);
      return reply.status(204).send(null);
    });
  }

  const ZWatcherParams = ZCaseParams.extend({ contactId: z.uuid() });
  r.put("/api/support/cases/:caseId/watchers/:contactId", { config, schema: { tags, summary: "Add a colleague (authorized contact) as watcher", params: ZWatcherParams, response: { 204: z.null() } } }, async (request, reply) => {
    await setWatcher(deps, await gate(request.actor), request.params.caseId, request.params.contactId, true);
    return reply.status(204).send(null);
  });
  r.delete("/api/support/cases/:caseId/watchers/:contactId", { config, schema: { tags, summary: "Remove a watcher", params: ZWatcherParams, response: { 204: z.null() } } }, async (request, reply) => {
    await setWatcher(deps, await gate(request.actor), request.params.caseId, request.params.contactId, false);
    return reply.status(204).send(null);
  });

  r.post("/api/support/cases/:caseId/attachments", { config, schema: { tags, summary: "Attach a file (multipart field \"file\", at most 10 MB)", consumes: ["multipart/form-data"], params: ZCaseParams, response: { 201: ZAttachmentMeta } } }, async (request, reply) => {
    const caller = await gate(request.actor);
    const file = await readUpload(request);
    const uploader = { userId: caller.actor.userId, username: caller.actor.username, name: caller.actor.displayName, side: "district" as const, contactId: caller.contact.id };
    return reply.status(201).send(await addAttachment(deps, caller.actor, request.params.caseId, uploader, file));
  });

  r.get("/api/support/attachments/:attachmentId", { config, schema: { tags, summary: "Download an attachment", params: z.object({ attachmentId: z.uuid() }), response: { 200: z.string().describe("the file, as a download") } } }, async (request, reply) => {
    const caller = await gate(request.actor);
    return sendAttachment(reply, await readAttachment(deps, caller.actor, request.params.attachmentId));
  });

  r.get("/api/support/users", {
    config,
    schema: { tags, summary: "District users, for a Modify Support Contact request", querystring: z.object({ search: z.string().trim().max(100).default("") }), response: { 200: z.array(ZDistrictUser) } },
  }, async (request) => searchDistrictUsers(db, (await gate(request.actor)).actor, request.query.search));

  r.post("/api/support/modify-contact", { config, schema: { tags, summary: "File a Modify Support Contact case (add, remove, change type, reactivate)", body: ZNewModifyContact, response: { 201: ZCaseRef } } }, async (request, reply) => {
    const c = await fileModifyContact(deps, await gate(request.actor), request.body);
    return reply.status(201).send({ id: c.id, number: c.number });
  });

  r.get("/api/support/update-requests", { config, schema: { tags, summary: "Update Requests: the district's requests and whether the caller may file", response: { 200: ZUpdateRequestPage } } }, async (request) =>
    loadUpdateRequestPage(db, await gate(request.actor)),
  );

  r.post("/api/support/update-requests", { config, schema: { tags, summary: "File a sandbox refresh, staging refresh or version update (technical contacts)", body: ZNewUpdateRequest, response: { 201: ZUpdateRequest } } }, async (request, reply) =>
    reply.status(201).send(await fileUpdateRequest(deps, await gate(request.actor), request.body)),
  );
}

