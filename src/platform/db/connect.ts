import type { PGlite } from "@electric-sql/pglite";
import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import { lockDataDir, type DataDirLock } from "./data-dir-lock.js";
import { useNamedStatements } from "./pglite-named-statements.js";
import * as schema from "./schema/index.js";

export type Schema = typeof schema;
export type Db = PgDatabase<PgQueryResultHKT, Schema>;

/** One database handle for the whole process: Drizzle plus raw SQL for set-based work. */
export type Database = {
  kind: "pglite" | "postgres";
  db: Db;
  /** Runs one parameterised statement and returns its rows. */
  query<T = Record<string, unknown>>(text: string, params?: unknown[]): Promise<T[]>;
  /** Runs `work` holding a PostgreSQL advisory lock (PGlite has one connection: no lock needed). */
  withAdvisoryLock<T>(key: number, work: () => Promise<T>): Promise<T>;
  /** The PostgreSQL pool's connections, for metrics (PGlite has one connection and no pool). */
  poolStats?(): { max: number; total: number; idle: number; waiting: number };
  close(): Promise<void>;
  /** An embedded database's folder lock, held until close (a server adds its port and socket). */
  dataDirLock?: DataDirLock;
  /** PGlite's own backup: the whole data folder as a gzipped tarball (`loadDataDir` reads it back). */
  dumpDataDir?: () => Promise<Blob>;
};

/** `poolSize`: PostgreSQL connections per server process (DATABASE_POOL_SIZE, default 20); `holder` names the process to others that find the embedded folder in use (default "gatehouse"). */
export type DatabaseTarget = { databaseUrl?: string; dataDir?: string; poolSize?: number; holder?: string };

/** `databaseUrl` selects PostgreSQL; otherwise PGlite in `dataDir` (or in memory when absent). */
export async function connectDatabase(target: DatabaseTarget): Promise<Database> {
  return target.databaseUrl ? connectPostgres(target.databaseUrl, target.poolSize) : connectPglite(target.dataDir, target.holder);
}

// Each database's driver is loaded only when it is used: a PGlite server never loads pg, nor the reverse.
async function connectPostgres(url: string, poolSize = 20): Promise<Database> {
  const [{ default: pg }, { drizzle: drizzlePg }] = await Promise.all([import("pg"), import("drizzle-orm/node-postgres")]);
  // a server that stops answering fails a request after 5 s (503, see http/database-unavailable.ts) instead of hanging it
  const pool = new pg.Pool({ connectionString: url, max: poolSize, connectionTimeoutMillis: 5000 });
  pool.on("error", () => undefined); // a dropped idle client is replaced on next use
  const db = drizzlePg(pool, { schema }) as unknown as Db;
  return {
    kind: "postgres",
    db,
    query: async (text, params) => (await pool.query(text, params as unknown[])).rows,
    withAdvisoryLock: async (key, work) => {
      const client = await pool.connect();
      try {
        await client.query("select pg_advisory_lock($1)", [key]);
        try {
          return await work();
        } finally {
          await client.query("select pg_advisory_unlock($1)", [key]);
        }
      } finally {
        client.release();
      }
    },
    poolStats: () => ({ max: pool.options.max, total: pool.totalCount, idle: pool.idleCount, waiting: pool.waitingCount }),
    close: () => pool.end(),
  };
}

async function connectPglite(dataDir?: string, holder = "gatehouse"): Promise<Database> {
  const lock = dataDir ? await lockDataDir(dataDir, holder) : undefined;
  const [pglite, { drizzle: drizzlePglite }] = await Promise.all([import("@electric-sql/pglite"), import("drizzle-orm/pglite")]);
  const { PGlite } = pglite;
  let client: PGlite;
  try {
    client = dataDir ? await PGlite.create(dataDir) : await PGlite.create();
  } catch (error) {
    lock?.release();
    throw error;
  }
  useNamedStatements(client, pglite);
  const db = drizzlePglite(client, { schema }) as unknown as Db;
  return {
    kind: "pglite",
    db,
    query: async (text, params) => (await client.query(text, params as unknown[])).rows as never,
    withAdvisoryLock: (_key, work) => work(),
    dataDirLock: lock,
    dumpDataDir: () => client.dumpDataDir("gzip"),
    close: async () => {
      await client.close();
      lock?.release();
    },
  };
}
