import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildCatalog } from "../../domain/rights/catalog.js";
import { CATALOG_DATA } from "../../domain/rights/catalog-data.js";
import { toolCatalog } from "../../platform/db/schema/rights.js";
import type { Database } from "../../platform/db/connect.js";
import { createTestDatabase } from "../../../test/support/test-db.js";
import { readStoredCatalog, syncToolCatalog } from "./catalog-sync.js";

let database: Database;
beforeAll(async () => (database = await createTestDatabase()));
afterAll(() => database.close());

const modules = (prefix: string) => CATALOG_DATA.filter((e) => e.path === prefix || e.path.startsWith(`${prefix} > `));

describe("stored tool catalog", () => {
  it("syncs once, upgrades to a bigger catalog, retires dropped paths and never downgrades", async () => {
    const v1 = buildCatalog([...modules("Attendance"), ...modules("Census")], 101);
    expect(await syncToolCatalog(database.db, v1)).toEqual({ changed: true });
    expect(await syncToolCatalog(database.db, v1)).toEqual({ changed: false });
    expect((await readStoredCatalog(database.db)).length).toBe(v1.nodes.length);

    const v2 = buildCatalog([...modules("Attendance"), ...modules("Scheduling")], 102);
    expect(await syncToolCatalog(database.db, v2)).toEqual({ changed: true });
    const stored = await readStoredCatalog(database.db);
    expect(stored.map((n) => n.path)).toEqual(v2.nodes.map((n) => n.path));
    expect(stored.find((n) => n.path === "Scheduling > Schedule Wizard")).toMatchObject({ parentPath: "Scheduling", catalogVersion: 102 });
    const [census] = await database.db.select().from(toolCatalog).where(eq(toolCatalog.path, "Census"));
    expect(census!.retiredIn).toBe(102);

    expect(await syncToolCatalog(database.db, v1)).toEqual({ changed: false });
    expect((await readStoredCatalog(database.db)).length).toBe(v2.nodes.length);
  });
});
