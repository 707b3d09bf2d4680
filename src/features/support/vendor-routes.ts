import { asc, eq } from "drizzle-orm";
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import type { AppDeps } from "../../platform/deps.js";
import { updateRequests, UPDATE_REQUEST_STATUSES } from "../../platform/db/schema/support.js";
import { users } from "../../platform/db/schema/users.js";
import { access } from "../../platform/http/access.js";
import { linkNext, zPage } from "../../platform/http/paging.js";
import { notFound } from "../../platform/http/errors.js";
import { addAttachment, readAttachment } from "./attachments.js";
import { commentAsVendor } from "./comment-on-case.js";
import { decideModifyContact } from "./decide-modify-contact.js";
import { getCaseForVendor } from "./get-case.js";
import { readUpload, sendAttachment } from "./http-files.js";
import { openEmergencyCase } from "./open-emergency-case.js";
import { processUpdateRequest } from "./process-update-request.js";
import { createRelease } from "./releases.js";
import { findAnyCase, pageCaseSummaries } from "./repo.js";
import {
  ZAttachmentMeta,
  ZCaseDetail,
  ZCaseQuery,
  ZCaseRef,
  ZCaseSummary,
  ZCaseUpdate,
  ZEmergencyCase,
  ZModifyDecision,
  ZNewRelease,
  ZRelease,
  ZUpdateRequest,
  ZUpdateRequestDecision,
  ZVendorComment,
} from "./schema.js";
import { updateCaseAsVendor } from "./update-case.js";
import { listAllReleases, listUpdateRequestRows } from "./update-requests-repo.js";

const ZCaseParams = z.object({ caseId: z.uuid() });

/** The vendor side: the case queue across districts, emergency cases, decisions and update requests. */
export async function registerVendorCaseRoutes(app: FastifyInstance, deps: AppDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { db } = deps.database;
  const config = { access: access.vendor() };
  const tags = ["vendor"];

  r.get("/api/vendor/cases", { config, schema: { tags, summary: "The case queue, one page at a time (Link rel=next, nextCursor, total): filter, search, sort by column (default: emergencies, then priority)", querystring: ZCaseQuery, response: { 200: zPage(ZCaseSummary) } } }, async (request, reply) =>
    linkNext(request, reply, await pageCaseSummaries(db, null, request.query, request.actor!.userId)),
  );

  r.post("/api/vendor/cases", { config, schema: { tags, summary: "Open an emergency case on behalf of an active authorized contact", body: ZEmergencyCase, response: { 201: ZCaseRef } } }, async (request, reply) => {
    const c = await openEmergencyCase(deps, request.actor!, request.body);
    return reply.status(201).send({ id: c.id, number: c.number });
  });

  r.get("/api/vendor/cases/:caseId", { config, schema: { tags, summary: "A case with its full timeline, internal notes included", params: ZCaseParams, response: { 200: ZCaseDetail } } }, async (request) =>
    getCaseForVendor(db, request.params.caseId),
  );

  r.patch("/api/vendor/cases/:caseId", { config, schema: { tags, summary: "Change status, priority or assignee", params: ZCaseParams, body: ZCaseUpdate, response: { 200: ZCaseDetail } } }, async (request) =>
    updateCaseAsVendor(deps, request.actor!, request.params.caseId, request.body),
  );

  r.post("/api/vendor/cases/:caseId/comments", { config, schema: { tags, summary: "Reply to the district, or add an internal note", params: ZCaseParams, body: ZVendorComment, response: { 204: z.null() } } }, async (request, reply) => {
    await commentAsVendor(deps, request.actor!, request.params.caseId, request.body);
    return reply.status(204).send(null);
  });

  r.post("/api/vendor/cases/:caseId/attachments", { config, schema: { tags, summary: "Attach a file (multipart field \"file\")", consumes: ["multipart/form-data"], params: ZCaseParams, response: { 201: ZAttachmentMeta } } }, async (request, reply) => {
    const c = await findAnyCase(db, request.params.caseId);
    if (!c) throw notFound("Case");
    const file = await readUpload(request);
    const actor = request.actor!;
    return reply.status(201).send(await addAttachment(deps, { districtId: c.districtId }, c.id, { userId: actor.userId, username: actor.username, name: actor.displayName, side: "vendor" }, file));
  });

  r.get("/api/vendor/attachments/:attachmentId", { config, schema: { tags, summary: "Download an attachment", params: z.object({ attachmentId: z.uuid() }), response: { 200: z.string().describe("the file, as a download") } } }, async (request, reply) =>
    sendAttachment(reply, await readAttachment(deps, null, request.params.attachmentId)),
  );

  r.post("/api/vendor/cases/:caseId/modify-contact-decision", { config, schema: { tags, summary: "Approve (applies the change) or decline a Modify Support Contact case", params: ZCaseParams, body: ZModifyDecision, response: { 200: ZCaseDetail } } }, async (request) =>
    decideModifyContact(deps, request.actor!, request.params.caseId, request.body),
  );

  r.get("/api/vendor/staff", { config, schema: { tags, summary: "Vendor support staff, to assign cases", response: { 200: z.array(z.object({ id: z.string(), name: z.string(), username: z.string() })) } } }, async () =>
    db.select({ id: users.id, name: users.displayName, username: users.username }).from(users).where(eq(users.kind, "vendor")).orderBy(asc(users.displayName)),
  );

  r.get("/api/vendor/update-requests", { config, schema: { tags, summary: "Update requests from every district", querystring: z.object({ status: z.enum(UPDATE_REQUEST_STATUSES).optional() }), response: { 200: z.array(ZUpdateRequest) } } }, async (request) =>
    listUpdateRequestRows(db, null, request.query.status ? eq(updateRequests.status, request.query.status) : undefined),
  );

  r.post("/api/vendor/update-requests/:requestId/decision", { config, schema: { tags, summary: "Schedule, complete or decline an update request", params: z.object({ requestId: z.uuid() }), body: ZUpdateRequestDecision, response: { 200: ZUpdateRequest } } }, async (request) =>
    processUpdateRequest(deps, request.actor!, request.params.requestId, request.body),
  );

  r.get("/api/vendor/releases", { config, schema: { tags, summary: "Releases districts may update to", response: { 200: z.array(ZRelease) } } }, async () => listAllReleases(db));

  r.post("/api/vendor/releases", { config, schema: { tags, summary: "Publish a release", body: ZNewRelease, response: { 201: ZRelease } } }, async (request, reply) =>
    reply.status(201).send(await createRelease(db, request.actor!, request.body)),
  );
}
