/**
 * The compiled check (rows in a shared buffer, calendar cap table, incremental recompile with
 * copy-on-write rows, holder list) against the direct evaluation in explain-right, on random districts from fast-check.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { getCatalog, type CatalogNode } from "./catalog.js";
import { checkRight } from "./check-right.js";
import { compileDistrict, recompileForChanges, recompileForGroup, recompileForUser, ROW_CAP_SLOTS } from "./compile-district.js";
import { explainRight } from "./explain-right.js";
import type { CalendarGrant, CalendarRef, DistrictModel, GroupModel, RightEntry, TimeBounds, UserModel } from "./model.js";
import { levelOfRights, RIGHTS_BY_LEVEL } from "./rights.js";
import { whoHasAccess } from "./who-has-access.js";

const catalog = getCatalog();
const NOW = new Date("2026-03-01T00:00:00Z");
const day = (d: number) => new Date(NOW.getTime() + d * 86_400_000);

// A few subtrees, so entries meet on shared ancestors: inheritance, shadowing and denies interact.
const roots = ["Student Information", "Census", "Scheduling", "Account Setting"];
const paths = catalog.nodes.filter((n) => roots.some((r) => n.path === r || n.path.startsWith(`${r} > `)) && n.depth <= 2).map((n) => n.path);
const checkedNodes = catalog.nodes.filter((n) => roots.some((r) => n.path === r || n.path.startsWith(`${r} > `)));

const CALS: CalendarRef[] = [
  { school: "A", year: "2025-26", calendar: "A 25-26" },
  { school: "B", year: "2025-26", calendar: "B 25-26" },
  { school: "B", year: "2024-25", calendar: "B 24-25" },
];

const bounds: fc.Arbitrary<TimeBounds> = fc.oneof(
  { weight: 6, arbitrary: fc.constant({}) },
  fc.record({ until: fc.integer({ min: -30, max: 30 }).map(day) }),
  fc.record({ from: fc.integer({ min: -30, max: 30 }).map(day) }),
  fc.tuple(fc.integer({ min: -30, max: 0 }), fc.integer({ min: 1, max: 30 })).map(([a, b]) => ({ from: day(a), until: day(b) })),
);

const entry: fc.Arbitrary<RightEntry> = fc
  .tuple(fc.constantFrom(...paths), fc.constantFrom(...RIGHTS_BY_LEVEL), fc.integer({ min: 0, max: 9 }), bounds)
  .map(([toolPath, rights, kind, b]) => {
    const node = catalog.byKey.get(toolPath.toLowerCase())!;
    const allOrNothing = catalog.nodes[node]!.allOrNothing;
    if (kind === 0) return { toolPath, rights: "", deny: true, ...b }; // deny
    if (kind === 1) return { toolPath, rights: "", ...b }; // explicit none: shadows what is above
    return { toolPath, rights: allOrNothing ? (rights === "" ? "" : "RWAD") : rights, ...b };
  });

const grant: fc.Arbitrary<CalendarGrant> = fc
  .tuple(fc.constantFrom(...CALS), fc.boolean(), fc.boolean(), fc.boolean(), fc.boolean(), bounds)
  .map(([c, anySchool, anyYear, anyCal, modify, b]) => ({
    school: anySchool ? "*" : c.school,
    year: anyYear ? "*" : c.year,
    calendar: anyCal ? "*" : c.calendar,
    modify,
    ...b,
  }));

const district: fc.Arbitrary<DistrictModel> = fc
  .tuple(fc.integer({ min: 1, max: 5 }), fc.integer({ min: 1, max: 7 }))
  .chain(([groupCount, userCount]) => {
    const groupId = fc.integer({ min: 0, max: groupCount }).map((i) => `g${i}`); // g{groupCount} does not exist
    const groups = fc.array(fc.tuple(fc.array(entry, { maxLength: 8 }), fc.array(grant, { maxLength: 2 })), { minLength: groupCount, maxLength: groupCount });
    const users = fc.array(
      fc.tuple(
        fc.constantFrom("none", "none", "none", "student-information-system", "sis-group-assignment"),
        fc.array(fc.tuple(groupId, bounds), { maxLength: 4 }),
        fc.array(entry, { maxLength: 3 }),
        fc.array(grant, { maxLength: 2 }),
      ),
      { minLength: userCount, maxLength: userCount },
    );
    return fc.tuple(groups, users).map(([gs, us]): DistrictModel => ({
      groups: gs.map(([entries, calendarGrants], i): GroupModel => ({ id: `g${i}`, name: `G${i}`, entries, calendarGrants })),
      users: us.map(([role, memberships, entries, calendarGrants], i): UserModel => ({
        id: `u${i}`,
        username: `user${i}`,
        productSecurityRole: role as UserModel["productSecurityRole"],
        memberships: memberships.map(([g, b]) => ({ groupId: g, ...b })),
        entries,
        calendarGrants,
      })),
    }));
  });

const calendarOrNone = fc.option(fc.constantFrom(...CALS, { school: "C", year: "2025-26", calendar: "C 25-26" }), { nil: undefined });

const someNodes = fc.shuffledSubarray(checkedNodes, { minLength: 10, maxLength: 10 });

function expectAgrees(compiled: ReturnType<typeof compileDistrict>, model: DistrictModel, nodes: CatalogNode[], calendars: (CalendarRef | undefined)[]) {
  for (const u of model.users) {
    const idx = compiled.userIndex.get(u.id)!;
    for (const node of nodes) {
      for (const calendar of calendars) {
        const expected = explainRight(catalog, model, u.id, node.path, { asOf: compiled.asOf, ...(calendar ? { calendar } : {}) }).rights;
        expect(checkRight(compiled, idx, node.index, calendar), `${u.id} ${node.path} ${calendar?.calendar ?? "-"}`).toBe(levelOfRights(expected));
      }
    }
  }
}

describe("compiled check vs explainRight (fast-check)", () => {
  it("agree on random districts, tools and calendars", () => {
    fc.assert(
      fc.property(district, someNodes, fc.array(calendarOrNone, { minLength: 1, maxLength: 3 }), (model, nodes, calendars) => {
        expectAgrees(compileDistrict(catalog, model, NOW), model, nodes, calendars);
      }),
      { numRuns: 200 },
    );
  });

  it("agree after incremental recompiles for a changed group and a changed user", () => {
    fc.assert(
      fc.property(district, district, someNodes, fc.nat(), calendarOrNone, (model, other, nodes, pick, calendar) => {
        const compiled = compileDistrict(catalog, model, NOW);
        checkRight(compiled, 0, checkedNodes[0]!.index, CALS[0]); // a cap slot filled before the change is carried over
        const g = model.groups[pick % model.groups.length]!;
        const donor = other.groups[pick % other.groups.length]!;
        const changedGroup: DistrictModel = { ...model, groups: model.groups.map((x) => (x === g ? { ...x, entries: donor.entries, calendarGrants: donor.calendarGrants } : x)) };
        const afterGroup = recompileForGroup(compiled, changedGroup, g.id);
        expectAgrees(afterGroup, changedGroup, nodes, [undefined, CALS[0], calendar]);
        const u = model.users[pick % model.users.length]!;
        const donorUser = other.users[pick % other.users.length]!;
        const changedUser: DistrictModel = { ...changedGroup, users: changedGroup.users.map((x) => (x === u ? { ...donorUser, id: u.id, username: u.username } : x)) };
        const afterUser = recompileForUser(afterGroup, changedUser, u.id);
        expectAgrees(afterUser, changedUser, nodes, [undefined, CALS[0], calendar]);
        // the member lists kept by the recompiles: a later change to every group reaches the right users
        const allChanged: DistrictModel = { ...changedUser, groups: changedUser.groups.map((x, i) => ({ ...x, entries: other.groups[i % other.groups.length]!.entries })) };
        expectAgrees(recompileForChanges(afterUser, allChanged, { groupIds: allChanged.groups.map((x) => x.id) }), allChanged, nodes, [undefined, calendar]);
        expectAgrees(recompileForChanges(compiled, changedUser, { groupIds: [g.id], userIds: [u.id] }), changedUser, nodes, [undefined, CALS[0], calendar]);
      }),
      { numRuns: 100 },
    );
  });

  it("leave the version they start from as it was (rows copy-on-write), siblings and successors alike", () => {
    fc.assert(
      fc.property(district, district, someNodes, fc.nat(), calendarOrNone, (model, other, nodes, pick, calendar) => {
        const compiled = compileDistrict(catalog, model, NOW);
        checkRight(compiled, 0, checkedNodes[0]!.index, CALS[0]); // a cap slot filled before the changes
        const answersOf = (c: ReturnType<typeof compileDistrict>, m: DistrictModel) =>
          m.users.flatMap((u) => nodes.flatMap((n) => [undefined, CALS[0], calendar].map((cal) => checkRight(c, c.userIndex.get(u.id)!, n.index, cal))));
        const before = answersOf(compiled, model);
        const g = model.groups[pick % model.groups.length]!;
        const changedGroup: DistrictModel = { ...model, groups: model.groups.map((x) => (x === g ? { ...x, entries: other.groups[0]!.entries, calendarGrants: other.groups[0]!.calendarGrants } : x)) };
        // one user changed, one removed, one added
        const u = model.users[pick % model.users.length]!;
        const gone = model.users[(pick + 1) % model.users.length]!;
        const added: UserModel = { ...other.users[0]!, id: "added", username: "added" };
        const changedUsers: DistrictModel = {
          ...model,
          users: [...model.users.filter((x) => x !== gone || x === u).map((x) => (x === u ? { ...other.users[pick % other.users.length]!, id: u.id, username: u.username } : x)), added],
        };
        const a = recompileForGroup(compiled, changedGroup, g.id);
        const b = recompileForChanges(compiled, changedUsers, { userIds: [u.id, gone.id, "added"] }); // a sibling of a
        const allChanged: DistrictModel = { ...changedGroup, groups: changedGroup.groups.map((x, i) => ({ ...x, entries: other.groups[i % other.groups.length]!.entries })) };
        const c = recompileForChanges(a, allChanged, { groupIds: allChanged.groups.map((x) => x.id) }); // a successor of a
        // each fills caps of calendars not yet checked, also in rows it shares with the others
        expectAgrees(a, changedGroup, nodes, [undefined, CALS[1], calendar]);
        expectAgrees(b, changedUsers, nodes, [CALS[2], CALS[0], calendar]);
        expectAgrees(c, allChanged, nodes, [undefined, CALS[1], CALS[2]]);
        expect(answersOf(compiled, model)).toEqual(before);
        expectAgrees(compiled, model, nodes, [undefined, ...CALS, calendar]);
        expectAgrees(a, changedGroup, nodes, [undefined, ...CALS]);
      }),
      { numRuns: 100 },
    );
  });

  it("list the same holders with the same grant paths as from the model", () => {
    fc.assert(
      fc.property(district, fc.constantFrom(...checkedNodes), fc.constantFrom("R", "W", "A", "D") as fc.Arbitrary<"R" | "W" | "A" | "D">, calendarOrNone, (model, node, right, calendar) => {
        const opts = { asOf: NOW, ...(calendar ? { calendar } : {}) };
        expect(whoHasAccess(catalog, compileDistrict(catalog, model, NOW), node.path, right, opts)).toEqual(whoHasAccess(catalog, model, node.path, right, opts));
      }),
      { numRuns: 200 },
    );
  });
});

describe("calendar caps past the slots kept in each row", () => {
  it("agree with explainRight, also after a recompile", () => {
    const many: CalendarRef[] = Array.from({ length: ROW_CAP_SLOTS + 6 }, (_, i) => ({ school: `S${i}`, year: "2025-26", calendar: `C${i}` }));
    fc.assert(
      fc.property(district, someNodes, (model, nodes) => {
        const compiled = compileDistrict(catalog, model, NOW);
        for (const c of many) checkRight(compiled, 0, nodes[0]!.index, c); // use up the row's slots
        expectAgrees(compiled, model, nodes, [...CALS, many[ROW_CAP_SLOTS + 2]]);
        const g = model.groups[0]!;
        const changed: DistrictModel = { ...model, groups: model.groups.map((x) => (x === g ? { ...x, calendarGrants: [{ school: "*", year: "*", calendar: "*", modify: true }] } : x)) };
        expectAgrees(recompileForGroup(compiled, changed, g.id), changed, nodes, [CALS[1], many[ROW_CAP_SLOTS + 3]]);
      }),
      { numRuns: 30 },
    );
  });
});
