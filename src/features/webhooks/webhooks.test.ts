import http from "node:http";
import type { AddressInfo } from "node:net";
import { Webhook } from "standardwebhooks";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { protect } from "../../domain/redaction/redact.js";
import { recordAudit } from "../../platform/audit.js";
import { deliverWebhooks, WEBHOOK_DELIVERY_POLICY } from "../../platform/webhooks/deliver-webhooks.js";
import { claimDueWebhooks } from "../../platform/webhooks/webhook-delivery-repo.js";
import { createWebhookSender } from "../../platform/webhooks/webhook-sender.js";
import { buildRightsDistrict, type RightsDistrict } from "../../../test/support/rights-factories.js";
import { createTestApp, type TestApp } from "../../../test/support/test-app.js";

type Received = { headers: http.IncomingHttpHeaders; body: string };

/** A receiver on 127.0.0.1 that answers with the next status in `answers` (200 once they run out). */
async function startReceiver() {
  const received: Received[] = [];
  const answers: number[] = [];
  const server = http.createServer((req, res) => {
    let body = "";
    req.on("data", (c) => (body += c));
    req.on("end", () => {
      received.push({ headers: req.headers, body });
      res.writeHead(answers.shift() ?? 200).end();
    });
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hooks`;
  return { url, received, answers, close: () => new Promise<void>((r) => server.close(() => r())) };
}

let t: TestApp;
let d: RightsDistrict;
let receiver: Awaited<ReturnType<typeof startReceiver>>;
const send = createWebhookSender({ allowPrivate: true });
const deliverAt = (now: Date) => deliverWebhooks(t.database, send, { now: () => now });
const later = (ms: number) => new Date(Date.now() + ms);

beforeAll(async () => {
  t = await createTestApp({ env: { WEBHOOK_ALLOW_PRIVATE_URLS: "true" } });
  d = await buildRightsDistrict(t.app, t.database.db);
  receiver = await startReceiver();
});
afterAll(async () => {
  await receiver?.close();
  await t?.close();
});

async function addEndpoint(categories: string[], url = receiver.url) {
  const res = await d.admin.client.post("/api/webhooks", { url, categories, description: "SIEM" });
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { endpoint: { id: string }; secret: string };
}

const deliveriesOf = async (endpointId: string) => (await d.admin.client.get(`/api/webhooks/${endpointId}/deliveries`)).json().deliveries as { id: string; status: string; attempts: number; lastError: string | null; messageId: string; eventType: string }[];

describe("signed webhooks (Standard Webhooks)", () => {
  let rights: { endpoint: { id: string }; secret: string };

  it("sends a rights change, signed with the endpoint's secret, to the endpoints that asked for rights changes only", async () => {
    rights = await addEndpoint(["rights"]);
    expect(rights.secret).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);
    const casesOnly = await addEndpoint(["cases"]);

    const group = await d.admin.client.post("/api/groups", { name: "Webhook Readers" });
    expect(group.statusCode).toBe(201);
    expect((await deliverAt(new Date())).delivered).toBe(1);

    expect(receiver.received).toHaveLength(1);
    const [message] = receiver.received;
    const payload = new Webhook(rights.secret).verify(message!.body, message!.headers as Record<string, string>) as { type: string; data: Record<string, unknown> };
    expect(payload).toMatchObject({ type: "group.created", data: { district: { slug: d.slug }, target: { type: "group", id: group.json().id, name: "Webhook Readers" }, actor: { id: d.admin.id } } });
    expect(message!.headers["webhook-id"]).toMatch(/^msg_audit_\d+$/);
    expect(() => new Webhook(casesOnly.secret).verify(message!.body, message!.headers as Record<string, string>)).toThrow();
    expect(await deliveriesOf(casesOnly.endpoint.id)).toEqual([]);
    expect((await deliveriesOf(rights.endpoint.id))[0]).toMatchObject({ status: "delivered", attempts: 1, eventType: "group.created" });
    await d.admin.client.delete(`/api/webhooks/${casesOnly.endpoint.id}`);
  });

  it("retries a refused message later with the same webhook-id, and lists why it failed meanwhile", async () => {
    receiver.received.length = 0;
    receiver.answers.push(503);
    await d.admin.client.post("/api/groups", { name: "Webhook Retry" });
    expect(await deliverAt(new Date())).toMatchObject({ retrying: 1 });
    const [waiting] = await deliveriesOf(rights.endpoint.id);
    expect(waiting).toMatchObject({ status: "pending", attempts: 1, lastError: "The receiver answered HTTP 503." });
    expect(await deliverAt(new Date())).toMatchObject({ claimed: 0 }); // not before its retry time
    expect(await deliverAt(later(WEBHOOK_DELIVERY_POLICY.firstRetryMs + 1_000))).toMatchObject({ delivered: 1 });
    expect(receiver.received.map((r) => r.headers["webhook-id"])).toEqual([waiting!.messageId, waiting!.messageId]);
  });

  it("sends a message again after a server died mid-send, once its lease ran out, with the same webhook-id", async () => {
    receiver.received.length = 0;
    await d.admin.client.post("/api/groups", { name: "Webhook Crash" });
    const [claimed] = await claimDueWebhooks(t.database, new Date(), WEBHOOK_DELIVERY_POLICY.leaseMs, WEBHOOK_DELIVERY_POLICY.maxAttempts, 10);
    expect(claimed).toBeDefined(); // ...and the server that claimed it is gone before it sent
    expect(await deliverAt(new Date())).toMatchObject({ claimed: 0 });
    expect(await deliverAt(later(WEBHOOK_DELIVERY_POLICY.leaseMs + 1_000))).toMatchObject({ delivered: 1 });
    expect(receiver.received.map((r) => r.headers["webhook-id"])).toEqual([claimed!.messageId]);
  });

  it("withholds protected values from the payload: a receiver holds no district rights", async () => {
    receiver.received.length = 0;
    await t.database.db.transaction((tx) =>
      recordAudit(tx, { districtId: d.districtId, actor: null, action: "group.updated", target: { type: "group", id: "g" }, after: { ssn: protect({ tools: ["SSN Rights > SSN for All People"] }, "123-45-6789") } }),
    );
    await deliverAt(new Date());
    expect(receiver.received).toHaveLength(1);
    expect(receiver.received[0]!.body).not.toContain("123-45-6789");
    expect(JSON.parse(receiver.received[0]!.body).data.after).toEqual({ ssn: "withheld" });
  });

  it("stops sending to an endpoint that answers 410 Gone", async () => {
    receiver.received.length = 0;
    receiver.answers.push(410);
    await d.admin.client.post("/api/groups", { name: "Webhook Gone" });
    expect(await deliverAt(new Date())).toMatchObject({ failed: 1 });
    const [endpoint] = (await d.admin.client.get("/api/webhooks")).json().endpoints;
    expect(endpoint).toMatchObject({ id: rights.endpoint.id, enabled: false, failed: 1 });
    await d.admin.client.post("/api/groups", { name: "Webhook While Paused" });
    expect(await deliverAt(later(WEBHOOK_DELIVERY_POLICY.maxRetryMs))).toMatchObject({ claimed: 0 });
    expect(receiver.received).toHaveLength(1);
  });

  it("resumes a paused endpoint, sends a failed message again on request and sends a test message", async () => {
    receiver.received.length = 0;
    expect((await d.admin.client.patch(`/api/webhooks/${rights.endpoint.id}`, { enabled: true })).json()).toMatchObject({ enabled: true });
    const failed = (await deliveriesOf(rights.endpoint.id)).find((x) => x.status === "failed")!;
    expect((await d.admin.client.post(`/api/webhooks/${rights.endpoint.id}/deliveries/${failed.id}/retry`)).statusCode).toBe(202);
    expect((await d.admin.client.post(`/api/webhooks/${rights.endpoint.id}/deliveries/${failed.id}/retry`)).statusCode).toBe(409);
    expect((await d.admin.client.post(`/api/webhooks/${rights.endpoint.id}/test`)).statusCode).toBe(202);
    await deliverAt(new Date());
    const types = receiver.received.map((r) => JSON.parse(r.body).type);
    expect(types).toEqual(expect.arrayContaining(["group.created", "webhook.test"]));
  });

  it("signs with a rotated secret from then on; the audit log never holds a secret", async () => {
    receiver.received.length = 0;
    const rotated = (await d.admin.client.post(`/api/webhooks/${rights.endpoint.id}/rotate-secret`)).json() as { secret: string };
    expect(rotated.secret).not.toBe(rights.secret);
    await d.admin.client.post(`/api/webhooks/${rights.endpoint.id}/test`);
    await deliverAt(new Date());
    const [m] = receiver.received;
    expect(() => new Webhook(rotated.secret).verify(m!.body, m!.headers as Record<string, string>)).not.toThrow();
    const audit = await t.database.query<{ action: string; row: string }>("select action, row_to_json(a)::text as row from audit_log a where action like 'webhook.%'");
    expect(audit.map((a) => a.action)).toEqual(expect.arrayContaining(["webhook.endpoint-created", "webhook.secret-rotated", "webhook.test-sent", "webhook.delivery-retried", "webhook.endpoint-updated", "webhook.endpoint-deleted"]));
    for (const a of audit) expect(a.row).not.toContain("whsec_");
  });

  it("is changed only by a Product Security Role holder, and refuses a bad address with a sentence at the field", async () => {
    expect((await d.staff.client.get("/api/webhooks")).statusCode).toBe(200);
    expect((await d.staff.client.post("/api/webhooks", { url: receiver.url, categories: ["rights"] })).statusCode).toBe(403);
    const bad = await d.admin.client.post("/api/webhooks", { url: "ftp://example.org/x", categories: ["rights"] });
    expect(bad.statusCode).toBe(422);
    expect(bad.json()).toMatchObject({ code: "webhook-url", path: "url", detail: expect.stringMatching(/https:\/\//) });
    const none = await d.admin.client.post("/api/webhooks", { url: receiver.url, categories: [] });
    expect(none.statusCode).toBe(400);
  });
});
