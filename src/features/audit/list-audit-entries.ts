import { and, desc, eq, gte, ilike, like, lt, or, sql } from "drizzle-orm";
import type { Db } from "../../platform/db/connect.js";
import { auditLog } from "../../platform/db/schema/audit.js";
import type { DistrictActor } from "../../platform/http/actor.js";
import { redactFor } from "../sis/redact-for.js";
import type { AuditQuery } from "./schema.js";
import { countAll } from "../../platform/http/paging.js";

const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

/**
 * The district's audit trail, newest first, filtered and paged by id (stable under new writes).
 * Rows keep the full before/after; each reader sees the protected values they may read.
 */
export async function listAuditEntries(db: Db, actor: DistrictActor, query: AuditQuery) {
  const filters = [
    eq(auditLog.districtId, actor.districtId),
    query.from ? gte(auditLog.at, query.from) : undefined,
    query.to ? lt(auditLog.at, query.to) : undefined,
    query.actor ? sql`lower(${auditLog.actorName}) = lower(${query.actor})` : undefined,
    query.action ? like(auditLog.action, `${escapeLike(query.action)}%`) : undefined,
    query.target
      ? or(ilike(auditLog.targetName, `%${escapeLike(query.target)}%`), eq(auditLog.targetId, query.target))
      : undefined,
  ];
  const [counted] = await db.select({ n: countAll }).from(auditLog).where(and(...filters));
  const rows = await db
    .select()
    .from(auditLog)
    .where(and(...filters, query.before ? lt(auditLog.id, query.before) : undefined))
    .orderBy(desc(auditLog.id))
    .limit(query.limit + 1);
  const page = rows.slice(0, query.limit);
  return {
    entries: page.map(({ districtId: _d, actorId: _a, before, after, ...entry }) => ({
      ...entry,
      before: redactFor(actor.rights, before),
      after: redactFor(actor.rights, after),
    })),
    nextBefore: rows.length > query.limit ? page[page.length - 1]!.id : null,
    total: counted?.n ?? 0,
  };
}
