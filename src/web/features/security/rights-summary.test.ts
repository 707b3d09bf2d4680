import { describe, expect, it } from "vitest";
import { buildTree } from "./rights-tree.js";
import { subtreeSummary } from "./rights-summary.js";

const node = (path: string) => {
  const parts = path.split(" > ");
  return { path, label: parts.pop()!, parent: parts.length ? parts.join(" > ") : null, calendarScoped: false, federallyProtected: false, allOrNothing: false, dangerous: null };
};

describe("the summary of a collapsed row", () => {
  const tree = buildTree(["A", "A > B", "A > B > C", "A > D", "E", "E > F"].map(node));

  it("says partial R for a parent with no rights whose children have R", () => {
    expect(subtreeSummary(tree, { "A > B > C": "R" }, "A")).toEqual({ text: "partial R", partial: true, max: "R" });
  });

  it("gives the parent's own rights when everything under it is the same", () => {
    expect(subtreeSummary(tree, { E: "RW", "E > F": "RW" }, "E")).toEqual({ text: "RW", partial: false, max: "RW" });
    expect(subtreeSummary(tree, {}, "E").text).toBe("none");
  });

  it("names the largest right under a parent that a child narrows", () => {
    expect(subtreeSummary(tree, { A: "RWAD", "A > B": "RWAD", "A > B > C": "RWAD", "A > D": "" }, "A").text).toBe("partial RWAD");
  });
});
