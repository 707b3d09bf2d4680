import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildDistrict, buildUser, TEST_PASSWORD } from "../../../test/support/factories.js";
import { createTestApp, type TestApp } from "../../../test/support/test-app.js";
import { LOCKOUT } from "../../domain/auth/lockout.js";
import { loadConfig } from "../config.js";

let plain: TestApp;
let proxied: TestApp;
let district: Awaited<ReturnType<typeof buildDistrict>>;
beforeAll(async () => {
  plain = await createTestApp();
  proxied = await createTestApp({ database: plain.database, env: { TRUST_PROXY: "127.0.0.1" } });
  district = await buildDistrict(plain.database.db);
});
afterAll(async () => {
  await proxied.close();
  await plain.close();
});

const viaProxy = (app: TestApp, username: string, password: string, client: string) =>
  app.app.inject({
    method: "POST",
    url: "/api/auth/sign-in",
    remoteAddress: "127.0.0.1",
    headers: { "x-forwarded-for": client, "x-forwarded-proto": "https" },
    payload: { district: district.slug, username, password },
  });

describe("TRUST_PROXY", () => {
  it("takes https and the client's address from the proxy: a Secure cookie, the real address on the session", async () => {
    const user = await buildUser(plain.database.db, { districtId: district.id });
    const res = await viaProxy(proxied, user.username, TEST_PASSWORD, "203.0.113.50");
    expect(res.cookies[0]).toMatchObject({ name: "gh_session", secure: true });
    const [session] = await plain.database.query<{ ip: string }>("select ip from sessions where user_id = $1", [user.id]);
    expect(session!.ip).toBe("203.0.113.50");
  });

  it("is ignored when not set: no Secure cookie, the proxy's own address", async () => {
    const user = await buildUser(plain.database.db, { districtId: district.id });
    const res = await viaProxy(plain, user.username, TEST_PASSWORD, "203.0.113.51");
    expect(res.cookies[0]!.secure).toBeFalsy();
    const [session] = await plain.database.query<{ ip: string }>("select ip from sessions where user_id = $1", [user.id]);
    expect(session!.ip).toBe("127.0.0.1");
  });

  it("lockout counts the address the proxy names only when trusted", async () => {
    const user = await buildUser(plain.database.db, { districtId: district.id });
    for (let i = 0; i < LOCKOUT.perAddress; i++) await viaProxy(proxied, user.username, "wrong-password-x", "198.51.100.60");
    expect((await viaProxy(proxied, user.username, TEST_PASSWORD, "198.51.100.60")).statusCode).toBe(401);
    expect((await viaProxy(proxied, user.username, TEST_PASSWORD, "198.51.100.61")).statusCode).toBe(200);

    // Untrusted, a forged X-Forwarded-For does not give an attacker a fresh address per attempt.
    const other = await buildUser(plain.database.db, { districtId: district.id });
    for (let i = 0; i < LOCKOUT.perAddress; i++) await viaProxy(plain, other.username, "wrong-password-x", `198.51.100.${70 + i}`);
    expect((await viaProxy(plain, other.username, TEST_PASSWORD, "198.51.100.99")).statusCode).toBe(401);
  });

  it("reads the variable: true, hops, addresses; refuses nonsense with its name", () => {
    expect(loadConfig({ TRUST_PROXY: "true" }).trustProxy).toBe(true);
    expect(loadConfig({ TRUST_PROXY: "2" }).trustProxy).toBe(2);
    expect(loadConfig({ TRUST_PROXY: "10.0.0.0/8, 127.0.0.1" }).trustProxy).toEqual(["10.0.0.0/8", "127.0.0.1"]);
    expect(loadConfig({}).trustProxy).toBe(false);
    expect(() => loadConfig({ TRUST_PROXY: "yes please" })).toThrow(/TRUST_PROXY/);
  });
});
