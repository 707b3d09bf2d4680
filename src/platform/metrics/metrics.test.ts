import net from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildDistrict, buildUser } from "../../../test/support/factories.js";
import { sweepOn, timeline } from "../../../test/support/lifecycle.js";
import { createTestApp, signIn, type TestApp } from "../../../test/support/test-app.js";
import { deliverOutbox } from "../mail/deliver-outbox.js";
import { enqueueEmail } from "../mail/enqueue-email.js";

let t: TestApp;
beforeAll(async () => (t = await createTestApp()));
afterAll(() => t.close());

async function scrape(app = t.app): Promise<string> {
  const res = await app.inject({ method: "GET", url: "/metrics" });
  expect(res.statusCode).toBe(200);
  expect(res.headers["content-type"]).toContain("text/plain");
  return res.body;
}

/** The value of one sample, e.g. value(text, 'gatehouse_active_sessions'); 0 when absent. */
function value(text: string, sample: string): number {
  const line = text.split("\n").find((l) => l.startsWith(sample + " "));
  return line ? Number(line.slice(sample.length + 1)) : 0;
}

describe("metrics on the main port", () => {
  it("count and time requests by route pattern and status", async () => {
    const before = value(await scrape(), 'gatehouse_http_request_duration_seconds_count{method="GET",route="/healthz",status="200"}');
    await t.app.inject({ method: "GET", url: "/healthz" });
    await t.app.inject({ method: "GET", url: "/healthz" });
    await t.app.inject({ method: "GET", url: "/api/no-such-route" });
    const text = await scrape();
    expect(value(text, 'gatehouse_http_request_duration_seconds_count{method="GET",route="/healthz",status="200"}')).toBe(before + 2);
    expect(value(text, 'gatehouse_http_request_duration_seconds_count{method="GET",route="unmatched",status="404"}')).toBeGreaterThanOrEqual(1);
    expect(text).toContain('gatehouse_http_request_duration_seconds_bucket{le="0.005",method="GET",route="/healthz",status="200"}');
  });

  it("show active sessions and rights compiles after a sign-in", async () => {
    const district = await buildDistrict(t.database.db);
    const user = await buildUser(t.database.db, { districtId: district.id });
    const compiles = value(await scrape(), 'gatehouse_rights_compile_duration_seconds_count{kind="full"}');
    const client = await signIn(t.app, { district: district.slug, username: user.username });
    expect((await client.get("/api/auth/me")).statusCode).toBe(200);
    const text = await scrape();
    expect(value(text, "gatehouse_active_sessions")).toBeGreaterThanOrEqual(1);
    expect(value(text, 'gatehouse_rights_compile_duration_seconds_count{kind="full"}')).toBeGreaterThan(compiles);
  });

  it("show the outbox depth and delivery failures", async () => {
    const depth = value(await scrape(), 'gatehouse_outbox_depth{status="pending"}');
    await enqueueEmail(t.database.db, { districtId: null, kind: "test", to: "x@example.org", subject: "s", text: "t", html: "<p>t</p>" });
    expect(value(await scrape(), 'gatehouse_outbox_depth{status="pending"}')).toBe(depth + 1);

    const refusing = { send: () => Promise.reject(Object.assign(new Error("mailbox unavailable"), { responseCode: 550 })), close: () => undefined };
    const report = await deliverOutbox(t.database, refusing, { now: () => new Date() });
    expect(report.failed).toBeGreaterThanOrEqual(1);
    expect(value(await scrape(), 'gatehouse_mail_delivery_failures_total{outcome="failed"}')).toBe(report.failed);
  });

  it("count sweep runs and their actions by stage", async () => {
    const runs = value(await scrape(), "gatehouse_sweep_runs_total");
    await sweepOn(t.database, timeline("2026-01-05").day(0));
    const text = await scrape();
    expect(value(text, "gatehouse_sweep_runs_total")).toBe(runs + 1);
  });

  it("show the PostgreSQL pool's use", async () => {
    const text = await scrape();
    if (t.database.kind === "postgres") expect(value(text, 'gatehouse_db_pool_connections{state="max"}')).toBe(t.deps.config.databasePoolSize);
    else expect(text).not.toContain("gatehouse_db_pool_connections");
  });
});

describe("who may read /metrics", () => {
  it("without METRICS_TOKEN: requests made on this machine directly, not through a proxy or from elsewhere", async () => {
    expect((await t.app.inject({ method: "GET", url: "/metrics", remoteAddress: "10.1.2.3" })).statusCode).toBe(404);
    const proxied = await t.app.inject({ method: "GET", url: "/metrics", headers: { "x-forwarded-for": "203.0.113.9" } });
    expect(proxied.statusCode).toBe(404);
  });

  it("with METRICS_TOKEN: only a bearer of that token, from anywhere", async () => {
    const token = "metrics-token-0123456789";
    const app = await createTestApp({ database: t.database, env: { METRICS_TOKEN: token } });
    try {
      expect((await app.app.inject({ method: "GET", url: "/metrics" })).statusCode).toBe(404);
      const wrong = await app.app.inject({ method: "GET", url: "/metrics", headers: { authorization: "Bearer metrics-token-wrong-000000" } });
      expect(wrong.statusCode).toBe(404);
      const right = await app.app.inject({ method: "GET", url: "/metrics", remoteAddress: "10.1.2.3", headers: { authorization: `Bearer ${token}` } });
      expect(right.statusCode).toBe(200);
      expect(right.body).toContain("gatehouse_http_request_duration_seconds");
    } finally {
      await app.app.close();
    }
  });

  it("with METRICS_PORT: served on that port alone", async () => {
    const metricsPort = await freePort();
    const app = await createTestApp({ database: t.database, env: { METRICS_PORT: String(metricsPort), HOST: "127.0.0.1" } });
    try {
      await app.app.listen({ port: 0, host: "127.0.0.1" });
      expect((await app.app.inject({ method: "GET", url: "/metrics" })).statusCode).toBe(404);
      const res = await fetch(`http://127.0.0.1:${metricsPort}/metrics`);
      expect(res.status).toBe(200);
      expect(await res.text()).toContain("gatehouse_active_sessions");
      expect((await fetch(`http://127.0.0.1:${metricsPort}/api/auth/me`)).status).toBe(404);
    } finally {
      await app.app.close();
    }
  });
});

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer().listen(0, "127.0.0.1", () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
    server.once("error", reject);
  });
}
