import { randomBytes } from "node:crypto";
import pg from "pg";
import { connectDatabase, type Database } from "../../src/platform/db/connect.js";
import { migrateDatabase } from "../../src/platform/db/migrate.js";

export type BenchDatabaseKind = "pglite" | "postgres";
export type BenchDatabase = { kind: BenchDatabaseKind; label: string; database: Database; drop(): Promise<void> };

/** The kinds BENCH_ONLY (pglite|postgres) leaves, both by default. */
export const benchDatabaseKinds = (): BenchDatabaseKind[] => (["pglite", "postgres"] as const).filter((k) => !process.env.BENCH_ONLY || process.env.BENCH_ONLY === k);

/**
 * A migrated, empty database for one benchmark: PGlite in memory, or a database of its own on the
 * PostgreSQL server at BENCH_DATABASE_URL (default the local one), dropped afterwards.
 */
export async function openBenchDatabase(kind: BenchDatabaseKind): Promise<BenchDatabase> {
  if (kind === "pglite") {
    const database = await connectDatabase({});
    await migrateDatabase(database);
    return { kind, label: "PGlite", database, drop: async () => database.close() };
  }
  const server = process.env.BENCH_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";
  const name = `gh_bench_${randomBytes(4).toString("hex")}`;
  const admin = new pg.Client({ connectionString: server });
  await admin.connect();
  await admin.query(`create database ${name}`);
  const url = new URL(server);
  url.pathname = `/${name}`;
  const database = await connectDatabase({ databaseUrl: url.toString() });
  await migrateDatabase(database);
  return { kind, label: "PostgreSQL", database, drop: async () => (await database.close(), await admin.query(`drop database ${name} with (force)`), await admin.end()) };
}
