import type { SQL } from "drizzle-orm";
import type { Db } from "../../platform/db/connect.js";

/** Runs raw SQL through Drizzle (PGlite and node-postgres both answer with `rows`). */
export async function queryRows<T = Record<string, unknown>>(db: Db, query: SQL): Promise<T[]> {
  const result = (await db.execute(query)) as unknown as { rows: T[] };
  return result.rows;
}
