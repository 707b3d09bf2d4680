/**
 * The two-server guarantees behind PgBouncer in session mode (DEPLOYMENT.md): two `gatehouse
 * serve` processes on one PostgreSQL database through one PgBouncer see each other's rights
 * changes on the very next request, and two sweepers through it send every notice once.
 * PostgreSQL only (TEST_DATABASE_URL); needs Debian's pgbouncer (`.ci/run` installs it).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { connectDatabase, type Database } from "../../platform/db/connect.js";
import { buildDistrict } from "../../../test/support/factories.js";
import { expectedDay300, prepareAllStagesDue, sweepOn, timeline } from "../../../test/support/lifecycle.js";
import { hasPgBouncer, startPgBouncer } from "../../../test/support/pgbouncer.js";
import { createTestDatabase } from "../../../test/support/test-db.js";
import { expectRightsChangesSeenAcross, startProcess, type Server } from "../../../test/support/two-servers.js";

const onPostgres = Boolean(process.env.TEST_DATABASE_URL);
// Where PostgreSQL is required (CI), a missing pgbouncer fails the test rather than skipping it.
const run = onPostgres && (hasPgBouncer || process.env.REQUIRE_POSTGRES === "1");

describe.runIf(run)("two servers behind PgBouncer (session pooling) on one PostgreSQL", () => {
  let database: Database & { url?: string };
  let bouncer: Awaited<ReturnType<typeof startPgBouncer>>;
  let servers: Server[] = [];
  beforeAll(async () => {
    database = await createTestDatabase();
    bouncer = await startPgBouncer(database.url!);
    const url = bouncer.via(database.url!);
    servers = await Promise.all([startProcess(url), startProcess(url)]);
  }, 180_000);
  afterAll(async () => {
    await Promise.all(servers.map((s) => s.stop()));
    await bouncer?.stop();
    await database?.close();
  }, 60_000);

  it("a rights change made through one server is seen by the very next request to the other", async () => {
    const [first, second] = servers as [Server, Server];
    await expectRightsChangesSeenAcross(first, second, database.db);
  });

  it("two sweepers at once, each with its own pool through PgBouncer, act on every contact once", async () => {
    const t = timeline("2041-01-02");
    const district = await buildDistrict(database.db);
    const { groups, day } = await prepareAllStagesDue(database, t, district.id, 2);
    const pools = await Promise.all([connectDatabase({ databaseUrl: bouncer.via(database.url!) }), connectDatabase({ databaseUrl: bouncer.via(database.url!) })]);
    try {
      const [a, b] = await Promise.all(pools.map((p) => sweepOn(p, day)));
      const mine = [...a!, ...b!].filter((x) => x.district === district.name).map((x) => `${x.username}:${x.action}`).sort();
      expect(mine).toEqual(expectedDay300(groups));
    } finally {
      await Promise.all(pools.map((p) => p.close()));
    }
  }, 120_000);
});
