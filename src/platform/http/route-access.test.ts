import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../../../test/support/test-app.js";

let t: TestApp;
beforeAll(async () => (t = await createTestApp()));
afterAll(() => t.close());

describe("route access declarations", () => {
  it("every API route declares the access it needs", () => {
    const api = t.routeAccess.filter((r) => r.url.startsWith("/api/"));
    expect(api.length).toBeGreaterThan(5);
    for (const route of api) expect(route.access.kind, `${route.method} ${route.url}`).toMatch(/^(public|session|authenticated|vendor|tool|own)$/);
  });

  it("refuses to register a route without one", async () => {
    const { createServer } = await import("./server.js");
    const { app } = await createServer(t.deps);
    expect(() => app.get("/api/undeclared", async () => "x")).toThrow(/declares no access/);
    await app.close();
  });

  it("refuses an administrative route that declares no role, or a role too narrow for its power", async () => {
    const { createServer } = await import("./server.js");
    const { access } = await import("./access.js");
    const { app } = await createServer(t.deps);
    const prefs = "System Administration > User Security > Account Security Preferences";
    expect(() => app.put("/api/x1", { config: { access: access.tool(prefs, "W") } }, async () => "x")).toThrow(/without declaring what it administers/);
    expect(() => app.post("/api/x2", { config: { access: { kind: "tool", tool: "Attendance", right: "W", administers: "accounts" } } }, async () => "x")).toThrow(/declares no Product Security Role/);
    expect(() => app.put("/api/x3", { config: { access: access.tool(prefs, "W", { administers: "preferences", role: "sis-group-assignment" }) } }, async () => "x")).toThrow(/needs the student-information-system role/);
    expect(() => app.get("/api/x4", { config: { access: access.tool(prefs, "R") } }, async () => "x")).not.toThrow();
    await app.close();
  });

  it("declares the role of every route that changes rights, memberships, roles, preferences or accounts", () => {
    const declared = t.routeAccess.flatMap((r) => (r.access.kind === "tool" && r.access.role ? [`${r.method} ${r.url} ${r.access.administers} ${r.access.role}`] : []));
    const sis = (route: string, power: string) => `${route} ${power} student-information-system`;
    expect(declared.sort()).toEqual(
      [
        sis("POST /api/users/:userId/unlock", "accounts"),
        sis("PUT /api/preferences", "preferences"),
        sis("POST /api/groups", "rights"),
        sis("POST /api/groups/from-templates", "rights"),
        sis("PATCH /api/groups/:groupId", "rights"),
        sis("DELETE /api/groups/:groupId", "rights"),
        sis("PUT /api/groups/:groupId/rights", "rights"),
        sis("PUT /api/groups/:groupId/calendar-rights", "rights"),
        "POST /api/groups/:groupId/members membership sis-group-assignment",
        "DELETE /api/groups/:groupId/members/:userId membership sis-group-assignment",
        sis("PUT /api/users/:userId/role", "roles"),
        sis("PUT /api/users/:userId/school-assignments", "accounts"),
        sis("PUT /api/users/:userId/rights", "rights"),
        sis("PUT /api/users/:userId/calendar-rights", "rights"),
        sis("POST /api/users/:userId/password-link", "accounts"),
        sis("POST /api/groups/:groupId/rights-history/:number/restore", "rights"),
        sis("POST /api/preview", "accounts"),
        sis("PUT /api/dormant-accounts/policy", "preferences"),
        sis("POST /api/webhooks", "preferences"),
        sis("PATCH /api/webhooks/:endpointId", "preferences"),
        sis("DELETE /api/webhooks/:endpointId", "preferences"),
        sis("POST /api/webhooks/:endpointId/rotate-secret", "preferences"),
        sis("POST /api/webhooks/:endpointId/test", "preferences"),
        sis("POST /api/webhooks/:endpointId/deliveries/:deliveryId/retry", "preferences"),
        sis("POST /api/dormant-accounts/disable", "accounts"),
        sis("POST /api/campaigns", "membership"),
        sis("POST /api/campaigns/:campaignId/close", "membership"),
        sis("GET /api/api-tokens", "accounts"),
        sis("HEAD /api/api-tokens", "accounts"),
        sis("POST /api/api-tokens", "accounts"),
        sis("DELETE /api/api-tokens/:tokenId", "accounts"),
        sis("GET /api/service-accounts", "accounts"),
        sis("HEAD /api/service-accounts", "accounts"),
        sis("POST /api/service-accounts/:userId/disable", "accounts"),
        sis("PUT /api/sso/settings", "preferences"),
        "POST /api/groups/:groupId/members/bulk-add membership sis-group-assignment",
        "POST /api/groups/:groupId/members/bulk-remove membership sis-group-assignment",
        "POST /api/memberships/import membership sis-group-assignment",
        sis("POST /api/users", "accounts"),
        sis("POST /api/users/:userId/disable", "accounts"),
        sis("POST /api/users/:userId/enable", "accounts"),
        sis("PUT /api/district/help-contacts", "preferences"),
        sis("POST /api/protected-areas", "rights"),
        sis("DELETE /api/protected-areas", "rights"),
        sis("POST /api/oneroster/imports", "accounts"),
        sis("GET /api/oneroster/imports/:importId", "accounts"),
        sis("HEAD /api/oneroster/imports/:importId", "accounts"),
        sis("PUT /api/staff-automation/mappings", "preferences"),
        sis("POST /api/sso/links", "accounts"),
        sis("DELETE /api/sso/links/:linkId", "accounts"),
      ].sort(),
    );
  });

  it("only the sign-in routes (password and the identity providers' /sso/ ones), health, metrics (guarded in its handler) and public district pages are public", () => {
    const publicRoutes = t.routeAccess.filter((r) => r.access.kind === "public").map((r) => `${r.method} ${r.url}`);
    for (const r of publicRoutes) expect(r).toMatch(/\/healthz|\/readyz|\/metrics|\/api\/auth\/sign-in|\/api\/public\/| \/sso\/:slug\//);
  });

  it("answers health with the database", async () => {
    const res = await t.app.inject({ method: "GET", url: "/healthz" });
    expect(res.json()).toEqual({ status: "ok", database: t.database.kind });
  });

  it("serves the OpenAPI 3.1 document", async () => {
    const res = await t.app.inject({ method: "GET", url: "/docs/json" });
    expect(res.json().openapi).toBe("3.1.0");
    expect(Object.keys(res.json().paths)).toContain("/api/auth/sign-in");
  });
});
