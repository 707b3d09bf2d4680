import { installationPublicUrl } from "../features/installation/public-url.js";
import { loadConfig, type Config } from "../platform/config.js";
import { connectDatabase, type Database } from "../platform/db/connect.js";
import { grantAppRole, mayMigrate } from "../platform/db/app-role.js";
import { hasPendingMigrations, migrateDatabase } from "../platform/db/migrate.js";
import { cli } from "./io.js";

/**
 * Opens the configured database (PostgreSQL at DATABASE_URL, else PGlite in GATEHOUSE_DATA_DIR),
 * migrated. `holder` is how others are told who has the embedded folder. With
 * MIGRATION_DATABASE_URL the migrations run as that role (the tables' owner), which then grants
 * the serving role what it needs; Gatehouse itself connects as DATABASE_URL.
 */
export async function openDatabase(config: Config = loadConfig(), holder = commandName()): Promise<Database> {
  if (config.migrationDatabaseUrl) {
    await migrateAsOwner(config.migrationDatabaseUrl, config.databaseUrl);
    if (!config.databaseUrl) return connectDatabase({ databaseUrl: config.migrationDatabaseUrl, poolSize: config.databasePoolSize });
  }
  const database = await connectDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir, poolSize: config.databasePoolSize, holder });
  if (config.migrationDatabaseUrl) return database;
  try {
    // one URL: it migrates, as it always did, unless it is a serving role that cannot
    if (!(await mayMigrate(database))) {
      if (await hasPendingMigrations(database)) throw new Error("The database needs migrating, and DATABASE_URL's role may not: set MIGRATION_DATABASE_URL to the tables' owner.");
      return database;
    }
    await migrateDatabase(database);
  } catch (error) {
    await database.close();
    throw error;
  }
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

/**
 * Runs a command's work with the database and always closes it, so the process can exit. Inside
 * a server (a command sent through its admin socket) it is the server's own open database.
 */
export async function withDatabase<T>(work: (database: Database, config: Config) => Promise<T>): Promise<T> {
  const server = cli().server;
  if (server) return work(server.database, server.config);
  const config = loadConfig(cli().env);
  const database = await openDatabase(config);
  try {
    // Links in what this command writes use the installation's URL, as the server's do.
    return await work(database, { ...config, publicUrl: await installationPublicUrl(database.db, config) });
  } finally {
    await database.close();
  }
}

/** "gatehouse contacts sweep": the command words of this process, without its values. */
function commandName(): string {
  const words = [];
  for (const a of process.argv.slice(2)) {
    if (a.startsWith("-") || words.length === 2) break;
    words.push(a);
  }
  return ["gatehouse", ...words].join(" ");
}
