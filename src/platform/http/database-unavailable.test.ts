/**
 * While the database cannot be reached the API answers 503 with Retry-After, so clients and
 * load balancers wait and retry, instead of a 500 that reads as a bug.
 */
import { afterAll, describe, expect, it } from "vitest";
import { connectDatabase } from "../db/connect.js";
import { buildDistrict, buildUser } from "../../../test/support/factories.js";
import { createTestApp, signIn, type TestApp } from "../../../test/support/test-app.js";

const opened: TestApp[] = [];
afterAll(async () => {
  for (const t of opened) await t.app.close();
});

function expectUnavailable(res: { statusCode: number; headers: Record<string, unknown>; body: string }) {
  expect(res.statusCode, res.body).toBe(503);
  expect(res.headers["retry-after"]).toBe("5");
  expect(String(res.headers["content-type"])).toMatch(/^application\/problem\+json/);
  expect(JSON.parse(res.body)).toMatchObject({ code: "database-unavailable", requestId: expect.any(String) });
}

describe("the database out of reach", () => {
  it("PostgreSQL refusing connections: 503 with Retry-After, signed in or not", async () => {
    // port 9 (discard) has no listener here: every connection is refused at once
    const database = await connectDatabase({ databaseUrl: "postgres://postgres@127.0.0.1:9/gatehouse" });
    const t = await createTestApp({ database });
    opened.push(t);
    expectUnavailable(await t.app.inject({ method: "POST", url: "/api/auth/sign-in", payload: { username: "kim", password: "not-a-secret" } }));
    expectUnavailable(await t.app.inject({ method: "GET", url: "/api/auth/me", headers: { cookie: "gh_session=abc" } }));
    expect((await t.app.inject({ method: "GET", url: "/healthz" })).statusCode).not.toBe(500);
    await database.close();
  });

  it("the database closed under a running server (pool ended, or PGlite closed): 503, not 500", async () => {
    const t = await createTestApp();
    const district = await buildDistrict(t.database.db);
    const user = await buildUser(t.database.db, { districtId: district.id });
    const client = await signIn(t.app, { district: district.slug, username: user.username });
    await t.database.close();
    expectUnavailable(await client.get("/api/auth/me"));
    await t.app.close();
  });
});
