/**
 * The database gone for 10 s under a running server (PostgreSQL behind a TCP proxy on
 * 127.0.0.1 that is cut and then restored): every request meanwhile answers 503 with
 * Retry-After, and the first ones after it is back succeed without a restart.
 */
import net from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { connectDatabase, type Database } from "../db/connect.js";
import { buildDistrict, buildUser } from "../../../test/support/factories.js";
import { createTestDatabase } from "../../../test/support/test-db.js";
import { createTestApp, signIn, type TestApp } from "../../../test/support/test-app.js";

const OUTAGE_MS = 10_000;
const onPostgres = Boolean(process.env.TEST_DATABASE_URL);

let real: Database & { url?: string };
let proxied: Database;
let proxy: net.Server;
let up = true;
const sockets = new Set<net.Socket>();
let t: TestApp;

beforeAll(async () => {
  if (!onPostgres) return;
  real = await createTestDatabase();
  const target = new URL(real.url!);
  proxy = net.createServer((client) => {
    if (!up) return void client.destroy();
    const server = net.connect(Number(target.port || 5432), target.hostname);
    for (const s of [client, server]) {
      sockets.add(s);
      s.on("close", () => sockets.delete(s));
      s.on("error", () => undefined);
    }
    client.pipe(server).pipe(client);
    client.on("close", () => server.destroy());
    server.on("close", () => client.destroy());
  });
  await new Promise<void>((resolve) => proxy.listen(0, "127.0.0.1", resolve));
  const via = new URL(real.url!);
  via.hostname = "127.0.0.1";
  via.port = String((proxy.address() as net.AddressInfo).port);
  proxied = await connectDatabase({ databaseUrl: via.toString() });
  t = await createTestApp({ database: proxied });
});
afterAll(async () => {
  if (!onPostgres) return;
  await t?.app.close();
  await proxied?.close();
  for (const s of sockets) s.destroy();
  await new Promise((resolve) => proxy?.close(resolve));
  await real?.close();
});

describe.skipIf(!onPostgres)("the database gone for 10 seconds", () => {
  it("answers 503 with Retry-After throughout, and serves again as soon as it is back", async () => {
    const district = await buildDistrict(real.db);
    const user = await buildUser(real.db, { districtId: district.id });
    const client = await signIn(t.app, { district: district.slug, username: user.username });
    expect((await client.get("/api/auth/me")).statusCode).toBe(200);

    up = false;
    for (const s of sockets) s.destroy();
    const statuses = new Set<number>();
    const until = Date.now() + OUTAGE_MS;
    while (Date.now() < until) {
      const res = await client.get("/api/auth/me");
      statuses.add(res.statusCode);
      expect(res.statusCode, res.body).toBe(503);
      expect(res.headers["retry-after"]).toBe("5");
      await new Promise((r) => setTimeout(r, 500));
    }
    expect([...statuses]).toEqual([503]);

    up = true;
    let back = 0;
    for (let attempt = 0; attempt < 20 && back !== 200; attempt++) {
      back = (await client.get("/api/auth/me")).statusCode;
      if (back !== 200) await new Promise((r) => setTimeout(r, 250));
    }
    expect(back).toBe(200);
  }, 60_000);
});
