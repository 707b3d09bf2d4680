import { sql, type SQL } from "drizzle-orm";
import type { Db } from "./connect.js";

/** A column of a set-based insert: its SQL name and type, and one value per row (null for NULL). */
export type Column = { name: string; type: "text" | "uuid" | "date" | "timestamptz" | "jsonb" | "int"; values: (string | number | null)[] };

/** Rows per statement: each column travels as one array parameter, so this bounds memory, not parameters. */
export const COLUMN_BATCH = 20_000;

/**
 * One `INSERT … SELECT FROM unnest(…)` per batch of rows: each column is one text array parameter
 * cast to its type in the SELECT, the same on PostgreSQL and PGlite, and the statement's text
 * does not grow with the rows. `tail` is the rest of the statement (ON CONFLICT, RETURNING).
 */
export async function insertColumns<R = Record<string, unknown>>(db: Db, table: string, columns: Column[], tail?: SQL): Promise<R[]> {
  const rows = columns[0]?.values.length ?? 0;
  const out: R[] = [];
  for (let from = 0; from < rows; from += COLUMN_BATCH) {
    const names = sql.raw(columns.map((c) => c.name).join(", "));
    const arrays = sql.join(columns.map((c) => sql`${sql.param(c.values.slice(from, from + COLUMN_BATCH).map((v) => (v === null ? null : String(v))))}::text[]`), sql`, `);
    const casts = sql.raw(columns.map((c) => `u.${c.name}::${c.type}`).join(", "));
    const result = await db.execute(sql`insert into ${sql.raw(table)} (${names}) select ${casts} from unnest(${arrays}) as u(${names}) ${tail ?? sql``}`);
    for (const r of (result as unknown as { rows?: R[] }).rows ?? []) out.push(r);
  }
  return out;
}

/** Rows as objects (keys are SQL column names) turned into the columns `insertColumns` takes. */
export function columnsOf<K extends string>(rows: Record<K, string | number | null>[], types: Record<K, Column["type"]>): Column[] {
  return (Object.keys(types) as K[]).map((name) => ({ name, type: types[name], values: rows.map((r) => r[name]) }));
}
