import { and, eq, gte, lt, sql } from "drizzle-orm";
import type { Db } from "../../platform/db/connect.js";
import { sisAccessLog } from "../../platform/db/schema/adhoc.js";
import { sisPeople } from "../../platform/db/schema/sis.js";
import { inDistrict, type DistrictScope } from "../../platform/db/tenancy.js";
import { countAll, keyset, toPage, type SortKey } from "../../platform/http/paging.js";
import type { ACCESS_LOG_SORTS, AccessLogQuery } from "./schema.js";

const personName = sql<string | null>`${sisPeople.lastName} || ', ' || ${sisPeople.firstName}`;

const accessLogSortKeys: Record<(typeof ACCESS_LOG_SORTS)[number], SortKey> = {
  at: { expr: sisAccessLog.at, type: "timestamptz" },
  actor: { expr: sql`lower(${sisAccessLog.actorName})`, type: "text" },
  person: { expr: sql`lower(${personName})`, type: "text" },
  // by the tool the screen shows under each field, so readings of one area stay together
  field: { expr: sql`lower(${sisAccessLog.tool} || ' ' || ${sisAccessLog.field})`, type: "text" },
  route: { expr: sisAccessLog.route, type: "text" },
};

/** FERPA's record of access, newest first by default, a page at a time with the total that matches. */
export async function listAccessLog(db: Db, scope: DistrictScope, q: AccessLogQuery) {
  const where = inDistrict(
    sisAccessLog,
    scope,
    q.personId ? eq(sisAccessLog.personId, q.personId) : undefined,
    q.actor ? sql`lower(${sisAccessLog.actorName}) = lower(${q.actor})` : undefined,
    q.field ? eq(sisAccessLog.field, q.field) : undefined,
    q.from ? gte(sisAccessLog.at, new Date(q.from)) : undefined,
    q.to ? lt(sisAccessLog.at, new Date(q.to)) : undefined,
  );
  const page = keyset(q, accessLogSortKeys, { column: sisAccessLog.id, type: "bigint" });
  const person = and(eq(sisPeople.id, sisAccessLog.personId), eq(sisPeople.districtId, sisAccessLog.districtId));
  const rows = await db
    .select({
      id: sisAccessLog.id,
      at: sisAccessLog.at,
      actorName: sisAccessLog.actorName,
      personId: sisAccessLog.personId,
      personName,
      localId: sisPeople.localId,
      field: sisAccessLog.field,
      tool: sisAccessLog.tool,
      route: sisAccessLog.route,
      filterId: sisAccessLog.filterId,
      pageKey: page.key,
    })
    .from(sisAccessLog)
    .leftJoin(sisPeople, person)
    .where(and(where, page.after))
    .orderBy(...page.orderBy)
    .limit(page.limit);
  const [counted] = await db.select({ n: countAll }).from(sisAccessLog).where(where);
  const result = toPage(rows, q, counted?.n ?? 0);
  return { ...result, items: result.items.map((r) => ({ ...r, at: r.at.toISOString() })) };
}
