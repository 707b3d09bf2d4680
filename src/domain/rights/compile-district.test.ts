import { describe, expect, it } from "vitest";
import { getCatalog } from "./catalog.js";
import { calendarCapLevel, checkRight, getRights } from "./check-right.js";
import { compileDistrict, recompileForGroup, recompileForUser, userLevels } from "./compile-district.js";
import { evaluateRight, explainRight } from "./explain-right.js";
import { formatExplanation } from "./format-explanation.js";
import type { CalendarRef, DistrictModel, GroupModel, UserModel } from "./model.js";
import { RIGHTS_BY_LEVEL, type Rights } from "./rights.js";
import { whoHasAccess } from "./who-has-access.js";

const catalog = getCatalog();
const NOW = new Date("2026-03-01T00:00:00Z");

/** small deterministic PRNG (mulberry32) */
function prng(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const CALS: CalendarRef[] = [
  { school: "A", year: "2025-26", calendar: "A 25-26" },
  { school: "B", year: "2025-26", calendar: "B 25-26" },
  { school: "B", year: "2024-25", calendar: "B 24-25" },
];
const DAYS = [-40, -10, 0, 5, 30].map((d) => new Date(NOW.getTime() + d * 86_400_000));

function randomModel(seed: number): DistrictModel {
  const rnd = prng(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!;
  const paths = catalog.nodes.filter((n) => !n.allOrNothing).map((n) => n.path);
  const bounds = () => {
    const r = rnd();
    if (r < 0.7) return {};
    if (r < 0.85) return { until: pick(DAYS) };
    return { from: pick(DAYS) };
  };
  const entries = (n: number) =>
    Array.from({ length: n }, () => {
      const deny = rnd() < 0.08;
      return { toolPath: pick(paths), rights: deny ? ("" as Rights) : pick(RIGHTS_BY_LEVEL), ...(deny ? { deny } : {}), ...bounds() };
    });
  const grants = (n: number) =>
    Array.from({ length: n }, () => {
      const c = pick(CALS);
      return { school: rnd() < 0.3 ? "*" : c.school, year: rnd() < 0.5 ? "*" : c.year, calendar: rnd() < 0.5 ? "*" : c.calendar, modify: rnd() < 0.5, ...bounds() };
    });
  const groups: GroupModel[] = Array.from({ length: 6 }, (_, i) => ({ id: `g${i}`, name: `G${i}`, entries: entries(3 + Math.floor(rnd() * 10)), calendarGrants: grants(Math.floor(rnd() * 2)) }));
  const users: UserModel[] = Array.from({ length: 8 }, (_, i) => ({
    id: `u${i}`,
    username: `user${i}`,
    productSecurityRole: rnd() < 0.1 ? "student-information-system" : rnd() < 0.1 ? "sis-group-assignment" : "none",
    memberships: Array.from({ length: Math.floor(rnd() * 4) }, () => ({ groupId: pick(groups).id, ...bounds() })),
    entries: rnd() < 0.3 ? entries(2) : [],
    calendarGrants: grants(rnd() < 0.3 ? 1 : 0),
  }));
  return { groups, users };
}

describe("compiled form vs direct evaluation (property)", () => {
  it("agree on random models, tools, calendars and instants, inside and outside the window", () => {
    let checks = 0;
    for (let seed = 1; seed <= 40; seed++) {
      const model = randomModel(seed);
      const compiled = compileDistrict(catalog, model, NOW);
      const rnd = prng(seed * 7);
      for (let k = 0; k < 150; k++) {
        const u = model.users[Math.floor(rnd() * model.users.length)]!;
        const node = catalog.nodes[Math.floor(rnd() * catalog.nodes.length)]!;
        const calendar = rnd() < 0.5 ? CALS[Math.floor(rnd() * CALS.length)] : undefined;
        const asOf = rnd() < 0.5 ? NOW : DAYS[Math.floor(rnd() * DAYS.length)]!;
        const opts = { asOf, ...(calendar ? { calendar } : {}) };
        expect(getRights(compiled, u.id, node.path, opts), `seed ${seed} ${u.id} ${node.path} ${asOf.toISOString()}`).toBe(
          evaluateRight(catalog, model, u.id, node.path, opts),
        );
        checks++;
      }
    }
    expect(checks).toBe(6000);
  });
});

describe("incremental recompile", () => {
  it("recompileForGroup recomputes only the group's members and matches a full compile", () => {
    const model = randomModel(99);
    const compiled = compileDistrict(catalog, model, NOW);
    const changed: DistrictModel = {
      users: model.users,
      groups: model.groups.map((g) => (g.id === "g1" ? { ...g, entries: [{ toolPath: "Census", rights: "RWAD" }], calendarGrants: [] } : g)),
    };
    const next = recompileForGroup(compiled, changed, "g1");
    const full = compileDistrict(catalog, changed, NOW);
    for (const u of changed.users) {
      const i = next.userIndex.get(u.id)!;
      expect(Array.from(userLevels(next, i)), u.id).toEqual(Array.from(userLevels(full, full.userIndex.get(u.id)!)));
      const member = u.memberships.some((m) => m.groupId === "g1");
      if (!member) expect(next.users[i]).toBe(compiled.users[i]); // not recomputed: the compiled user is the old one
    }
    expect(compiled.model).toBe(model); // the old snapshot is not modified
  });

  it("recompileForUser handles a changed, an added and a removed user", () => {
    const model = randomModel(5);
    const compiled = compileDistrict(catalog, model, NOW);
    const u0 = model.users[0]!;
    const changedU0: UserModel = { ...u0, productSecurityRole: "none", memberships: [], entries: [{ toolPath: "Attendance", rights: "R" }], calendarGrants: [] };
    const added: UserModel = { id: "new", username: "new", productSecurityRole: "none", memberships: [{ groupId: "g2" }], entries: [], calendarGrants: [] };
    const m2: DistrictModel = { groups: model.groups, users: [changedU0, ...model.users.slice(2), added] };
    let c = recompileForUser(compiled, m2, u0.id);
    c = recompileForUser(c, m2, "new");
    c = recompileForUser(c, m2, model.users[1]!.id);
    expect(getRights(c, u0.id, "Attendance > Reports")).toBe("R");
    expect(getRights(c, "new", "Census")).toBe(evaluateRight(catalog, m2, "new", "Census", { asOf: NOW }));
    expect(() => getRights(c, model.users[1]!.id, "Census")).toThrow(/Unknown user/);
    expect(c.groupMembers.get("g2")?.includes(c.userIndex.get("new")!)).toBe(true);
  });

  it("moves a version's rows to a fresh buffer when the shared one is full, leaving older versions as they were", () => {
    const model = randomModel(11);
    const compiled = compileDistrict(catalog, model, NOW);
    const nodes = catalog.nodes.filter((n, i) => i % 7 === 0 || n.path.startsWith("Census"));
    const answersOf = (c: ReturnType<typeof compileDistrict>) => model.users.flatMap((u) => nodes.flatMap((n) => [undefined, CALS[0]].map((cal) => checkRight(c, c.userIndex.get(u.id)!, n.index, cal))));
    const before = answersOf(compiled);
    const firstRows = compiled.rows;
    // each recompile of g2 writes its members' rows in fresh rows: enough of them fill the buffer
    const members = compiled.groupMembers.get("g2")!.length;
    expect(members).toBeGreaterThan(0);
    const recompiles = Math.ceil(firstRows.length / compiled.stride / members) + 1;
    let c = compiled;
    const versions = [compiled];
    for (let i = 0; i < recompiles; i++) {
      const entries = [{ toolPath: "Census", rights: RIGHTS_BY_LEVEL[i % 5]! }];
      const m: DistrictModel = { users: model.users, groups: model.groups.map((g) => (g.id === "g2" ? { ...g, entries } : g)) };
      c = recompileForGroup(c, m, "g2");
      versions.push(c);
      const full = compileDistrict(catalog, m, NOW);
      for (const u of model.users) expect(getRights(c, u.id, "Census > People", { calendar: CALS[1]! }), `${i} ${u.id}`).toBe(getRights(full, u.id, "Census > People", { calendar: CALS[1]! }));
    }
    expect(c.rows).not.toBe(firstRows);
    expect(versions.filter((v) => v.rows === firstRows).length).toBeLessThan(versions.length);
    expect(answersOf(compiled)).toEqual(before);
    expect(getRights(versions[1]!, model.users[0]!.id, "Census > People")).toBe(getRights(compileDistrict(catalog, versions[1]!.model, NOW), model.users[0]!.id, "Census > People"));
    // a recompile from a version left in the full buffer moves too, and is right
    const sibling = recompileForGroup(versions[1]!, versions[2]!.model, "g2");
    expect(sibling.rows).not.toBe(firstRows);
    for (const u of model.users) expect(getRights(sibling, u.id, "Census", { calendar: CALS[0]! })).toBe(evaluateRight(catalog, versions[2]!.model, u.id, "Census", { asOf: NOW, calendar: CALS[0]! }));
  });

  it("keeps an older version's calendar caps when a newer one has named more calendars than its table holds", () => {
    const model = randomModel(5);
    const compiled = compileDistrict(catalog, model, NOW);
    const capsIn = (c: ReturnType<typeof compileDistrict>, cal: CalendarRef) => model.users.map((u) => calendarCapLevel(c, c.userIndex.get(u.id)!, cal));
    const before = capsIn(compiled, CALS[0]!); // the first calendar named: its caps live in the rows
    expect(before.some((cap) => cap !== 0)).toBe(true);
    const m: DistrictModel = { users: model.users, groups: model.groups.map((g) => (g.id === "g2" ? { ...g, entries: [{ toolPath: "Census", rights: "R" }] } : g)) };
    const next = recompileForGroup(compiled, m, "g2");
    // calendars named in checks need not exist; past the table's size the newer version starts a fresh one
    for (let i = 0; i < 4200; i++) calendarCapLevel(next, 0, { school: "Nowhere", year: "2025-26", calendar: `Calendar ${i}` });
    expect(capsIn(next, CALS[1]!)).toEqual(capsIn(compileDistrict(catalog, m, NOW), CALS[1]!));
    expect(capsIn(compiled, CALS[0]!)).toEqual(before);
  });

  it("narrows validUntil when a recompiled user brings an earlier time bound", () => {
    const model: DistrictModel = { groups: [{ id: "g", name: "G", entries: [{ toolPath: "Census", rights: "R" }], calendarGrants: [] }], users: [{ id: "u", username: "u", productSecurityRole: "none", memberships: [{ groupId: "g" }], entries: [], calendarGrants: [] }] };
    const c = compileDistrict(catalog, model, NOW);
    expect(c.validUntil).toBeNull();
    const until = new Date("2026-04-01");
    const m2: DistrictModel = { ...model, groups: [{ ...model.groups[0]!, entries: [{ toolPath: "Census", rights: "R", until }] }] };
    expect(recompileForGroup(c, m2, "g").validUntil).toEqual(until);
  });
});

describe("whoHasAccess", () => {
  const model: DistrictModel = {
    groups: [
      { id: "c", name: "Counselors", entries: [{ toolPath: "Student Information", rights: "RWAD" }], calendarGrants: [{ school: "*", year: "*", calendar: "*", modify: true }] },
      { id: "t", name: "Teachers", entries: [{ toolPath: "Student Information > General > Summary", rights: "R" }], calendarGrants: [{ school: "*", year: "*", calendar: "*", modify: false }] },
    ],
    users: [
      { id: "1", username: "cara", productSecurityRole: "none", memberships: [{ groupId: "c" }, { groupId: "t" }], entries: [], calendarGrants: [] },
      { id: "2", username: "tom", productSecurityRole: "none", memberships: [{ groupId: "t" }], entries: [{ toolPath: "Student Information > General", rights: "RW" }], calendarGrants: [] },
      { id: "3", username: "ada", productSecurityRole: "student-information-system", memberships: [], entries: [], calendarGrants: [] },
      { id: "4", username: "nobody", productSecurityRole: "none", memberships: [], entries: [], calendarGrants: [] },
    ],
  };
  const tool = "Student Information > General > Summary";
  it("lists users with at least the right and the grants that gave it", () => {
    const compiled = compileDistrict(catalog, model, NOW);
    const r = whoHasAccess(catalog, compiled, tool, "R");
    expect(r.map((h) => h.username)).toEqual(["cara", "tom", "ada"]);
    expect(r[0]!.via).toEqual([
      { kind: "group", groupId: "c", groupName: "Counselors", entryPath: "Student Information", rights: "RWAD" },
      { kind: "group", groupId: "t", groupName: "Teachers", entryPath: tool, rights: "R" },
    ]);
    expect(r[1]!.via).toEqual([
      { kind: "group", groupId: "t", groupName: "Teachers", entryPath: tool, rights: "R" },
      { kind: "user", entryPath: "Student Information > General", rights: "RW" },
    ]);
    expect(r[2]!.via).toEqual([{ kind: "role", role: "student-information-system" }]);
    expect(whoHasAccess(catalog, compiled, tool, "W").map((h) => h.username)).toEqual(["cara", "tom", "ada"]);
    expect(whoHasAccess(catalog, compiled, tool, "D").map((h) => h.username)).toEqual(["cara", "ada"]);
  });
  it("applies the calendar cap and gives the same answer from the model", () => {
    const cal = { school: "X", year: "Y", calendar: "Z" };
    const fromModel = whoHasAccess(catalog, model, tool, "W", { calendar: cal, asOf: NOW });
    expect(fromModel.map((h) => h.username)).toEqual(["cara", "ada"]);
    expect(whoHasAccess(catalog, compileDistrict(catalog, model, NOW), tool, "W", { calendar: cal })).toEqual(fromModel);
  });
});

describe("formatExplanation", () => {
  it("gives short lines naming grantee, entry, deny and cap", () => {
    const model: DistrictModel = {
      groups: [
        { id: "c", name: "Counselors", entries: [{ toolPath: "Student Information", rights: "RWAD" }], calendarGrants: [{ school: "Ballard High", year: "*", calendar: "*", modify: false }] },
        { id: "d", name: "No Health", entries: [{ toolPath: "Student Information > Health", rights: "", deny: true }], calendarGrants: [] },
      ],
      users: [{ id: "u", username: "jdoe", productSecurityRole: "none", memberships: [{ groupId: "c" }, { groupId: "d" }], entries: [], calendarGrants: [] }],
    };
    const cal = { school: "Ballard High", year: "2025-26", calendar: "25-26 Ballard High" };
    const summary = formatExplanation(explainRight(catalog, model, "u", "Student Information > General > Summary", { calendar: cal, asOf: NOW }));
    expect(summary[0]).toMatch(/jdoe on "Student Information > General > Summary".*: R$/);
    expect(summary.join("\n")).toMatch(/group "Counselors": RWAD from entry "Student Information" \(inherited\)/);
    expect(summary.join("\n")).toMatch(/read-only from group "Counselors" → capped at R/);
    const health = formatExplanation(explainRight(catalog, model, "u", "Student Information > Health > Conditions", { asOf: NOW }));
    expect(health.join("\n")).toMatch(/denied by group "No Health" on "Student Information > Health"/);
    expect(checkRight(compileDistrict(catalog, model, NOW), 0, catalog.byKey.get("student information > health")!)).toBe(0);
  });
});
