import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildSisDistrict } from "../../../test/support/sis-fixtures.js";
import { buildDistrict, buildUser } from "../../../test/support/factories.js";
import { createTestApp, signIn, type Client, type TestApp } from "../../../test/support/test-app.js";

/**
 * ASVS 14.4 (security headers on every response) and 8.2.1 (answers that carry records are not
 * kept by the browser or a proxy cache).
 */
let t: TestApp;
let admin: Client;
let fx: Awaited<ReturnType<typeof buildSisDistrict>>;
beforeAll(async () => {
  t = await createTestApp();
  const district = await buildDistrict(t.database.db);
  fx = await buildSisDistrict(t.database.db, district.id);
  admin = await signIn(t.app, { district: district.slug, username: (await buildUser(t.database.db, { districtId: district.id, role: "student-information-system" })).username });
});
afterAll(() => t.close());

describe("security headers", () => {
  it("sends a strict Content-Security-Policy, nosniff, no framing and HSTS on pages and API answers", async () => {
    for (const url of ["/", "/login", "/api/auth/me", "/api/nope"]) {
      const res = await t.app.inject({ method: "GET", url });
      const csp = String(res.headers["content-security-policy"]);
      expect(csp, url).toContain("default-src 'self'");
      expect(csp, url).toContain("script-src 'self'");
      expect(csp, url).toContain("frame-ancestors 'none'");
      expect(csp, url).not.toMatch(/script-src[^;]*'unsafe-inline'/);
      expect(res.headers["x-content-type-options"], url).toBe("nosniff");
      expect(res.headers["x-frame-options"], url).toBe("SAMEORIGIN");
      expect(String(res.headers["strict-transport-security"]), url).toMatch(/max-age=\d{7,}/);
      expect(res.headers["x-powered-by"], url).toBeUndefined();
    }
  });
});

describe("no caching of records", () => {
  it("marks every API answer no-store: JSON records, CSV exports and errors", async () => {
    const answers = {
      "a student's health conditions": await admin.get(`/api/sis/students/${fx.ava.id}/health-conditions`),
      "demographics": await admin.get(`/api/census/people/${fx.ava.id}/demographics`),
      "the audit log": await admin.get("/api/audit"),
      "an Ad hoc CSV export": await admin.post("/api/adhoc/export", { definition: { fields: ["student.localId", "student.lastName"], conditions: [], sort: [] } }),
      "a refusal": await t.app.inject({ method: "GET", url: "/api/users" }),
    };
    for (const [what, res] of Object.entries(answers)) {
      expect(res.statusCode, `${what}: ${res.body.slice(0, 200)}`).toBeLessThan(500);
      expect(String(res.headers["cache-control"]), what).toMatch(/no-store/);
    }
  });
});
