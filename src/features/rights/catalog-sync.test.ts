import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getRights } from "../../domain/rights/check-right.js";
import { buildCatalog } from "../../domain/rights/catalog.js";
import { CATALOG_DATA, type CatalogDataEntry } from "../../domain/rights/catalog-data.js";
import { compileDistrict } from "../../domain/rights/compile-district.js";
import { auditLog } from "../../platform/db/schema/audit.js";
import { rightEntries, rightsChanges, toolCatalog } from "../../platform/db/schema/rights.js";
import type { Database } from "../../platform/db/connect.js";
import { buildDistrict, buildUser } from "../../../test/support/factories.js";
import { insertGroup, insertUserEntry } from "../../../test/support/rights-rows.js";
import { createTestDatabase } from "../../../test/support/test-db.js";
import { readStoredCatalog, syncToolCatalog } from "./catalog-sync.js";
import { migrationTarget } from "./migrate-catalog-entries.js";
import { loadDistrictModel } from "./repo-model.js";
import { readRightsVersion } from "./rights-version.js";

let database: Database;
beforeAll(async () => (database = await createTestDatabase()));
afterAll(() => database.close());

const modules = (prefix: string) => CATALOG_DATA.filter((e) => e.path === prefix || e.path.startsWith(`${prefix} > `));
const renamed = (data: CatalogDataEntry[], from: string, to: string) =>
  data.map((e) => (e.path === from || e.path.startsWith(`${from} > `) ? { ...e, path: to + e.path.slice(from.length) } : e));

describe("stored tool catalog", () => {
  it("syncs once, upgrades to a bigger catalog, retires dropped paths and never downgrades", async () => {
    const v1 = buildCatalog([...modules("Attendance"), ...modules("Census")], 101);
    expect(await syncToolCatalog(database.db, v1)).toMatchObject({ changed: true });
    expect(await syncToolCatalog(database.db, v1)).toMatchObject({ changed: false });
    expect((await readStoredCatalog(database.db)).length).toBe(v1.nodes.length);

    const v2 = buildCatalog([...modules("Attendance"), ...modules("Scheduling")], 102);
    expect(await syncToolCatalog(database.db, v2)).toMatchObject({ changed: true });
    const stored = await readStoredCatalog(database.db);
    expect(stored.map((n) => n.path)).toEqual(v2.nodes.map((n) => n.path));
    expect(stored.find((n) => n.path === "Scheduling > Schedule Wizard")).toMatchObject({ parentPath: "Scheduling", catalogVersion: 102 });
    const [census] = await database.db.select().from(toolCatalog).where(eq(toolCatalog.path, "Census"));
    expect(census!.retiredIn).toBe(102);

    expect(await syncToolCatalog(database.db, v1)).toMatchObject({ changed: false });
    expect((await readStoredCatalog(database.db)).length).toBe(v2.nodes.length);
  });
});

describe("migrating a district's rights when the catalog changes", () => {
  // v201 has Scheduling and Census; v202 renames the Schedule Wizard, drops Census and adds a tool
  const v201 = buildCatalog([...modules("Scheduling"), ...modules("Census")], 201);
  const grown = [...renamed(modules("Scheduling"), "Scheduling > Schedule Wizard", "Scheduling > Schedule Builder"), { path: "Scheduling > Lunch Planner" }];
  const v202 = buildCatalog(renamed(grown, "Scheduling > Trials", "Scheduling > Trial Runs"), 202);
  const renames = [
    { from: "Scheduling > Schedule Wizard", to: "Scheduling > Schedule Builder", since: 202 },
    { from: "Scheduling > Trials", to: "Scheduling > Trial Runs", since: 202 },
  ];

  it("moves entries on renamed paths, retires entries on dropped ones, audits it and moves the rights version", async () => {
    expect(await syncToolCatalog(database.db, v201, renames)).toMatchObject({ changed: true, moved: 0, retired: 0 });
    const district = await buildDistrict(database.db);
    const scope = { districtId: district.id };
    const user = await buildUser(database.db, { districtId: district.id });
    const groupId = await insertGroup(database.db, district.id, {
      name: "Schedulers",
      entries: [
        { toolPath: "Scheduling", rights: "R" },
        { toolPath: "Scheduling > Schedule Wizard", rights: "RWAD" },
        { toolPath: "Census > People", rights: "RW" },
        { toolPath: "Scheduling > Trials", rights: "RW" },
        // already on the new path (written by a server on the newer catalog): merged, not duplicated
        { toolPath: "Scheduling > Trial Runs", rights: "R" },
      ],
      members: [{ userId: user.id }],
    });
    await insertUserEntry(database.db, district.id, user.id, { toolPath: "Scheduling > Schedule Wizard", rights: "", deny: true });
    const before = compileDistrict(v201, await loadDistrictModel(database.db, scope, v201), new Date());
    expect(getRights(before, user.id, "Scheduling > Trials")).toBe("RW");
    const versionBefore = await readRightsVersion(database.db, scope);

    expect(await syncToolCatalog(database.db, v202, renames)).toEqual({ changed: true, moved: 3, retired: 1 });

    const entries = await database.db.select().from(rightEntries).where(eq(rightEntries.districtId, district.id));
    const summary = entries.map((e) => `${e.groupId ? "group" : "user"} ${e.toolPath} ${e.deny ? "deny" : e.rights}`).sort();
    expect(summary).toEqual([
      "group Scheduling > Schedule Builder RWAD",
      "group Scheduling > Trial Runs RW",
      "group Scheduling R",
      "user Scheduling > Schedule Builder deny",
    ]);
    const [audit] = await database.db.select().from(auditLog).where(and(eq(auditLog.districtId, district.id), eq(auditLog.action, "catalog.entries-migrated")));
    expect((audit!.before as { entries: { toolPath: string }[] }).entries.map((e) => e.toolPath).sort()).toEqual([
      "Census > People", "Scheduling > Schedule Wizard", "Scheduling > Schedule Wizard", "Scheduling > Trials",
    ]);
    expect(audit!.after).toMatchObject({ catalogVersion: 202, entries: expect.arrayContaining([expect.objectContaining({ groupId, toolPath: "Scheduling > Schedule Builder", rights: "RWAD" })]) });
    expect(await readRightsVersion(database.db, scope)).toBeGreaterThan(versionBefore);
    const changes = await database.db.select().from(rightsChanges).where(and(eq(rightsChanges.districtId, district.id), eq(rightsChanges.kind, "district")));
    expect(changes).toHaveLength(1);

    // the same rights under the new names; the new tool inherits from the module entry
    const after = compileDistrict(v202, await loadDistrictModel(database.db, scope, v202), new Date());
    expect(getRights(after, user.id, "Scheduling > Schedule Builder")).toBe("");
    expect(getRights(after, user.id, "Scheduling > Trial Runs")).toBe("RW");
    expect(getRights(after, user.id, "Scheduling > Lunch Planner")).toBe("R");

    // a second start finds nothing to do
    expect(await syncToolCatalog(database.db, v202, renames)).toEqual({ changed: false, moved: 0, retired: 0 });
  });

  it("leaves out entries on tools the server's catalog does not know, instead of failing every request", async () => {
    const district = await buildDistrict(database.db);
    const user = await buildUser(database.db, { districtId: district.id });
    await insertGroup(database.db, district.id, {
      name: "Newer",
      entries: [{ toolPath: "Scheduling", rights: "RW" }, { toolPath: "Scheduling > Tool From A Newer Release", rights: "" }],
      members: [{ userId: user.id }],
    });
    const model = await loadDistrictModel(database.db, { districtId: district.id }, v202);
    expect(model.groups[0]!.entries.map((e) => e.toolPath)).toEqual(["Scheduling"]);
    expect(getRights(compileDistrict(v202, model, new Date()), user.id, "Scheduling > Lunch Planner")).toBe("RW");
  });

  it("follows renames in order and spells paths as the catalog does", () => {
    const chain = [
      { from: "Scheduling > Trials", to: "Scheduling > Trial Runs", since: 204 },
      { from: "Scheduling > Tryouts", to: "Scheduling > Trials", since: 203 },
    ];
    expect(migrationTarget(v202, chain, "Scheduling > Tryouts")).toBe("Scheduling > Trial Runs");
    expect(migrationTarget(v202, [], "scheduling >  lunch planner")).toBe("Scheduling > Lunch Planner");
    expect(migrationTarget(v202, [], "Census > People")).toBeNull();
  });
});

describe("several servers starting at once", () => {
  it("sync the catalog exactly once", async () => {
    const v301 = buildCatalog([...modules("Attendance"), ...modules("Census")], 301);
    const results = await Promise.all([1, 2, 3].map(() => syncToolCatalog(database.db, v301)));
    expect(results.filter((r) => r.changed)).toHaveLength(1);
    expect((await readStoredCatalog(database.db)).map((n) => n.path)).toEqual(v301.nodes.map((n) => n.path));
  });
});
