import { asc, sql } from "drizzle-orm";
import { getCatalog, type Catalog } from "../../domain/rights/catalog.js";
import type { Db } from "../../platform/db/connect.js";
import { toolCatalog } from "../../platform/db/schema/rights.js";

export type StoredCatalogNode = typeof toolCatalog.$inferSelect;

/**
 * Brings the deployment's tool_catalog up to the code's catalog: upserts every node with the
 * code's flags and marks paths the code dropped as retired. Idempotent, and cheap when the
 * table already holds this version (one count query), so every start-up may call it.
 */
export async function syncToolCatalog(db: Db, catalog: Catalog = getCatalog()): Promise<{ changed: boolean }> {
  const [state] = await db
    .select({
      current: sql<number>`count(*) filter (where ${toolCatalog.catalogVersion} = ${catalog.version} and ${toolCatalog.retiredIn} is null)`.mapWith(Number),
      newer: sql<number>`count(*) filter (where ${toolCatalog.catalogVersion} > ${catalog.version})`.mapWith(Number),
    })
    .from(toolCatalog);
  // A newer release already synced this database: an older server must not downgrade it.
  if ((state?.newer ?? 0) > 0 || state?.current === catalog.nodes.length) return { changed: false };
  await db.transaction(async (tx) => {
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
  });
  return { changed: true };
}

/** The stored catalog in tree order, without retired paths. */
export async function readStoredCatalog(db: Db): Promise<StoredCatalogNode[]> {
  return db.select().from(toolCatalog).where(sql`${toolCatalog.retiredIn} is null`).orderBy(asc(toolCatalog.position));
}
