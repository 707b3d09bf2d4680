import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../../../test/support/test-app.js";
import type { Database } from "../../platform/db/connect.js";

let t: TestApp;
beforeAll(async () => (t = await createTestApp()));
afterAll(() => t.close());

/** The same database, but every query fails as if the server had gone away. */
function unreachable(database: Database): Database {
  return { ...database, query: () => Promise.reject(new Error("connection refused")) };
}

describe("liveness and readiness", () => {
  it("/healthz answers without the database; /readyz says it is unreachable", async () => {
    const down = await createTestApp({ database: unreachable(t.database) });
    try {
      expect((await down.app.inject({ method: "GET", url: "/healthz" })).statusCode).toBe(200);
      const ready = await down.app.inject({ method: "GET", url: "/readyz" });
      expect(ready.statusCode).toBe(503);
      expect(ready.json()).toMatchObject({ code: "database-unreachable" });
    } finally {
      await down.app.close();
    }
  });

  it("/readyz is ready on a migrated database", async () => {
    const res = await t.app.inject({ method: "GET", url: "/readyz" });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ status: "ready", database: t.database.kind });
  });

  it("/readyz answers 503 naming the migrations the database lacks", async () => {
    const [last] = await t.database.query<{ hash: string; created_at: string }>(
      "select hash, created_at::text from drizzle.__drizzle_migrations order by created_at desc limit 1",
    );
    await t.database.query("delete from drizzle.__drizzle_migrations where hash = $1", [last!.hash]);
    try {
      const res = await t.app.inject({ method: "GET", url: "/readyz" });
      expect(res.statusCode).toBe(503);
      expect(res.json().code).toBe("migrations-pending");
      expect(res.json().pending).toHaveLength(1);
    } finally {
      await t.database.query("insert into drizzle.__drizzle_migrations (hash, created_at) values ($1, $2)", [last!.hash, last!.created_at]);
    }
  });
});
