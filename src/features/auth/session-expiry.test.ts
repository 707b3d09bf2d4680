import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildDistrict, buildUser } from "../../../test/support/factories.js";
import { createTestApp, fixedClock, signIn, type TestApp } from "../../../test/support/test-app.js";

/** ASVS 3.3.1 / 3.3.2: a session ends after SESSION_IDLE_MINUTES unused and SESSION_ABSOLUTE_HOURS in all. */
const clock = fixedClock(new Date("2026-03-02T08:00:00Z"));
let t: TestApp;
let district: Awaited<ReturnType<typeof buildDistrict>>;
beforeAll(async () => {
  t = await createTestApp({ clock, env: { SESSION_IDLE_MINUTES: "30", SESSION_ABSOLUTE_HOURS: "12" } });
  district = await buildDistrict(t.database.db);
});
afterAll(() => t.close());

const minutes = (n: number) => clock.set(new Date(clock.now().getTime() + n * 60_000));
const signedIn = async () => signIn(t.app, { district: district.slug, username: (await buildUser(t.database.db, { districtId: district.id })).username });

describe("session expiry", () => {
  it("ends a session left unused for longer than the idle limit", async () => {
    const client = await signedIn();
    minutes(29);
    expect((await client.get("/api/auth/me")).statusCode).toBe(200);
    minutes(29);
    expect((await client.get("/api/auth/me")).statusCode, "each use restarts the idle time").toBe(200);
    minutes(31);
    const res = await client.get("/api/auth/me");
    expect(res.statusCode).toBe(401);
    expect(String(res.headers["content-type"])).toMatch(/problem\+json/);
  });

  it("ends a session in use all along at the absolute limit", async () => {
    const client = await signedIn();
    for (let used = 0; used < 12 * 60 - 20; used += 20) {
      minutes(20);
      expect((await client.get("/api/auth/me")).statusCode, `after ${used + 20} minutes`).toBe(200);
    }
    minutes(20);
    expect((await client.get("/api/auth/me")).statusCode).toBe(401);
  });
});
