import { and, eq, inArray, sql } from "drizzle-orm";
import { findNode, type Catalog } from "../../domain/rights/catalog.js";
import type { CatalogRename } from "../../domain/rights/catalog-data.js";
import { levelOfRights, rightsFromLevel, type Rights } from "../../domain/rights/rights.js";
import { pathKey } from "../../domain/rights/tool-path.js";
import { recordAudit } from "../../platform/audit.js";
import type { Db } from "../../platform/db/connect.js";
import { rightEntries } from "../../platform/db/schema/rights.js";
import { bumpRightsVersion } from "./rights-version.js";

type EntryRow = typeof rightEntries.$inferSelect;
type Moved = { id: string; groupId: string | null; userId: string | null; toolPath: string; rights: string; deny: boolean; from: Date | null; until: Date | null };

export type CatalogMigration = { moved: number; retired: number };

/**
 * Where an entry stored on `path` belongs in `catalog`: its path after the renames (applied in
 * order, so a path renamed twice follows both), spelled as the catalog spells it; null when the
 * catalog no longer has it. Such an entry grants nothing: no node lies below a missing path.
 */
export function migrationTarget(catalog: Catalog, renames: readonly CatalogRename[], path: string): string | null {
  let current = path;
  for (const r of [...renames].sort((a, b) => a.since - b.since)) if (pathKey(r.from) === pathKey(current)) current = r.to;
  return findNode(catalog, current)?.path ?? null;
}

const described = (r: EntryRow, toolPath = r.toolPath): Moved => ({
  id: r.id, groupId: r.groupId, userId: r.userId, toolPath, rights: r.rights, deny: r.deny, from: r.validFrom, until: r.validUntil,
});

/**
 * Moves an entry to its new path. When the grantee already has an entry there for the same
 * window, the two become one with the same effect: the larger right, or a deny if either was
 * (a deny on a node covers everything the grantee's allow there could give).
 */
async function moveEntry(tx: Db, row: EntryRow, to: string): Promise<void> {
  const [twin] = await tx
    .select()
    .from(rightEntries)
    .where(
      and(
        eq(rightEntries.toolPath, to),
        sql`${rightEntries.groupId} is not distinct from ${row.groupId}`,
        sql`${rightEntries.userId} is not distinct from ${row.userId}`,
        sql`${rightEntries.validFrom} is not distinct from ${row.validFrom}`,
        sql`${rightEntries.validUntil} is not distinct from ${row.validUntil}`,
      ),
    )
    .limit(1);
  if (!twin) {
    await tx.update(rightEntries).set({ toolPath: to }).where(eq(rightEntries.id, row.id));
    return;
  }
  const deny = twin.deny || row.deny;
  const rights: Rights = deny ? "" : rightsFromLevel(Math.max(levelOfRights(twin.rights), levelOfRights(row.rights)));
  await tx.update(rightEntries).set({ deny, rights }).where(eq(rightEntries.id, twin.id));
  await tx.delete(rightEntries).where(eq(rightEntries.id, row.id));
}

/**
 * Brings every district's stored entries onto the catalog just synced: renamed paths move,
 * paths the catalog dropped are retired. Each district touched gets one audit row with the
 * entries before and after, and a district-wide rights version move so every server recompiles.
 */
export async function migrateStoredEntries(tx: Db, catalog: Catalog, renames: readonly CatalogRename[]): Promise<CatalogMigration> {
  const stored = await tx.selectDistinct({ toolPath: rightEntries.toolPath }).from(rightEntries);
  const plan = new Map<string, string | null>();
  for (const { toolPath } of stored) {
    const target = migrationTarget(catalog, renames, toolPath);
    if (target !== toolPath) plan.set(toolPath, target);
  }
  if (plan.size === 0) return { moved: 0, retired: 0 };
  const rows = await tx.select().from(rightEntries).where(inArray(rightEntries.toolPath, [...plan.keys()]));
  const byDistrict = new Map<string, { before: Moved[]; after: Moved[] }>();
  let moved = 0;
  for (const row of rows) {
    const to = plan.get(row.toolPath)!;
    const log = byDistrict.get(row.districtId) ?? { before: [], after: [] };
    byDistrict.set(row.districtId, log);
    log.before.push(described(row));
    if (to === null) {
      await tx.delete(rightEntries).where(eq(rightEntries.id, row.id));
      continue;
    }
    await moveEntry(tx, row, to);
    log.after.push(described(row, to));
    moved++;
  }
  for (const [districtId, log] of byDistrict) {
    await recordAudit(tx, {
      districtId,
      actor: null,
      action: "catalog.entries-migrated",
      target: { type: "district", id: districtId },
      before: { entries: log.before },
      after: { catalogVersion: catalog.version, entries: log.after },
    });
    await bumpRightsVersion(tx, { districtId }, { district: true });
  }
  return { moved, retired: rows.length - moved };
}
