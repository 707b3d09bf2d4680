/**
 * "A rights change is seen by the very next request on every server." Two servers over real
 * HTTP: on PostgreSQL (TEST_DATABASE_URL) two `gatehouse serve` processes on one database; on
 * PGlite, which one process owns, two app instances of this process listening on their own ports.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { once } from "node:events";
import { createServer, type AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../platform/db/connect.js";
import { buildDistrict, buildUser, TEST_PASSWORD } from "../../../test/support/factories.js";
import { createTestDatabase } from "../../../test/support/test-db.js";
import { createTestApp, type TestApp } from "../../../test/support/test-app.js";

type Server = { url: string; stop(): Promise<void> };

async function freePort(): Promise<number> {
  const probe = createServer().listen(0, "127.0.0.1");
  await once(probe, "listening");
  const { port } = probe.address() as AddressInfo;
  probe.close();
  return port;
}

async function startProcess(databaseUrl: string): Promise<Server> {
  const port = await freePort();
  const child: ChildProcess = spawn(process.execPath, ["--import", "tsx", "src/cli/main.ts", "serve", "--port", String(port), "--no-demo"], {
    env: { ...process.env, DATABASE_URL: databaseUrl, HOST: "127.0.0.1", LOG_LEVEL: "silent", GATEHOUSE_WEB_DIR: "dist/web" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  await new Promise<void>((resolve, reject) => {
    child.stdout!.on("data", (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes("Gatehouse is running")) resolve();
    });
    child.stderr!.on("data", (chunk: Buffer) => void (output += chunk.toString()));
    child.once("exit", (code) => reject(new Error(`gatehouse serve exited (${code}) before listening:\n${output}`)));
  });
  return {
    url: `http://127.0.0.1:${port}`,
    stop: async () => {
      if (child.exitCode !== null) return;
      child.kill("SIGTERM");
      await once(child, "exit");
    },
  };
}

async function startInProcess(database: Database): Promise<Server> {
  const t: TestApp = await createTestApp({ database });
  const address = await t.app.listen({ port: 0, host: "127.0.0.1" });
  return { url: address, stop: () => t.close() };
}

/** A browser-like HTTP client: keeps the session cookie and sends the CSRF token on writes. */
async function signInOver(server: Server, district: string, username: string) {
  const res = await fetch(`${server.url}/api/auth/sign-in`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ district, username, password: TEST_PASSWORD }),
  });
  expect(res.status, await res.clone().text()).toBe(200);
  const cookie = /gh_session=[^;]+/.exec(res.headers.get("set-cookie") ?? "")![0];
  const me = await (await fetch(`${server.url}/api/auth/me`, { headers: { cookie } })).json();
  const call = async (method: string, path: string, body?: unknown) => {
    const r = await fetch(`${server.url}${path}`, {
      method,
      headers: { cookie, "x-csrf-token": me.csrfToken, ...(body === undefined ? {} : { "content-type": "application/json" }) },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    return { status: r.status, json: r.status === 204 ? null : await r.json() };
  };
  return { get: (p: string) => call("GET", p), post: (p: string, b?: unknown) => call("POST", p, b), put: (p: string, b: unknown) => call("PUT", p, b), delete: (p: string) => call("DELETE", p) };
}

let database: Database & { url?: string };
let servers: Server[] = [];
beforeAll(async () => {
  database = await createTestDatabase();
  const url = database.url;
  // started together on a fresh database: migrations, the catalog sync and pg-boss's set-up
  // must take turns (they once deadlocked in pg-boss's queue creation)
  const start = () => (url ? startProcess(url) : startInProcess(database));
  servers = await Promise.all([start(), start()]);
}, 180_000);
afterAll(async () => {
  await Promise.all(servers.map((s) => s.stop()));
  await database.close();
}, 60_000);

describe(`two servers over HTTP on one database (${process.env.TEST_DATABASE_URL ? "two gatehouse serve processes on PostgreSQL" : "two app instances on PGlite"})`, () => {
  it("a change made through one is seen by the very next request to the other", async () => {
    const [first, second] = servers as [Server, Server];
    const district = await buildDistrict(database.db);
    const admin = await buildUser(database.db, { districtId: district.id, role: "student-information-system" });
    const clerk = await buildUser(database.db, { districtId: district.id });
    const onFirst = await signInOver(first, district.slug, admin.username);
    const onSecond = await signInOver(second, district.slug, clerk.username);
    const users = "/api/users";
    expect((await onSecond.get(users)).status).toBe(404); // warms the second server's compiled rights

    const g = (await onFirst.post("/api/groups", { name: "Account Readers" })).json;
    await onFirst.put(`/api/groups/${g.id}/rights`, { version: g.version, entries: [{ toolPath: "System Administration > User Security > Users", rights: "R" }] });
    expect((await onSecond.get(users)).status).toBe(404); // not a member yet
    expect((await onFirst.post(`/api/groups/${g.id}/members`, { userId: clerk.id })).status).toBe(200);
    expect((await onSecond.get(users)).status).toBe(200);

    const deny = (await onFirst.post("/api/groups", { name: "No User Security" })).json;
    await onFirst.put(`/api/groups/${deny.id}/rights`, { version: deny.version, entries: [{ toolPath: "System Administration > User Security", deny: true }] });
    await onFirst.post(`/api/groups/${deny.id}/members`, { userId: clerk.id });
    expect((await onSecond.get(users)).status).toBe(404); // the deny of another group beats the allow
    expect((await onFirst.delete(`/api/groups/${deny.id}/members/${clerk.id}`)).status).toBe(204);
    expect((await onSecond.get(users)).status).toBe(200);
  });
});
