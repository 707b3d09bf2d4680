import { sql } from "drizzle-orm";
import { WITHHELD } from "../../domain/redaction/redact.js";
import { writeCsv } from "../../platform/csv/write-csv.js";
import type { Db } from "../../platform/db/connect.js";
import type { AdhocDefinition } from "../../platform/db/schema/adhoc.js";
import type { DistrictActor } from "../../platform/http/actor.js";
import { listCalendars } from "../sis/calendar-access.js";
import { queryRows } from "../sis/query-rows.js";
import { recordFieldReads, type AccessRoute, type FieldRead } from "../sis/record-access.js";
import { buildQuery, type BuiltQuery, type Column, type KeyValue } from "./build-query.js";

export const PREVIEW_ROWS = 50;
export const EXPORT_BATCH = 5000;

type Row = Record<string, unknown>;
export type RunOptions = { strict: boolean; filterId: string | null };

async function prepare(db: Db, actor: DistrictActor, def: AdhocDefinition, strict: boolean): Promise<BuiltQuery> {
  return buildQuery(actor, await listCalendars(db, actor), def, strict);
}

/**
 * One page, in a transaction with JIT off: PostgreSQL otherwise compiles every batch's
 * statement, its cost estimate being the district's size, which took longer than running it.
 */
async function readPage(db: Db, query: BuiltQuery, after: KeyValue[] | null, limit: number): Promise<Row[]> {
  return db.transaction(async (tx) => {
    await tx.execute(sql`set local jit = off`);
    return queryRows<Row>(tx, query.page(after, limit));
  });
}

/** Every protected value the rows showed, one access-log row per person and field. */
function readsOf(query: BuiltQuery, rows: Row[]): FieldRead[] {
  const reads: FieldRead[] = [];
  for (const col of query.loggedColumns) {
    const seen = new Set<string>();
    for (const row of rows) {
      const person = row._pid as string;
      if (!col.calendars.has(row._cal as string) || seen.has(person)) continue;
      seen.add(person);
      reads.push({ personId: person, field: col.field.id, tool: col.field.tool });
    }
  }
  return reads;
}

/** A cell of a row whose calendar does not let the runner read the field says so: the redaction step's word. */
const valuesOf = (query: BuiltQuery, row: Row) =>
  query.columns.map((_, i) => (query.readableIn[i]?.has(row._cal as string) === false ? WITHHELD : ((row[`f${i}`] ?? null) as KeyValue)));

/**
 * The first page of results, as the designer's preview shows it, once its reads are in the
 * access log. A page that reads no logged field and whose plan is bounded by its limit is one
 * statement on its own: the transaction, its `set local jit` and commit were three of the
 * preview's six round trips.
 */
export async function previewFilter(db: Db, actor: DistrictActor, def: AdhocDefinition, options: RunOptions) {
  const query = await prepare(db, actor, def, options.strict);
  const rows =
    query.loggedColumns.length === 0 && query.boundedByLimit
      ? await queryRows<Row>(db, query.page(null, PREVIEW_ROWS + 1))
      : await readPage(db, query, null, PREVIEW_ROWS + 1);
  const page = rows.slice(0, PREVIEW_ROWS);
  await recordFieldReads(db, actor, readsOf(query, page), "adhoc-preview", options.filterId);
  return { columns: query.columns, rows: page.map((r) => valuesOf(query, r)), more: rows.length > PREVIEW_ROWS };
}

/**
 * CSV in keyset batches: memory holds two batches whatever the size of the district, and the
 * database is free between batches (PGlite has a single connection). Pulled by the response
 * stream, so a slow client slows the query rather than filling memory. A batch is sent only
 * once its reads are in the access log; the next batch is read while that log is written (on
 * PostgreSQL, on another connection), and is logged only if it is to be sent.
 */
export async function* exportFilterCsv(db: Db, actor: DistrictActor, def: AdhocDefinition, options: RunOptions, route: AccessRoute = "adhoc-export") {
  const query = await prepare(db, actor, def, options.strict);
  yield csvLine(query.columns.map((c) => (c.withheld ? `${c.label} (withheld)` : c.label)));
  const log = (rows: Row[]) => recordFieldReads(db, actor, readsOf(query, rows), route, options.filterId);
  let rows = await readPage(db, query, null, EXPORT_BATCH);
  while (rows.length > 0) {
    const logged = log(rows);
    const nextPage = rows.length === EXPORT_BATCH ? readPage(db, query, query.keyOf(rows[rows.length - 1]!), EXPORT_BATCH) : Promise.resolve([]);
    const csv = rows.map((r) => csvLine(valuesOf(query, r))).join(""); // while the database works
    const [, next] = await Promise.all([logged, nextPage]);
    yield csv;
    rows = next;
  }
}

/** One CSV record, written by the app's one CSV writer. */
export function csvLine(values: KeyValue[]): string {
  return writeCsv([values]);
}

export type { Column };
