import { randomBytes } from "node:crypto";
import pg from "pg";
import { connectDatabase, type Database } from "../../src/platform/db/connect.js";
import { migrateDatabase } from "../../src/platform/db/migrate.js";

/**
 * A fresh, migrated database for one test file. With TEST_DATABASE_URL (a PostgreSQL server URL)
 * each call creates its own database there and drops it on close; otherwise an in-memory PGlite.
 */
export async function createTestDatabase(): Promise<Database & { url?: string }> {
  const serverUrl = process.env.TEST_DATABASE_URL;
  if (!serverUrl) {
    const database = await connectDatabase({});
    await migrateDatabase(database);
    return database;
  }
  const name = `gh_test_${randomBytes(6).toString("hex")}`;
  await admin(serverUrl, `create database ${name}`);
  const url = withDatabaseName(serverUrl, name);
  const database = await connectDatabase({ databaseUrl: url });
  await migrateDatabase(database);
  return {
    ...database,
    url,
    close: async () => {
      await database.close();
      await admin(serverUrl, `drop database if exists ${name} with (force)`);
    },
  };
}

export function withDatabaseName(serverUrl: string, name: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

async function admin(serverUrl: string, sql: string) {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}
