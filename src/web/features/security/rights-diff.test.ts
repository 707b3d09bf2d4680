import { describe, expect, it } from "vitest";
import { getCatalog } from "../../../domain/rights/catalog.js";
import { changedEntries, describeChange, entriesFromList, entriesToList, riskyGrants } from "./rights-diff.js";
import { buildTree, setDeny, setRights, type EditorEntry } from "./rights-tree.js";

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
