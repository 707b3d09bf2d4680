import { and, sql } from "drizzle-orm";
import type { Db } from "../../platform/db/connect.js";
import type { DistrictScope } from "../../platform/db/tenancy.js";
import { keyset, toPage, type SortKey } from "../../platform/http/paging.js";
import { ENTRY_ID, entriesOf } from "./access-log-entries.js";
import { queryRows } from "./query-rows.js";
import type { ACCESS_LOG_SORTS, AccessLogQuery } from "./schema.js";

const personName = sql`p.last_name || ', ' || p.first_name`;

const accessLogSortKeys: Record<(typeof ACCESS_LOG_SORTS)[number], SortKey> = {
  at: { expr: sql`a.at`, type: "timestamptz", notNull: true },
  actor: { expr: sql`lower(a.actor_name)`, type: "text" },
  person: { expr: sql`lower(${personName})`, type: "text" },
  // by the tool the screen shows under each field, so readings of one area stay together
  field: { expr: sql`lower(f.tool || ' ' || f.field)`, type: "text" },
  route: { expr: sql`a.route`, type: "text" },
};

type EntryRow = {
  id: number | string;
  at: Date | string;
  actorName: string;
  personId: string;
  personName: string | null;
  localId: string | null;
  field: string;
  tool: string;
  route: string;
  filterId: string | null;
  pageKey: unknown;
};

/**
 * FERPA's record of access, one entry per protected field read, newest first by default, a page
 * at a time with the total that matches.
 */
export async function listAccessLog(db: Db, scope: DistrictScope, q: AccessLogQuery) {
  if (!scope.districtId) throw new Error("listAccessLog needs a district scope");
  const where = and(
    sql`a.district_id = ${scope.districtId}`,
    q.personId ? sql`a.person_id = ${q.personId}` : undefined,
    q.actor ? sql`lower(a.actor_name) = lower(${q.actor})` : undefined,
    q.field ? sql`f.field = ${q.field}` : undefined,
    q.from ? sql`a.at >= ${new Date(q.from).toISOString()}::timestamptz` : undefined,
    q.to ? sql`a.at < ${new Date(q.to).toISOString()}::timestamptz` : undefined,
  )!;
  const page = keyset(q, accessLogSortKeys, { column: sql.raw(ENTRY_ID), type: "bigint" });
  const entries = sql.raw(entriesOf("sis_access_log a left join sis_people p on p.id = a.person_id and p.district_id = a.district_id"));
  const rows = await queryRows<EntryRow>(
    db,
    sql`select ${sql.raw(ENTRY_ID)} as "id", a.at as "at", a.actor_name as "actorName", a.person_id as "personId", ${personName} as "personName",
          p.local_id as "localId", f.field as "field", f.tool as "tool", a.route as "route", a.filter_id as "filterId", ${page.key} as "pageKey"
        from ${entries}
        where ${and(where, page.after)}
        order by ${sql.join(page.orderBy, sql`, `)}
        limit ${page.limit}`,
  );
  const [counted] = await queryRows<{ n: number }>(db, sql`select cast(count(*) as integer) as n from ${entries} where ${where}`);
  const result = toPage(rows.map((r) => ({ ...r, id: Number(r.id), at: new Date(r.at) })), q, Number(counted?.n ?? 0));
  return { ...result, items: result.items.map((r) => ({ ...r, at: r.at.toISOString() })) };
}
