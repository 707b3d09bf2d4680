import fs from "node:fs";
import path from "node:path";
import type { Database } from "./connect.js";
import { MIGRATIONS } from "./migrate.js";

type Journal = { entries: { tag: string; when: number }[] };

/**
 * The migrations of this build that the database has not applied, by tag. Drizzle's migrator
 * applies every journal entry newer than the last one recorded, so that comparison is the test.
 */
export async function pendingMigrations(database: Database): Promise<string[]> {
  const journal = JSON.parse(fs.readFileSync(path.join(MIGRATIONS, "meta", "_journal.json"), "utf8")) as Journal;
  const [table] = await database.query<{ present: boolean }>("select to_regclass('drizzle.__drizzle_migrations') is not null as present");
  if (!table?.present) return journal.entries.map((e) => e.tag);
  const [last] = await database.query<{ at: string | null }>("select max(created_at)::text as at from drizzle.__drizzle_migrations");
  const appliedUpTo = Number(last?.at ?? 0);
  return journal.entries.filter((e) => e.when > appliedUpTo).map((e) => e.tag);
}
