import { spawn, type ChildProcess } from "node:child_process";
import { once } from "node:events";
import { createServer, type AddressInfo } from "node:net";
import { expect } from "vitest";
import type { Database, Db } from "../../src/platform/db/connect.js";
import { buildDistrict, buildUser, TEST_PASSWORD } from "./factories.js";
import { createTestApp, type TestApp } from "./test-app.js";

// Two Gatehouse servers on one database, over real HTTP (two-servers-http and -pgbouncer tests).

export type Server = { url: string; stop(): Promise<void> };

export async function freePort(): Promise<number> {
  const probe = createServer().listen(0, "127.0.0.1");
  await once(probe, "listening");
  const { port } = probe.address() as AddressInfo;
  probe.close();
  return port;
}

export async function startProcess(databaseUrl: string): Promise<Server> {
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

export async function startInProcess(database: Database): Promise<Server> {
  const t: TestApp = await createTestApp({ database });
  const address = await t.app.listen({ port: 0, host: "127.0.0.1" });
  return { url: address, stop: () => t.close() };
}

/** A browser-like HTTP client: keeps the session cookie and sends the CSRF token on writes. */
export async function signInOver(server: Server, district: string, username: string) {
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

/** "A rights change is seen by the very next request on every server": grants, membership, a deny. */
export async function expectRightsChangesSeenAcross(first: Server, second: Server, db: Db): Promise<void> {
    const district = await buildDistrict(db);
    const admin = await buildUser(db, { districtId: district.id, role: "student-information-system" });
    const clerk = await buildUser(db, { districtId: district.id });
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
}
