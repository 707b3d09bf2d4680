import { asc, desc, sql, type AnyColumn, type SQL } from "drizzle-orm";
import type { FastifyReply, FastifyRequest } from "fastify";
import { z } from "zod";
import { AppError } from "./errors.js";

/**
 * Cursor paging shared by every list route: keyset on a whitelisted sort key plus the row id
 * (stable while rows are added or removed), an opaque cursor bound to the sort it was made for,
 * the total matching the filters, and an RFC 8288 `Link: <…>; rel="next"` header.
 */

export type SortOrder = "asc" | "desc";
type SqlType = "text" | "integer" | "timestamptz" | "boolean";
/**
 * A sort key: the expression and its type. `notNull` says it is never null (a NOT NULL column):
 * it is then sorted and compared as it is, so an index on it can serve the page; other keys sort
 * a null as NULL_AS says.
 */
export type SortKey = { expr: SQL | AnyColumn; type: SqlType; notNull?: true };
export type PageQuery = { cursor?: string; limit: number; sort: string; order: SortOrder };
export type Page<T> = { items: T[]; total: number; nextCursor: string | null };

/** A null sorts as this value, so the keyset comparison never meets a null. */
const NULL_AS: Record<SqlType, string> = { text: "''", integer: "-1", timestamptz: "'epoch'::timestamptz", boolean: "false" };

/** The querystring of a paged list: `cursor`, `limit` (1..max), `sort` (one of `sorts`), `order`. */
export function zPageQuery<const S extends readonly [string, ...string[]]>(sorts: S, defaults: { sort: S[number]; order?: SortOrder; limit?: number; max?: number }) {
  return z.object({
    cursor: z.string().trim().max(1000).optional().describe("the nextCursor of the previous page"),
    limit: z.coerce.number().int().min(1).max(defaults.max ?? 500).default(defaults.limit ?? 100),
    sort: z.enum(sorts).default(defaults.sort as S[number]),
    order: z.enum(["asc", "desc"]).default(defaults.order ?? "asc"),
  });
}

export const zPage = <T extends z.ZodType>(item: T) =>
  z.object({ items: z.array(item), total: z.number().describe("rows matching the filters, on every page"), nextCursor: z.string().nullable().describe("pass as `cursor` for the next page; null on the last") });

type Cursor = { s: string; o: SortOrder; k: string | number | boolean; i: string | number };

const cursorProblem = () =>
  new AppError(400, "cursor-invalid", "This page link no longer matches the list; open the list again from its first page.", { path: "querystring.cursor" });

function decodeCursor(raw: string, query: PageQuery): Cursor {
  let cursor: Cursor;
  try {
    cursor = JSON.parse(Buffer.from(raw, "base64url").toString("utf8")) as Cursor;
  } catch {
    throw cursorProblem();
  }
  const scalar = (v: unknown) => ["string", "number", "boolean"].includes(typeof v);
  if (!cursor || cursor.s !== query.sort || cursor.o !== query.order || !scalar(cursor.k) || !scalar(cursor.i)) throw cursorProblem();
  return cursor;
}

const encodeCursor = (c: Cursor) => Buffer.from(JSON.stringify(c), "utf8").toString("base64url");

/**
 * The pieces a repo adds to its query: select `key` as `pageKey`, add `after` to the where
 * clause, order by `orderBy` and fetch `limit` rows (one more than the page, to know if more follow).
 */
export function keyset(query: PageQuery, sorts: Record<string, SortKey>, id: { column: AnyColumn | SQL; type: "uuid" | "bigint" }) {
  const spec = sorts[query.sort];
  if (!spec) throw new Error(`no sort key ${query.sort}`);
  const key = spec.notNull ? sql`${spec.expr}` : sql`coalesce(${spec.expr}, ${sql.raw(NULL_AS[spec.type])})`;
  const cursor = query.cursor ? decodeCursor(query.cursor, query) : null;
  const op = query.order === "asc" ? ">" : "<";
  const k = cursor ? sql`cast(${cursor.k} as ${sql.raw(spec.type)})` : undefined;
  // The first comparison alone says the same as the row comparison's first column; an index on
  // the key can start the page there, which it cannot do from the row comparison.
  const after = cursor ? sql`${key} ${sql.raw(op)}= ${k} and (${key}, ${id.column}) ${sql.raw(op)} (${k}, cast(${cursor.i} as ${sql.raw(id.type)}))` : undefined;
  const dir = query.order === "asc" ? asc : desc;
  return { key, after, orderBy: [dir(key), dir(id.column)], limit: query.limit + 1 };
}

/** The page from rows fetched with `keyset` (each with `pageKey` and `id`), without `pageKey`. */
export function toPage<R extends { pageKey: unknown; id: string | number }>(rows: R[], query: PageQuery, total: number): Page<Omit<R, "pageKey">> {
  const shown = rows.slice(0, query.limit);
  const last = shown[shown.length - 1];
  const keyOf = (v: unknown) => (v instanceof Date ? v.toISOString() : (v as string | number | boolean));
  const nextCursor = rows.length > query.limit && last ? encodeCursor({ s: query.sort, o: query.order, k: keyOf(last.pageKey), i: last.id }) : null;
  return { items: shown.map(({ pageKey: _k, ...item }) => item), total, nextCursor };
}

/** Sets `Link: <same URL with cursor=next>; rel="next"` when another page follows. Returns the page. */
export function linkNext<P extends { nextCursor: string | null }>(request: FastifyRequest, reply: FastifyReply, page: P): P {
  if (page.nextCursor) {
    const url = new URL(request.url, "http://x");
    url.searchParams.set("cursor", page.nextCursor);
    reply.header("link", `<${url.pathname}${url.search}>; rel="next"`);
  }
  return page;
}

/** `count(*)` as a number on both drivers. */
export const countAll = sql<number>`cast(count(*) as integer)`.mapWith(Number);
