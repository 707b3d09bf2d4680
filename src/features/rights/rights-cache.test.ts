import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getCatalog } from "../../domain/rights/catalog.js";
import { compileDistrict, userLevels } from "../../domain/rights/compile-district.js";
import { fixedClock } from "../../platform/clock.js";
import { userGroupMembers } from "../../platform/db/schema/rights.js";
import type { Database } from "../../platform/db/connect.js";
import { buildDistrict, buildUser } from "../../../test/support/factories.js";
import { buildRightsGroup } from "../../../test/support/rights-factories.js";
import { createTestDatabase } from "../../../test/support/test-db.js";
import { loadDistrictModel } from "./repo-model.js";
import { createRightsCache } from "./rights-cache.js";
import { bumpRightsVersion } from "./rights-version.js";

let database: Database;
beforeAll(async () => (database = await createTestDatabase()));
afterAll(() => database.close());

const asUser = (u: { id: string; districtId: string | null }) => ({ id: u.id, districtId: u.districtId, kind: "district" as const, productSecurityRole: "none" as const });

describe("compiled rights cache", () => {
  it("recompiles by itself when a membership's until date passes, with no change recorded", async () => {
    const clock = fixedClock(new Date("2026-03-01T00:00:00Z"));
    const cache = createRightsCache(database, clock);
    const district = await buildDistrict(database.db);
    const user = await buildUser(database.db, { districtId: district.id });
    const groupId = await buildRightsGroup(database.db, district.id, { rights: { Scheduling: "RWAD" } });
    await database.db.insert(userGroupMembers).values({ districtId: district.id, groupId, userId: user.id, validUntil: new Date("2026-03-10T00:00:00Z") });
    await bumpRightsVersion(database.db, { districtId: district.id }, { users: [user.id] });
    expect((await cache.viewFor(asUser(user))).level("Scheduling > Trials")).toBe("RWAD");
    clock.set(new Date("2026-03-10T00:00:00Z"));
    expect((await cache.viewFor(asUser(user))).level("Scheduling > Trials")).toBe("");
  });

  it("after incremental updates gives exactly what a full compile gives", async () => {
    const clock = fixedClock(new Date("2026-03-01T00:00:00Z"));
    const cache = createRightsCache(database, clock);
    const district = await buildDistrict(database.db);
    const scope = { districtId: district.id };
    const people = [];
    for (let i = 0; i < 4; i++) people.push(await buildUser(database.db, { districtId: district.id }));
    await buildRightsGroup(database.db, district.id, { rights: { Attendance: "RW" }, members: [people[0]!.id, people[1]!.id] });
    await cache.compiledFor(scope); // first, full compile
    await buildRightsGroup(database.db, district.id, { rights: { Attendance: "deny", Census: "R" }, members: [people[1]!.id] });
    await buildRightsGroup(database.db, district.id, { rights: { "Student Information": "RWAD", "Student Information > Health": "" }, members: [people[2]!.id, people[0]!.id] });
    const late = await buildUser(database.db, { districtId: district.id });
    expect((await cache.viewFor(asUser(late))).level("Attendance")).toBe("");
    const cached = await cache.compiledFor(scope);
    const full = compileDistrict(getCatalog(), await loadDistrictModel(database.db, scope), clock.now());
    for (const id of full.userIds) {
      expect(Array.from(userLevels(cached, cached.userIndex.get(id)!)), id).toEqual(Array.from(userLevels(full, full.userIndex.get(id)!)));
    }
    expect((await cache.viewFor(asUser(people[1]!))).level("Attendance > Attendance Wizards")).toBe("");
    expect((await cache.viewFor(asUser(people[0]!))).level("Student Information > Health")).toBe("");
  });

  it("gives vendor staff no district tools", async () => {
    const cache = createRightsCache(database);
    const view = await cache.viewFor({ id: "00000000-0000-0000-0000-000000000000", districtId: null, kind: "vendor", productSecurityRole: "none" });
    expect(view.level("Attendance")).toBe("");
  });
});
