import { and, desc, eq, gte, lt, sql } from "drizzle-orm";
import type { Db } from "../../platform/db/connect.js";
import { sisAccessLog } from "../../platform/db/schema/adhoc.js";
import { sisPeople } from "../../platform/db/schema/sis.js";
import { inDistrict, type DistrictScope } from "../../platform/db/tenancy.js";

export type AccessLogQuery = { personId?: string; actor?: string; field?: string; from?: string; to?: string; before?: number; limit: number };

/** FERPA's record of access, newest first; keyset on id so paging stays fast on a long log. */
export async function listAccessLog(db: Db, scope: DistrictScope, q: AccessLogQuery) {
  const rows = await db
    .select({
      id: sisAccessLog.id,
      at: sisAccessLog.at,
      actorName: sisAccessLog.actorName,
      personId: sisAccessLog.personId,
      personName: sql<string | null>`${sisPeople.lastName} || ', ' || ${sisPeople.firstName}`,
      localId: sisPeople.localId,
      field: sisAccessLog.field,
      tool: sisAccessLog.tool,
      route: sisAccessLog.route,
      filterId: sisAccessLog.filterId,
    })
    .from(sisAccessLog)
    .leftJoin(sisPeople, and(eq(sisPeople.id, sisAccessLog.personId), eq(sisPeople.districtId, sisAccessLog.districtId)))
    .where(
      inDistrict(
        sisAccessLog,
        scope,
        q.personId ? eq(sisAccessLog.personId, q.personId) : undefined,
        q.actor ? sql`lower(${sisAccessLog.actorName}) = lower(${q.actor})` : undefined,
        q.field ? eq(sisAccessLog.field, q.field) : undefined,
        q.from ? gte(sisAccessLog.at, new Date(q.from)) : undefined,
        q.to ? lt(sisAccessLog.at, new Date(q.to)) : undefined,
        q.before ? lt(sisAccessLog.id, q.before) : undefined,
      ),
    )
    .orderBy(desc(sisAccessLog.id))
    .limit(q.limit + 1);
  const page = rows.slice(0, q.limit);
  return {
    entries: page.map((r) => ({ ...r, at: r.at.toISOString() })),
    nextBefore: rows.length > q.limit ? page[page.length - 1]!.id : null,
  };
}

