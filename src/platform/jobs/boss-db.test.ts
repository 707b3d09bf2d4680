import { expect, it } from "vitest";
import type { Database } from "../db/connect.js";
import { pgliteBossDb } from "./boss-db.js";

// pg-boss's set-up after listening is a long run of statements; on PGlite each runs on the event
// loop, so without a turn between them a request that arrives meanwhile (/healthz) waits for all.
it("lets the event loop take waiting I/O before each of pg-boss's statements", async () => {
  const seen: boolean[] = [];
  let ioRan = false;
  const client = {
    query: async () => (seen.push(ioRan), { rows: [] }),
    exec: async () => (seen.push(ioRan), [{ rows: [] }]),
  };
  const bossDb = pgliteBossDb({ kind: "pglite", db: { $client: client } } as unknown as Database);
  setImmediate(() => (ioRan = true));
  await bossDb.executeSql("select $1", [1]);
  ioRan = false;
  setImmediate(() => (ioRan = true));
  await bossDb.executeSql("create table t (); create table u ()");
  expect(seen).toEqual([true, true]);
});
