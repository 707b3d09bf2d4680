import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { Database } from "./connect.js";

const MIGRATION_LOCK = 727_274;
export const MIGRATIONS = findMigrations(path.dirname(fileURLToPath(import.meta.url)));

/** The package's drizzle/ folder, found upwards from this module: src/… when run from source, dist/… when built. */
function findMigrations(from: string): string {
  for (let dir = from; ; dir = path.dirname(dir)) {
    const candidate = path.join(dir, "drizzle");
    if (fs.existsSync(path.join(candidate, "meta", "_journal.json"))) return candidate;
    if (path.dirname(dir) === dir) throw new Error(`No drizzle/ migrations folder above ${from}`);
  }
}

/**
 * Applies drizzle-kit's SQL migrations. On PostgreSQL an advisory lock makes concurrent
 * starts of several servers safe: one migrates, the others wait and find nothing to do.
 */
export async function migrateDatabase(database: Database): Promise<void> {
  // One query on an up-to-date database instead of the migrator reading and hashing every file.
  if (!(await hasPendingMigrations(database))) return;
  if (database.kind === "pglite") {
    const { migrate: migratePglite } = await import("drizzle-orm/pglite/migrator");
    await migratePglite(database.db as never, { migrationsFolder: MIGRATIONS });
    return;
  }
  const { migrate: migratePg } = await import("drizzle-orm/node-postgres/migrator");
  await database.withAdvisoryLock(MIGRATION_LOCK, () => migratePg(database.db as never, { migrationsFolder: MIGRATIONS }));
}

/**
 * Whether migrations are waiting, read without the right to run them (a least-privilege serving
 * role can read drizzle's table): drizzle applies what is newer than the last applied one.
 */
export async function hasPendingMigrations(database: Database): Promise<boolean> {
  const journal = JSON.parse(fs.readFileSync(path.join(MIGRATIONS, "meta/_journal.json"), "utf8")) as { entries: { when: number }[] };
  const latest = Math.max(...journal.entries.map((e) => e.when));
  const rows = await database
    .query<{ last: string | null }>("select max(created_at)::text as last from drizzle.__drizzle_migrations")
    .catch(() => [{ last: null }]);
  return rows[0]?.last == null || Number(rows[0].last) < latest;
}
