import { randomBytes, randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { recordAudit } from "../../platform/audit.js";
import type { AppDeps } from "../../platform/deps.js";
import { webhookDeliveries, webhookEndpoints } from "../../platform/db/schema/webhooks.js";
import { inDistrict } from "../../platform/db/tenancy.js";
import type { DistrictActor } from "../../platform/http/actor.js";
import { AppError, notFound } from "../../platform/http/errors.js";
import { urlProblem } from "../../platform/webhooks/webhook-sender.js";
import { auditActor } from "../rights/guards.js";
import { findEndpoint, listEndpoints, requeueFailedDelivery } from "./repo.js";
import type { CreateEndpoint, UpdateEndpoint } from "./schema.js";

/** A Standard Webhooks secret: `whsec_` and 32 random bytes in base64. */
const newSecret = () => `whsec_${randomBytes(32).toString("base64")}`;

async function checkUrl(deps: AppDeps, url: string) {
  const problem = await urlProblem(url, deps.config.webhookAllowPrivateUrls);
  if (problem) throw new AppError(422, "webhook-url", problem, { path: "body.url" });
}

const target = (e: { id: string; url: string }) => ({ type: "webhook-endpoint", id: e.id, name: e.url });
const described = (e: { url: string; description: string; eventTypes: string[]; enabled: boolean }) => ({ url: e.url, description: e.description, categories: e.eventTypes, enabled: e.enabled });

async function endpointOrNotFound(deps: AppDeps, actor: DistrictActor, endpointId: string) {
  const [endpoint] = await listEndpoints(deps.database, actor, endpointId);
  if (!endpoint) throw notFound("The webhook endpoint");
  return endpoint;
}

/** Adds an endpoint; its secret is shown this once (the receiver verifies signatures with it). */
export async function createEndpoint(deps: AppDeps, actor: DistrictActor, input: CreateEndpoint) {
  await checkUrl(deps, input.url);
  const secret = newSecret();
  const created = await deps.database.db.transaction(async (tx) => {
    const [row] = await tx.insert(webhookEndpoints).values({ districtId: actor.districtId, url: input.url, description: input.description, eventTypes: input.categories, secret }).returning();
    await recordAudit(tx, { districtId: actor.districtId, actor: auditActor(actor), action: "webhook.endpoint-created", target: target(row!), after: described(row!) });
    return row!;
  });
  return { endpoint: await endpointOrNotFound(deps, actor, created.id), secret };
}

export async function updateEndpoint(deps: AppDeps, actor: DistrictActor, endpointId: string, input: UpdateEndpoint) {
  if (input.url !== undefined) await checkUrl(deps, input.url);
  await deps.database.db.transaction(async (tx) => {
    const before = await findEndpoint(tx, actor, endpointId);
    if (!before) throw notFound("The webhook endpoint");
    const [after] = await tx
      .update(webhookEndpoints)
      .set({ url: input.url, description: input.description, eventTypes: input.categories, enabled: input.enabled })
      .where(inDistrict(webhookEndpoints, actor, eq(webhookEndpoints.id, endpointId)))
      .returning();
    await recordAudit(tx, { districtId: actor.districtId, actor: auditActor(actor), action: "webhook.endpoint-updated", target: target(after!), before: described(before), after: described(after!) });
  });
  return endpointOrNotFound(deps, actor, endpointId);
}

export async function deleteEndpoint(deps: AppDeps, actor: DistrictActor, endpointId: string): Promise<void> {
  await deps.database.db.transaction(async (tx) => {
    const before = await findEndpoint(tx, actor, endpointId);
    if (!before) throw notFound("The webhook endpoint");
    await tx.delete(webhookEndpoints).where(inDistrict(webhookEndpoints, actor, eq(webhookEndpoints.id, endpointId)));
    await recordAudit(tx, { districtId: actor.districtId, actor: auditActor(actor), action: "webhook.endpoint-deleted", target: target(before), before: described(before) });
  });
}

/** A new secret at once; messages still waiting are signed with it when they go out. */
export async function rotateSecret(deps: AppDeps, actor: DistrictActor, endpointId: string) {
  const secret = newSecret();
  await deps.database.db.transaction(async (tx) => {
    const before = await findEndpoint(tx, actor, endpointId);
    if (!before) throw notFound("The webhook endpoint");
    await tx.update(webhookEndpoints).set({ secret }).where(inDistrict(webhookEndpoints, actor, eq(webhookEndpoints.id, endpointId)));
    await recordAudit(tx, { districtId: actor.districtId, actor: auditActor(actor), action: "webhook.secret-rotated", target: target(before) });
  });
  return { endpoint: await endpointOrNotFound(deps, actor, endpointId), secret };
}

/** Queues a `webhook.test` message to this endpoint alone, so a receiver can be checked end to end. */
export async function sendTestEvent(deps: AppDeps, actor: DistrictActor, endpointId: string) {
  await deps.database.db.transaction(async (tx) => {
    const endpoint = await findEndpoint(tx, actor, endpointId);
    if (!endpoint) throw notFound("The webhook endpoint");
    const payload = { type: "webhook.test", timestamp: deps.clock.now().toISOString(), data: { endpointId, requestedBy: auditActor(actor) } };
    await tx.insert(webhookDeliveries).values({ districtId: actor.districtId, endpointId, messageId: `msg_test_${randomUUID()}`, eventType: "webhook.test", payload, nextAttemptAt: deps.clock.now() });
    await recordAudit(tx, { districtId: actor.districtId, actor: auditActor(actor), action: "webhook.test-sent", target: target(endpoint) });
  });
}

export async function retryDelivery(deps: AppDeps, actor: DistrictActor, endpointId: string, deliveryId: string): Promise<void> {
  await deps.database.db.transaction(async (tx) => {
    const endpoint = await findEndpoint(tx, actor, endpointId);
    if (!endpoint) throw notFound("The webhook endpoint");
    if (!(await requeueFailedDelivery(tx, actor, endpointId, deliveryId, deps.clock.now()))) {
      throw new AppError(409, "delivery-not-failed", "Only a failed message can be sent again; this one is delivered or still being tried.");
    }
    await recordAudit(tx, { districtId: actor.districtId, actor: auditActor(actor), action: "webhook.delivery-retried", target: target(endpoint), after: { deliveryId } });
  });
}
