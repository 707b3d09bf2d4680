/**
 * "A rights change is seen by the very next request on every server." Two servers over real
 * HTTP: on PostgreSQL (TEST_DATABASE_URL) two `gatehouse serve` processes on one database; on
 * PGlite, which one process owns, two app instances of this process listening on their own ports.
 */
import { afterAll, beforeAll, describe, it } from "vitest";
import type { Database } from "../../platform/db/connect.js";
import { expectRightsChangesSeenAcross, startInProcess, startProcess, type Server } from "../../../test/support/two-servers.js";
import { createTestDatabase } from "../../../test/support/test-db.js";

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
    await expectRightsChangesSeenAcross(first, second, database.db);
  });
});
