import { asc, sql } from "drizzle-orm";
import { getCatalog, type Catalog } from "../../domain/rights/catalog.js";
import { CATALOG_RENAMES, type CatalogRename } from "../../domain/rights/catalog-data.js";
import type { Db } from "../../platform/db/connect.js";
import { toolCatalog } from "../../platform/db/schema/rights.js";
import { migrateStoredEntries, type CatalogMigration } from "./migrate-catalog-entries.js";

export type StoredCatalogNode = typeof toolCatalog.$inferSelect;

/** Lock key so two servers starting together do not sync (and migrate entries) twice. */
const CATALOG_SYNC_LOCK = 727_281;

export type CatalogSync = { changed: boolean } & CatalogMigration;

/** True when the stored catalog is not this version yet (and no newer release synced it). */
async function needsSync(db: Db, catalog: Catalog): Promise<boolean> {
  const [state] = await db
    .select({
      current: sql<number>`count(*) filter (where ${toolCatalog.catalogVersion} = ${catalog.version} and ${toolCatalog.retiredIn} is null)`.mapWith(Number),
      newer: sql<number>`count(*) filter (where ${toolCatalog.catalogVersion} > ${catalog.version})`.mapWith(Number),
    })
    .from(toolCatalog);
  // A newer release already synced this database: an older server must not downgrade it.
  return (state?.newer ?? 0) === 0 && state?.current !== catalog.nodes.length;
}

/**
 * Brings the deployment's tool_catalog up to the code's catalog: upserts every node with the
 * code's flags, marks paths the code dropped as retired, and migrates the districts' stored
 * entries (renamed paths move, dropped paths are retired; see migrate-catalog-entries.ts).
 * Idempotent, and cheap when the table already holds this version (one count query), so
 * every start-up may call it.
 */
export async function syncToolCatalog(db: Db, catalog: Catalog = getCatalog(), renames: readonly CatalogRename[] = CATALOG_RENAMES): Promise<CatalogSync> {
  const unchanged = { changed: false, moved: 0, retired: 0 };
  if (!(await needsSync(db, catalog))) return unchanged;
  return db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(${CATALOG_SYNC_LOCK})`);
    if (!(await needsSync(tx, catalog))) return unchanged;
    for (const node of catalog.nodes) {
      const row = {
        path: node.path,
        parentPath: node.parentIndex === null ? null : catalog.nodes[node.parentIndex]!.path,
        label: node.label,
        position: node.index,
        calendarScoped: node.calendarScoped,
        federallyProtected: node.federallyProtected,
        allOrNothing: node.allOrNothing,
        dangerous: node.dangerous,
        catalogVersion: catalog.version,
        retiredIn: null,
      };
      await tx.insert(toolCatalog).values(row).onConflictDoUpdate({ target: toolCatalog.path, set: row });
    }
    await tx
      .update(toolCatalog)
      .set({ retiredIn: catalog.version })
      .where(sql`${toolCatalog.catalogVersion} < ${catalog.version} and ${toolCatalog.retiredIn} is null`);
    return { changed: true, ...(await migrateStoredEntries(tx, catalog, renames)) };
  });
}

/** The stored catalog in tree order, without retired paths. */
export async function readStoredCatalog(db: Db): Promise<StoredCatalogNode[]> {
  return db.select().from(toolCatalog).where(sql`${toolCatalog.retiredIn} is null`).orderBy(asc(toolCatalog.position));
}
