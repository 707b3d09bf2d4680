import { loadConfig, type Config } from "../platform/config.js";
import { connectDatabase, type Database } from "../platform/db/connect.js";
import { migrateDatabase } from "../platform/db/migrate.js";

/** Opens the configured database (PostgreSQL at DATABASE_URL, else PGlite in GATEHOUSE_DATA_DIR), migrated. */
export async function openDatabase(config: Config = loadConfig()): Promise<Database> {
  const database = await connectDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir, poolSize: config.databasePoolSize });
  await migrateDatabase(database);
  return database;
}

/** Runs a command's work with the database and always closes it, so the process can exit. */
export async function withDatabase<T>(work: (database: Database, config: Config) => Promise<T>): Promise<T> {
  const config = loadConfig();
  const database = await openDatabase(config);
  try {
    return await work(database, config);
  } finally {
    await database.close();
  }
}

/** Prints a one-line error the operator can act on and sets a failing exit code. */
export function fail(message: string, exitCode = 1): void {
  process.stderr.write(`gatehouse: ${message}\n`);
  process.exitCode = exitCode;
}
