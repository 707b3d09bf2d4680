import { sql } from "drizzle-orm";
import type { Db } from "../../platform/db/connect.js";
import { onerosterLinks, type OneRosterKind } from "../../platform/db/schema/oneroster.js";
import { inDistrict, type DistrictScope } from "../../platform/db/tenancy.js";

export type Link = { kind: OneRosterKind; sourcedId: string; digest: string; targetId: string | null; userId: string | null; data: Record<string, string>; endedAt: Date | null };

/** Rows per multi-row INSERT: well under PostgreSQL's 65,535 parameters for every table here. */
export const BATCH = 1000;

export async function inBatches<T>(items: T[], work: (batch: T[]) => Promise<unknown>, size = BATCH): Promise<void> {
  for (let i = 0; i < items.length; i += size) await work(items.slice(i, i + size));
}

/** Every link of the district, by kind then sourcedId. */
export async function readLinks(db: Db, scope: DistrictScope): Promise<Map<OneRosterKind, Map<string, Link>>> {
  const rows = await db
    .select({ kind: onerosterLinks.kind, sourcedId: onerosterLinks.sourcedId, digest: onerosterLinks.digest, targetId: onerosterLinks.targetId, userId: onerosterLinks.userId, data: onerosterLinks.data, endedAt: onerosterLinks.endedAt })
    .from(onerosterLinks)
    .where(inDistrict(onerosterLinks, scope));
  const byKind = new Map<OneRosterKind, Map<string, Link>>();
  for (const r of rows) {
    if (!byKind.has(r.kind)) byKind.set(r.kind, new Map());
    byKind.get(r.kind)!.set(r.sourcedId, r);
  }
  return byKind;
}

/** 7 parameters a link: 5,000 a statement stays under 65,535. */
const LINK_BATCH = 5000;

export async function writeLinks(tx: Db, scope: DistrictScope, links: Link[]): Promise<void> {
  await inBatches(links, (batch) =>
    tx
      .insert(onerosterLinks)
      .values(batch.map((l) => ({ ...l, districtId: scope.districtId })))
      .onConflictDoUpdate({
        target: [onerosterLinks.districtId, onerosterLinks.kind, onerosterLinks.sourcedId],
        set: {
          digest: sql`excluded.digest`,
          targetId: sql`excluded.target_id`,
          userId: sql`excluded.user_id`,
          data: sql`excluded.data`,
          endedAt: sql`excluded.ended_at`,
          updatedAt: sql`now()`,
        },
      }),
  LINK_BATCH);
}

