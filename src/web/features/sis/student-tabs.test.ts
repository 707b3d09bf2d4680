import { describe, expect, it } from "vitest";
import { TOOLS, visibleTabs } from "./student-tabs.js";

describe("visibleTabs", () => {
  it("shows a tab only with at least R on its tool, in menu order", () => {
    const levels = new Map([
      [TOOLS.grades, "R"],
      [TOOLS.summary, "RWAD"],
      [TOOLS.healthConditions, ""],
      [TOOLS.unfilteredSearch, "R"],
    ]);
    expect(visibleTabs(levels).map((t) => t.id)).toEqual(["summary", "grades"]);
  });
});
