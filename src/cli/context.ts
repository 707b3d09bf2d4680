import { loadConfig, type Config } from "../platform/config.js";
import { connectDatabase, type Database } from "../platform/db/connect.js";
import { grantAppRole, mayMigrate } from "../platform/db/app-role.js";
import { hasPendingMigrations, migrateDatabase } from "../platform/db/migrate.js";

/**
 * Opens the configured database (PostgreSQL at DATABASE_URL, else PGlite in GATEHOUSE_DATA_DIR),
 * migrated. With MIGRATION_DATABASE_URL the migrations run as that role (the tables' owner),
 * which then grants the serving role what it needs; Gatehouse itself connects as DATABASE_URL.
 */
export async function openDatabase(config: Config = loadConfig()): Promise<Database> {
  if (config.migrationDatabaseUrl) {
    await migrateAsOwner(config.migrationDatabaseUrl, config.databaseUrl);
    if (!config.databaseUrl) return connectDatabase({ databaseUrl: config.migrationDatabaseUrl });
  }
  const database = await connectDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  if (config.migrationDatabaseUrl) return database;
  // one URL: it migrates, as it always did, unless it is a serving role that cannot
  if (!(await mayMigrate(database))) {
    if (await hasPendingMigrations(database)) {
      await database.close();
      throw new Error("The database needs migrating, and DATABASE_URL's role may not: set MIGRATION_DATABASE_URL to the tables' owner.");
    }
    return database;
  }
  await migrateDatabase(database);
  return database;
}

async function migrateAsOwner(ownerUrl: string, servingUrl: string | undefined) {
  const owner = await connectDatabase({ databaseUrl: ownerUrl });
  try {
    await migrateDatabase(owner);
    const servingRole = servingUrl ? decodeURIComponent(new URL(servingUrl).username) : "";
    const ownerRole = decodeURIComponent(new URL(ownerUrl).username);
    if (servingRole && servingRole !== ownerRole) await grantAppRole(owner, servingRole);
  } finally {
    await owner.close();
  }
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
