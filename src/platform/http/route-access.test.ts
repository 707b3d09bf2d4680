import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../../../test/support/test-app.js";

let t: TestApp;
beforeAll(async () => (t = await createTestApp()));
afterAll(() => t.close());

describe("route access declarations", () => {
  it("every API route declares the access it needs", () => {
    const api = t.routeAccess.filter((r) => r.url.startsWith("/api/"));
    expect(api.length).toBeGreaterThan(5);
    for (const route of api) expect(route.access.kind, `${route.method} ${route.url}`).toMatch(/^(public|session|authenticated|vendor|tool)$/);
  });

  it("refuses to register a route without one", async () => {
    const { createServer } = await import("./server.js");
    const { app } = await createServer(t.deps);
    expect(() => app.get("/api/undeclared", async () => "x")).toThrow(/declares no access/);
    await app.close();
  });

  it("only the sign-in routes, health, metrics (guarded in its handler) and public district pages are public", () => {
    const publicRoutes = t.routeAccess.filter((r) => r.access.kind === "public").map((r) => `${r.method} ${r.url}`);
    for (const r of publicRoutes) expect(r).toMatch(/\/healthz|\/readyz|\/metrics|\/api\/auth\/sign-in|\/api\/public\//);
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
