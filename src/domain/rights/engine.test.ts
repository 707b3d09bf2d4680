/** One test (at least) per rule of DESIGN.md "Tool rights: the rules". */
import { describe, expect, it } from "vitest";
import { getCatalog } from "./catalog.js";
import { canReadProtectedField, checkRight, getRights, userIndexOf } from "./check-right.js";
import { compileDistrict, userLevels } from "./compile-district.js";
import { evaluateRight, explainRight } from "./explain-right.js";
import { canManageMembership, canManageRights, validateEntry, type DistrictModel, type GroupModel, type UserModel } from "./model.js";
import { hasRight } from "./rights.js";

const catalog = getCatalog();
const NOW = new Date("2026-03-01T12:00:00Z");
const BALLARD = { school: "Ballard High", year: "2025-26", calendar: "25-26 Ballard High" };
const NORTH = { school: "North Middle", year: "2025-26", calendar: "25-26 North Middle" };

function group(id: string, entries: GroupModel["entries"], calendarGrants: GroupModel["calendarGrants"] = []): GroupModel {
  return { id, name: `Group ${id}`, entries, calendarGrants };
}
function user(id: string, over: Partial<UserModel> = {}): UserModel {
  return { id, username: id, productSecurityRole: "none", memberships: [], entries: [], calendarGrants: [], ...over };
}
/** answers from both the direct evaluation and the compiled arrays, which must agree */
function rightsOf(model: DistrictModel, userId: string, tool: string, opts: { calendar?: typeof BALLARD; asOf?: Date } = {}) {
  const asOf = opts.asOf ?? NOW;
  const slow = evaluateRight(catalog, model, userId, tool, { ...opts, asOf });
  const fast = getRights(compileDistrict(catalog, model, asOf), userId, tool, opts.calendar ? { calendar: opts.calendar } : {});
  expect(fast, `compiled vs direct for ${userId} on ${tool}`).toBe(slow);
  return slow;
}

describe("inheritance (nearest entry per grantee)", () => {
  const model: DistrictModel = {
    groups: [
      group("clerks", [
        { toolPath: "Attendance", rights: "RWAD" },
        { toolPath: "Attendance > Attendance Letters", rights: "" },
        { toolPath: "Student Information", rights: "R" },
      ]),
    ],
    users: [user("u", { memberships: [{ groupId: "clerks" }] })],
  };
  it("takes the right of the nearest entry on the tool or an ancestor", () => {
    expect(rightsOf(model, "u", "Attendance > Daily Attendance")).toBe("RWAD");
    expect(rightsOf(model, "u", "Student Information > General > Enrollments > State Reporting")).toBe("R");
  });
  it("an explicit \"\" entry narrows what a parent gave", () => {
    expect(rightsOf(model, "u", "Attendance > Attendance Letters")).toBe("");
  });
  it("no entry anywhere up the path gives no rights", () => {
    expect(rightsOf(model, "u", "Scheduling > Courses")).toBe("");
  });
  it("a deeper entry may also widen", () => {
    const m: DistrictModel = {
      groups: [group("g", [{ toolPath: "Student Information", rights: "R" }, { toolPath: "Student Information > General > Grades", rights: "RWAD" }])],
      users: [user("u", { memberships: [{ groupId: "g" }] })],
    };
    expect(rightsOf(m, "u", "Student Information > General > Grades")).toBe("RWAD");
    expect(rightsOf(m, "u", "Student Information > General > Summary")).toBe("R");
  });
});

describe("union across groups and individual entries", () => {
  it("takes the largest right of any grantee, even over another grantee's narrowing", () => {
    const model: DistrictModel = {
      groups: [
        group("a", [{ toolPath: "Attendance", rights: "RWAD" }, { toolPath: "Attendance > Reports", rights: "" }]),
        group("b", [{ toolPath: "Attendance > Reports", rights: "R" }]),
      ],
      users: [user("u", { memberships: [{ groupId: "a" }, { groupId: "b" }], entries: [{ toolPath: "Scheduling > Courses", rights: "RW" }] })],
    };
    expect(rightsOf(model, "u", "Attendance > Reports")).toBe("R");
    expect(rightsOf(model, "u", "Attendance > Reports > Funding Report")).toBe("R");
    expect(rightsOf(model, "u", "Scheduling > Courses > Sections")).toBe("RW");
  });
});

describe("deny", () => {
  const model: DistrictModel = {
    groups: [
      group("nurses", [{ toolPath: "Student Information", rights: "RWAD" }]),
      group("no-health", [{ toolPath: "Student Information > Health", rights: "", deny: true }]),
    ],
    users: [
      user("u", { memberships: [{ groupId: "nurses" }, { groupId: "no-health" }], entries: [{ toolPath: "Student Information > Health > Conditions", rights: "RWAD" }] }),
      user("admin", { productSecurityRole: "student-information-system", memberships: [{ groupId: "no-health" }] }),
    ],
  };
  it("covers the whole subtree and beats every allow from every grantee", () => {
    expect(rightsOf(model, "u", "Student Information > Health")).toBe("");
    expect(rightsOf(model, "u", "Student Information > Health > Conditions")).toBe("");
    expect(rightsOf(model, "u", "Student Information > General")).toBe("RWAD");
  });
  it("does not apply to holders of the Student Information System role", () => {
    expect(rightsOf(model, "admin", "Student Information > Health > Conditions")).toBe("RWAD");
    expect(rightsOf(model, "admin", "Scheduling > Schedule Wizard", { calendar: NORTH })).toBe("RWAD");
  });
  it("a deny outside its time window counts as absent", () => {
    const m: DistrictModel = {
      groups: [group("g", [{ toolPath: "Census", rights: "RW" }, { toolPath: "Census > People", rights: "", deny: true, until: new Date("2026-01-01") }])],
      users: [user("u", { memberships: [{ groupId: "g" }] })],
    };
    expect(rightsOf(m, "u", "Census > People", { asOf: new Date("2025-12-31") })).toBe("");
    expect(rightsOf(m, "u", "Census > People", { asOf: new Date("2026-01-01") })).toBe("RW");
  });
});

describe("time bounds", () => {
  const model: DistrictModel = {
    groups: [
      group("sched", [{ toolPath: "Scheduling > Schedule Wizard", rights: "RWAD", from: new Date("2026-02-01"), until: new Date("2026-08-15") }]),
      group("temp", [{ toolPath: "Census", rights: "R" }]),
    ],
    users: [user("u", { memberships: [{ groupId: "sched" }, { groupId: "temp", from: new Date("2026-04-01"), until: new Date("2026-05-01") }] })],
  };
  it("an entry counts only inside [from, until)", () => {
    expect(rightsOf(model, "u", "Scheduling > Schedule Wizard", { asOf: new Date("2026-01-31T23:59:59Z") })).toBe("");
    expect(rightsOf(model, "u", "Scheduling > Schedule Wizard", { asOf: new Date("2026-02-01") })).toBe("RWAD");
    expect(rightsOf(model, "u", "Scheduling > Schedule Wizard", { asOf: new Date("2026-08-14T23:59:59Z") })).toBe("RWAD");
    expect(rightsOf(model, "u", "Scheduling > Schedule Wizard", { asOf: new Date("2026-08-15") })).toBe("");
  });
  it("a membership counts only inside [from, until)", () => {
    expect(rightsOf(model, "u", "Census", { asOf: new Date("2026-03-31") })).toBe("");
    expect(rightsOf(model, "u", "Census", { asOf: new Date("2026-04-15") })).toBe("R");
    expect(rightsOf(model, "u", "Census", { asOf: new Date("2026-05-01") })).toBe("");
  });
  it("asOf defaults to now", () => {
    const m: DistrictModel = {
      groups: [group("g", [{ toolPath: "Census", rights: "R", until: new Date(Date.now() + 60_000) }, { toolPath: "Attendance", rights: "R", until: new Date(Date.now() - 60_000) }])],
      users: [user("u", { memberships: [{ groupId: "g" }] })],
    };
    expect(evaluateRight(catalog, m, "u", "Census")).toBe("R");
    expect(evaluateRight(catalog, m, "u", "Attendance")).toBe("");
    expect(getRights(compileDistrict(catalog, m), "u", "Census")).toBe("R");
  });
});

describe("Campus Instruction is all or nothing", () => {
  it("validateEntry refuses partial rights with a clear message and accepts \"\"/RWAD", () => {
    const bad = validateEntry(catalog, { toolPath: "Campus Instruction > Grade Book", rights: "RW" });
    expect(bad?.code).toBe("all-or-nothing");
    expect(bad?.message).toMatch(/all or nothing.*RWAD.*""/);
    expect(validateEntry(catalog, { toolPath: "Campus Instruction > Grade Book", rights: "RWAD" })).toBeNull();
    expect(validateEntry(catalog, { toolPath: "Campus Instruction", rights: "" })).toBeNull();
    expect(validateEntry(catalog, { toolPath: "Campus Instruction", rights: "", deny: true })).toBeNull();
  });
  it("validateEntry also refuses unknown tools (with a suggestion), bad rights and inverted windows", () => {
    expect(validateEntry(catalog, { toolPath: "Attendance > Daily Atendance", rights: "R" })?.suggestion).toBe("Attendance > Daily Attendance");
    expect(validateEntry(catalog, { toolPath: "Attendance", rights: "WR" as never })?.code).toBe("bad-rights");
    expect(validateEntry(catalog, { toolPath: "Attendance", rights: "R", from: new Date("2026-02-01"), until: new Date("2026-01-01") })?.code).toBe("bad-time-bounds");
  });
});

describe("calendar rights cap calendar-scoped tools", () => {
  const model: DistrictModel = {
    groups: [
      group("staff", [{ toolPath: "Student Information", rights: "RWAD" }, { toolPath: "System Administration", rights: "RW" }], [{ school: "Ballard High", year: "*", calendar: "*", modify: false }]),
      group("all-modify", [], [{ school: "*", year: "*", calendar: "*", modify: true, until: new Date("2026-06-01") }]),
    ],
    users: [
      user("reader", { memberships: [{ groupId: "staff" }] }),
      user("writer", { memberships: [{ groupId: "staff" }, { groupId: "all-modify" }] }),
      user("own", { memberships: [{ groupId: "staff" }], calendarGrants: [{ school: "North Middle", year: "2025-26", calendar: "25-26 North Middle", modify: true }] }),
    ],
  };
  const tool = "Student Information > General > Summary";
  it("no matching grant gives \"\"", () => {
    expect(rightsOf(model, "reader", tool, { calendar: NORTH })).toBe("");
  });
  it("a grant without modify caps at R", () => {
    expect(rightsOf(model, "reader", tool, { calendar: BALLARD })).toBe("R");
  });
  it("a grant with modify does not cap; \"*\" matches anything", () => {
    expect(rightsOf(model, "writer", tool, { calendar: NORTH })).toBe("RWAD");
  });
  it("the user's own grants count, and grants have time bounds", () => {
    expect(rightsOf(model, "own", tool, { calendar: NORTH })).toBe("RWAD");
    expect(rightsOf(model, "writer", tool, { calendar: NORTH, asOf: new Date("2026-06-01") })).toBe("");
    expect(rightsOf(model, "writer", tool, { calendar: BALLARD, asOf: new Date("2026-06-01") })).toBe("R");
  });
  it("tools that are not calendar-scoped are not capped; no calendar given, no cap", () => {
    expect(rightsOf(model, "reader", "System Administration > User Security > Users", { calendar: NORTH })).toBe("RW");
    expect(rightsOf(model, "reader", tool)).toBe("RWAD");
  });
});

describe("product security roles", () => {
  it("the SIS role has RWAD everywhere and every calendar with modify", () => {
    const m: DistrictModel = { groups: [], users: [user("admin", { productSecurityRole: "student-information-system" })] };
    expect(rightsOf(m, "admin", "Campus Instruction > Planner", { calendar: NORTH })).toBe("RWAD");
    expect(rightsOf(m, "admin", "System Administration > User Security > User Groups > Tool Rights")).toBe("RWAD");
  });
  it("sis-group-assignment gives no rights, it only permits membership changes", () => {
    const assign = user("a", { productSecurityRole: "sis-group-assignment" });
    const m: DistrictModel = { groups: [], users: [assign] };
    expect(rightsOf(m, "a", "System Administration > User Security > User Groups > Members")).toBe("");
    expect(canManageMembership(assign)).toBe(true);
    expect(canManageRights(assign)).toBe(false);
    expect(canManageRights(user("s", { productSecurityRole: "student-information-system" }))).toBe(true);
    expect(canManageMembership(user("n"))).toBe(false);
    expect(canManageRights(user("n"))).toBe(false);
  });
});

describe("federally protected fields in Ad hoc", () => {
  const model: DistrictModel = {
    groups: [
      group("adhoc", [{ toolPath: "Ad Hoc Reporting", rights: "RWAD" }, { toolPath: "Student Information > General", rights: "R" }], [{ school: "*", year: "*", calendar: "*", modify: false }]),
      group("health", [{ toolPath: "Student Information > Health", rights: "R" }]),
    ],
    users: [user("analyst", { memberships: [{ groupId: "adhoc" }] }), user("nurse", { memberships: [{ groupId: "adhoc" }, { groupId: "health" }] })],
  };
  const compiled = compileDistrict(catalog, model, NOW);
  it("are deny-by-default: shown only with at least R on their tool (and calendar)", () => {
    const conditions = "Student Information > Health > Conditions";
    expect(canReadProtectedField(compiled, userIndexOf(compiled, "analyst"), conditions)).toBe(false);
    expect(canReadProtectedField(compiled, userIndexOf(compiled, "nurse"), conditions, BALLARD)).toBe(true);
    expect(canReadProtectedField(compiled, userIndexOf(compiled, "analyst"), "Student Information > General > Enrollments > Enrollment History", BALLARD)).toBe(true);
  });
  it("respect the calendar cap and let unprotected fields through", () => {
    const noCal = compileDistrict(catalog, { ...model, groups: [group("adhoc", model.groups[0]!.entries), model.groups[1]!] }, NOW);
    expect(canReadProtectedField(noCal, userIndexOf(noCal, "nurse"), "Student Information > Health > Conditions", BALLARD)).toBe(false);
    expect(canReadProtectedField(noCal, userIndexOf(noCal, "analyst"), "Student Information > General > Summary", BALLARD)).toBe(true);
  });
});

describe("compiled form", () => {
  it("checkRight is an array read by node index", () => {
    const m: DistrictModel = { groups: [group("g", [{ toolPath: "Census", rights: "RWA" }])], users: [user("u", { memberships: [{ groupId: "g" }] })] };
    const c = compileDistrict(catalog, m, NOW);
    const idx = catalog.byKey.get("census > people")!;
    expect(userLevels(c, 0)[idx]).toBe(3);
    expect(checkRight(c, 0, idx)).toBe(3);
  });
  it("records the window it is valid for and falls back to direct evaluation outside it", () => {
    const m: DistrictModel = {
      groups: [group("g", [{ toolPath: "Census", rights: "RWA", until: new Date("2026-06-01") }])],
      users: [user("u", { memberships: [{ groupId: "g", from: new Date("2026-01-01") }] })],
    };
    const c = compileDistrict(catalog, m, NOW);
    expect(c.validFrom).toEqual(new Date("2026-01-01"));
    expect(c.validUntil).toEqual(new Date("2026-06-01"));
    expect(getRights(c, "u", "Census")).toBe("RWA");
    expect(getRights(c, "u", "Census", { asOf: new Date("2026-07-01") })).toBe("");
    expect(getRights(c, "u", "Census", { asOf: new Date("2025-07-01") })).toBe("");
    expect(compileDistrict(catalog, { groups: [], users: [user("x")] }, NOW).validUntil).toBeNull();
  });
});

describe("explainRight", () => {
  it("names the applied entry per grantee, ignored entries, the deny, the cap and the role", () => {
    const m: DistrictModel = {
      groups: [
        { id: "c", name: "Counselors", entries: [{ toolPath: "Student Information", rights: "RWAD" }, { toolPath: "Student Information > General", rights: "RW", until: new Date("2026-01-01") }], calendarGrants: [{ school: "Ballard High", year: "*", calendar: "*", modify: false }] },
        { id: "old", name: "Old Group", entries: [{ toolPath: "Student Information > General", rights: "RWAD" }], calendarGrants: [] },
        { id: "d", name: "No Summary", entries: [{ toolPath: "Student Information > General > Summary", rights: "", deny: true }], calendarGrants: [] },
      ],
      users: [user("jdoe", { memberships: [{ groupId: "c" }, { groupId: "old", until: new Date("2026-02-01") }, { groupId: "d", from: new Date("2027-01-01") }] })],
    };
    const e = explainRight(catalog, m, "jdoe", "Student Information > General > Summary", { calendar: BALLARD, asOf: NOW });
    expect(e.grantees[0]).toMatchObject({ grantee: { kind: "group", groupName: "Counselors" }, applied: { entryPath: "Student Information", rights: "RWAD" }, rights: "RWAD" });
    expect(e.grantees[0]!.ignored).toEqual([expect.objectContaining({ entryPath: "Student Information > General", reason: "expired" })]);
    expect(e.grantees[1]).toMatchObject({ active: false, rights: "", ignored: [expect.objectContaining({ reason: "membership-expired" })] });
    expect(e.grantees[2]!.ignored[0]).toMatchObject({ deny: true, reason: "membership-not-yet-valid" });
    expect(e.deny).toBeNull();
    expect(e.calendarCap).toMatchObject({ applies: true, cap: "R", grant: { school: "Ballard High", source: { groupName: "Counselors" } } });
    expect(e.rights).toBe("R");
    const later = explainRight(catalog, m, "jdoe", "Student Information > General > Summary", { asOf: new Date("2027-02-01") });
    expect(later.deny).toEqual({ grantee: { kind: "group", groupId: "d", groupName: "No Summary" }, entryPath: "Student Information > General > Summary" });
    expect(later.rights).toBe("");
  });
});

describe("a read-only calendar caps Write", () => {
  const model: DistrictModel = {
    groups: [group("teachers", [{ toolPath: "Student Information > General > Grades", rights: "RW" }], [{ school: "North Middle", year: "*", calendar: "*", modify: false }])],
    users: [user("t", { memberships: [{ groupId: "teachers" }] })],
  };
  it("keeps Read and takes away Write in that calendar only", () => {
    const tool = "Student Information > General > Grades";
    expect(rightsOf(model, "t", tool)).toBe("RW");
    const capped = rightsOf(model, "t", tool, { calendar: NORTH });
    expect(capped).toBe("R");
    expect(hasRight(capped, "R")).toBe(true);
    expect(hasRight(capped, "W")).toBe(false);
    const c = compileDistrict(catalog, model, NOW);
    expect(checkRight(c, userIndexOf(c, "t"), catalog.byKey.get(tool.toLowerCase())!, NORTH)).toBe(1);
    expect(explainRight(catalog, model, "t", tool, { calendar: NORTH, asOf: NOW }).calendarCap).toMatchObject({ cap: "R", grant: { modify: false, source: { groupId: "teachers" } } });
  });
});
