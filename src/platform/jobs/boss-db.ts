import type { Database } from "../db/connect.js";

type PgliteClient = {
  query(text: string, values?: unknown[]): Promise<{ rows: unknown[] }>;
  exec(text: string): Promise<{ rows: unknown[] }[]>;
};

/**
 * pg-boss's `db` option for the embedded PGlite database. pg-boss sends some multi-statement
 * scripts without parameters (its schema and queue creation), which PGlite runs only through
 * exec(). Every call goes through PGlite's own queue, so it never interleaves with an open
 * transaction of the app. Each call first gives the event loop a turn: PGlite runs on it, and
 * pg-boss's set-up right after listening is a long run of statements that would otherwise keep
 * a waiting request (/healthz, a sign-in) from being read until all of them are done.
 */
export function pgliteBossDb(database: Database) {
  if (database.kind !== "pglite") throw new Error("pgliteBossDb is for the embedded PGlite database");
  const client = (database.db as unknown as { $client: PgliteClient }).$client;
  return {
    async executeSql(text: string, values: unknown[] = []) {
      await new Promise((resolve) => setImmediate(resolve));
      if (values.length > 0) return { rows: (await client.query(text, values)).rows };
      const results = await client.exec(text);
      return { rows: results.at(-1)?.rows ?? [] };
    },
  };
}
