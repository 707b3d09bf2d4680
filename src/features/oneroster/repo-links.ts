import { sql } from "drizzle-orm";
import type { Db } from "../../platform/db/connect.js";
import { onerosterLinks, type OneRosterKind } from "../../platform/db/schema/oneroster.js";
import { COLUMN_BATCH, insertColumns, type Column } from "../../platform/db/insert-columns.js";
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

/**
 * Saves links set-based. `fresh`: the district had no links before this import, so none can
 * conflict and the insert skips the conflict check.
 */
export async function writeLinks(tx: Db, scope: DistrictScope, all: Link[], fresh: boolean, onSaved: (done: number) => void = () => {}): Promise<void> {
  let done = 0;
  await inBatches(all, async (links) => {
    const columns: Column[] = [
      { name: "district_id", type: "uuid", values: links.map(() => scope.districtId) },
      { name: "kind", type: "text", values: links.map((l) => l.kind) },
      { name: "sourced_id", type: "text", values: links.map((l) => l.sourcedId) },
      { name: "digest", type: "text", values: links.map((l) => l.digest) },
      { name: "target_id", type: "uuid", values: links.map((l) => l.targetId) },
      { name: "user_id", type: "uuid", values: links.map((l) => l.userId) },
      { name: "data", type: "jsonb", values: links.map((l) => JSON.stringify(l.data)) },
      { name: "ended_at", type: "timestamptz", values: links.map((l) => l.endedAt?.toISOString() ?? null) },
    ];
    const upsert = sql`on conflict (district_id, kind, sourced_id) do update set digest = excluded.digest, target_id = excluded.target_id, user_id = excluded.user_id, data = excluded.data, ended_at = excluded.ended_at, updated_at = now()`;
    await insertColumns(tx, "oneroster_links", columns, fresh ? undefined : upsert);
    onSaved((done += links.length));
  }, COLUMN_BATCH);
}
