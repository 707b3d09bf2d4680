import { describe, expect, it } from "vitest";
import { getCatalog } from "../../../domain/rights/catalog.js";
import { changedEntries, describeChange, entriesFromList, entriesToList, riskyGrants } from "./rights-diff.js";
import { buildTree, setDeny, setRights, setUntil, type EditorEntry } from "./rights-tree.js";

const catalog = getCatalog();
const tree = buildTree(
  catalog.nodes.map((n) => ({
    path: n.path,
    label: n.label,
    parent: n.parentIndex === null ? null : catalog.nodes[n.parentIndex]!.path,
    calendarScoped: n.calendarScoped,
    federallyProtected: n.federallyProtected,
    allOrNothing: n.allOrNothing,
    dangerous: n.dangerous,
  })),
);
const none = new Map<string, EditorEntry>();

describe("entries to and from the API", () => {
  it("round-trips, with dates cut to days and catalog order on the way out", () => {
    const list = [
      { toolPath: "Student Information > Health", rights: "" as const, deny: true },
      { toolPath: "Student Information", rights: "RW" as const, deny: false, until: "2026-08-15T00:00:00.000Z" },
    ];
    const entries = entriesFromList(list);
    expect(entries.get("Student Information")).toEqual({ rights: "RW", deny: false, until: "2026-08-15" });
    expect(entriesToList(tree, entries)).toEqual([
      { toolPath: "Student Information", rights: "RW", deny: false, until: "2026-08-15" },
      { toolPath: "Student Information > Health", rights: "", deny: true },
    ]);
  });
});

describe("a tool with entries for different dates (the seed's ** rows)", () => {
  const WIZARD = "Scheduling > Schedule Wizard";
  const pair = [
    { toolPath: WIZARD, rights: "" as const, deny: false, from: "2026-08-15T00:00:00.000Z", until: null },
    { toolPath: WIZARD, rights: "RWAD" as const, deny: false, from: null, until: "2026-08-15T00:00:00.000Z" },
  ];

  it("shows the entry in force and keeps the other beside it, saving both", () => {
    const during = entriesFromList(pair, Date.parse("2026-03-01T12:00:00Z"));
    expect(during.get(WIZARD)).toEqual({ rights: "RWAD", deny: false, until: "2026-08-15", others: [{ rights: "", deny: false, from: "2026-08-15" }] });
    expect(entriesToList(tree, during)).toEqual([
      { toolPath: WIZARD, rights: "RWAD", deny: false, until: "2026-08-15" },
      { toolPath: WIZARD, rights: "", deny: false, from: "2026-08-15" },
    ]);
    expect(entriesFromList(pair, Date.parse("2026-09-01T12:00:00Z")).get(WIZARD)).toMatchObject({ rights: "", from: "2026-08-15" });
  });

  it("keeps the later entry when the row's rights change, and says so in the change", () => {
    const before = entriesFromList(pair, Date.parse("2026-03-01T12:00:00Z"));
    const after = setRights(tree, before, WIZARD, "R");
    expect(after.get(WIZARD)?.others).toEqual([{ rights: "", deny: false, from: "2026-08-15" }]);
    expect(changedEntries(tree, before, after).map(describeChange)).toEqual([
      `${WIZARD}: R W A D until 2026-08-15, then none from 2026-08-15 → R until 2026-08-15, then none from 2026-08-15`,
    ]);
  });

  it("moving the end date moves the entry that takes over on it", () => {
    const before = entriesFromList(pair, Date.parse("2026-03-01T12:00:00Z"));
    expect(setUntil(tree, before, WIZARD, "2026-09-01").get(WIZARD)).toEqual({
      rights: "RWAD",
      deny: false,
      until: "2026-09-01",
      others: [{ rights: "", deny: false, from: "2026-09-01" }],
    });
  });

  it("a deny set and lifted again gives the tool back its entries for other dates", () => {
    const before = entriesFromList(pair, Date.parse("2026-03-01T12:00:00Z"));
    const denied = setDeny(before, WIZARD, true);
    expect(entriesToList(tree, denied)).toHaveLength(2);
    expect(setDeny(denied, WIZARD, false).get(WIZARD)).toEqual({ rights: "", deny: false, from: "2026-08-15" });
  });
});

describe("changedEntries", () => {
  it("lists added, changed and removed entries", () => {
    const before = setRights(tree, none, "Attendance", "R");
    let after = setRights(tree, before, "Attendance", "RW");
    after = setDeny(after, "Student Information > Health", true);
    const changes = changedEntries(tree, before, after);
    expect(changes.map(describeChange)).toEqual(["Student Information > Health: inherits → deny", "Attendance: R → R W"]);
    expect(changedEntries(tree, after, after)).toEqual([]);
  });
});

describe("riskyGrants", () => {
  it("flags Delete newly given on a schedule", () => {
    const after = setRights(tree, none, "Student Information > General", "RWAD");
    const risky = riskyGrants(tree, none, after);
    expect(risky).toContainEqual(expect.objectContaining({ path: "Student Information > General > Schedule", kind: "dangerous", rights: "RWAD" }));
  });

  it("does not flag Delete on a schedule when only RWA is given", () => {
    const after = setRights(tree, none, "Student Information > General", "RWA");
    expect(riskyGrants(tree, none, after).filter((r) => r.kind === "dangerous")).toEqual([]);
  });

  it("flags federally protected tools opened by a module check, topmost only", () => {
    const after = setRights(tree, none, "Census", "R");
    const paths = riskyGrants(tree, none, after).filter((r) => r.kind === "protected").map((r) => r.path);
    expect(paths).toContain("Census > People > Demographics > Enrollments > Enrollment History");
    expect(paths).toContain("Census > People > Demographics > Enrollments > State Reporting > Homeless");
  });

  it("says nothing about grants that were there before", () => {
    const before = setRights(tree, none, "Student Information", "RWAD");
    const after = setRights(tree, before, "Attendance", "R");
    expect(riskyGrants(tree, before, after)).toEqual([]);
  });

  it("a deny on protected data is not risky", () => {
    const before = setRights(tree, none, "Student Information", "R");
    expect(riskyGrants(tree, before, setDeny(before, "Student Information > Health > Conditions", true))).toEqual([]);
  });
});
