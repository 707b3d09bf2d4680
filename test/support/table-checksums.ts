import type { Database } from "../../src/platform/db/connect.js";

/**
 * Row count and checksum of every table (all schemas but the system's), to prove two databases
 * hold the same rows: the checksum covers each row's full text, attachments' bytes included.
 */
export async function tableChecksums(database: Database): Promise<Record<string, { rows: number; md5: string }>> {
  const tables = await database.query<{ name: string }>(
    "select format('%I.%I', schemaname, tablename) as name from pg_tables where schemaname not in ('pg_catalog', 'information_schema') order by 1",
  );
  const result: Record<string, { rows: number; md5: string }> = {};
  for (const { name } of tables) {
    const [row] = await database.query<{ rows: number; md5: string }>(`select count(*)::int as rows, md5(coalesce(string_agg(t::text, '|' order by t::text), '')) as md5 from ${name} t`);
    result[name] = row!;
  }
  return result;
}
