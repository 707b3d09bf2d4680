import { describe, expect, it } from "vitest";
import { getCatalog } from "../../../domain/rights/catalog.js";
import {
  applyLetter,
  buildTree,
  filterPaths,
  letterStates,
  resolve,
  setDeny,
  setRights,
  setUntil,
  toggleLetter,
  type EditorEntry,
  type Tree,
} from "./rights-tree.js";

function catalogTree(): Tree {
  const catalog = getCatalog();
  return buildTree(
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
}

const tree = catalogTree();
const SI = "Student Information";
const GENERAL = "Student Information > General";
const SCHEDULE = "Student Information > General > Schedule";
const HEALTH = "Student Information > Health";
const CONDITIONS = "Student Information > Health > Conditions";
const PLANNER = "Campus Instruction > Planner";
const none = new Map<string, EditorEntry>();

describe("applyLetter: rights are closed upwards", () => {
  it("ticking D gives R, W and A too", () => expect(applyLetter("", "D", true, false)).toBe("RWAD"));
  it("ticking W on R gives RW", () => expect(applyLetter("R", "W", true, false)).toBe("RW"));
  it("ticking R keeps a higher right", () => expect(applyLetter("RWA", "R", true, false)).toBe("RWA"));
  it("clearing R clears the rest", () => expect(applyLetter("RWAD", "R", false, false)).toBe(""));
  it("clearing A leaves RW", () => expect(applyLetter("RWAD", "A", false, false)).toBe("RW"));
  it("clearing D leaves RWA", () => expect(applyLetter("RWAD", "D", false, false)).toBe("RWA"));
  it("all-or-nothing tools jump to full or none", () => {
    expect(applyLetter("", "R", true, true)).toBe("RWAD");
    expect(applyLetter("RWAD", "R", false, true)).toBe("");
  });
});

describe("module check applies to the subtree", () => {
  it("a module right reaches every tool inside by inheritance", () => {
    const e = toggleLetter(tree, none, SI, "R", true);
    expect(e.get(SI)).toEqual({ rights: "R", deny: false });
    expect(resolve(tree, e, SCHEDULE)).toMatchObject({ rights: "R", from: SI });
  });

  it("checking a module again wipes differently set children, so they follow", () => {
    let e = toggleLetter(tree, none, SI, "R", true);
    e = toggleLetter(tree, e, SCHEDULE, "D", true);
    expect(resolve(tree, e, SCHEDULE).rights).toBe("RWAD");
    e = toggleLetter(tree, e, SI, "W", true);
    expect(e.has(SCHEDULE)).toBe(false);
    expect(resolve(tree, e, SCHEDULE).rights).toBe("RW");
  });

  it("a child set back to what it inherits loses its own entry", () => {
    let e = toggleLetter(tree, none, SI, "R", true);
    e = toggleLetter(tree, e, SCHEDULE, "W", true);
    expect(e.get(SCHEDULE)?.rights).toBe("RW");
    e = toggleLetter(tree, e, SCHEDULE, "W", false);
    expect(e.has(SCHEDULE)).toBe(false);
  });

  it("clearing R on a child under a checked module keeps an explicit empty entry (the seed's blank row)", () => {
    let e = setRights(tree, none, SI, "RWAD");
    e = toggleLetter(tree, e, HEALTH, "R", false);
    expect(e.get(HEALTH)).toEqual({ rights: "", deny: false });
    expect(resolve(tree, e, CONDITIONS).rights).toBe("");
  });

  it("denies below stay when a module is checked", () => {
    let e = setDeny(none, CONDITIONS, true);
    e = setRights(tree, e, SI, "RWAD");
    expect(e.get(CONDITIONS)?.deny).toBe(true);
    expect(resolve(tree, e, CONDITIONS)).toMatchObject({ rights: "", denied: true, deniedBy: CONDITIONS });
  });

  it("refuses partial rights on a Campus Instruction tool", () => {
    expect(() => setRights(tree, none, PLANNER, "R")).toThrow(/full access or none/);
    expect(toggleLetter(tree, none, PLANNER, "R", true).get(PLANNER)?.rights).toBe("RWAD");
  });
});

describe("partially checked parents", () => {
  it("a parent shows partial for letters a child has differently", () => {
    let e = setRights(tree, none, SI, "R");
    e = toggleLetter(tree, e, SCHEDULE, "D", true);
    const states = letterStates(tree, e);
    expect(states.get(SI)).toEqual({ R: "checked", W: "partial", A: "partial", D: "partial" });
    expect(states.get(GENERAL)).toEqual({ R: "checked", W: "partial", A: "partial", D: "partial" });
    expect(states.get(SCHEDULE)).toEqual({ R: "checked", W: "checked", A: "checked", D: "checked" });
    expect(states.get(HEALTH)).toEqual({ R: "checked", W: "unchecked", A: "unchecked", D: "unchecked" });
  });

  it("a denied child makes R partial on its parent", () => {
    const e = setDeny(setRights(tree, none, SI, "R"), HEALTH, true);
    expect(letterStates(tree, e).get(SI)?.R).toBe("partial");
    expect(letterStates(tree, e).get(HEALTH)?.R).toBe("unchecked");
  });
});

describe("deny and until", () => {
  it("a deny covers its subtree and lifting it restores what was inherited", () => {
    let e = setRights(tree, none, SI, "RW");
    e = setDeny(e, HEALTH, true);
    expect(resolve(tree, e, CONDITIONS)).toMatchObject({ rights: "", allowed: "RW", deniedBy: HEALTH });
    e = setDeny(e, HEALTH, false);
    expect(resolve(tree, e, CONDITIONS).rights).toBe("RW");
  });

  it("an until date on a node without an entry makes one with the rights it shows", () => {
    const e = setUntil(tree, setRights(tree, none, "Scheduling", "RWAD"), "Scheduling > Schedule Wizard", "2026-08-15");
    expect(e.get("Scheduling > Schedule Wizard")).toEqual({ rights: "RWAD", deny: false, until: "2026-08-15" });
    expect(setUntil(tree, e, "Scheduling > Schedule Wizard", null).get("Scheduling > Schedule Wizard")).toEqual({ rights: "RWAD", deny: false });
  });

  it("an entry with an until date is kept even when it equals the inherited rights", () => {
    let e = setRights(tree, none, "Scheduling", "R");
    e = setUntil(tree, e, "Scheduling > Trials", "2026-08-15");
    e = toggleLetter(tree, e, "Scheduling > Trials", "W", false);
    expect(e.get("Scheduling > Trials")).toEqual({ rights: "R", deny: false, until: "2026-08-15" });
  });
});

describe("tree", () => {
  it("lists Campus Instruction after the Campus tools", () => {
    expect(tree.roots.at(-1)).toBe("Campus Instruction");
  });

  it("the filter keeps matches, their ancestors and their subtree", () => {
    const shown = filterPaths(tree, "health")!;
    expect(shown.has(HEALTH)).toBe(true);
    expect(shown.has(CONDITIONS)).toBe(true);
    expect(shown.has(SI)).toBe(true);
    expect(shown.has(SCHEDULE)).toBe(false);
    expect(filterPaths(tree, "  ")).toBeNull();
  });
});
