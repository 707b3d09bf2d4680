import { describe, expect, it } from "vitest";
import type { Me } from "./auth-context.js";
import type { FeatureNav } from "./feature-routes.js";
import { canSeeNav } from "./tool-rights.js";

const person = (kind: "district" | "vendor"): Me => ({
  stage: "active",
  csrfToken: "t",
  user: { id: "u", username: "kim", displayName: "Kim", email: null, kind, productSecurityRole: "none", mfaEnabled: false, mfaRequired: false },
  district: kind === "district" ? { id: "d", slug: "demo", name: "Demo" } : null,
});

const nav = (over: Partial<FeatureNav>): FeatureNav => ({ label: "Groups", section: "User Security", audience: "all", ...over });
const GROUPS = "System Administration > User Security > User Groups";

describe("canSeeNav", () => {
  it("shows an item only to its audience", () => {
    expect(canSeeNav(nav({ audience: "district" }), person("vendor"), null)).toBe(false);
    expect(canSeeNav(nav({ audience: "vendor" }), person("district"), null)).toBe(false);
    expect(canSeeNav(nav({ audience: "vendor" }), person("vendor"), null)).toBe(true);
    expect(canSeeNav(nav({ audience: "all" }), person("district"), null)).toBe(true);
  });

  it("needs at least R on the item's tool once the user's rights are known", () => {
    const item = nav({ tool: GROUPS, audience: "district" });
    expect(canSeeNav(item, person("district"), { [GROUPS]: "R" })).toBe(true);
    expect(canSeeNav(item, person("district"), { [GROUPS]: "RWAD" })).toBe(true);
    expect(canSeeNav(item, person("district"), { [GROUPS]: "" })).toBe(false);
    expect(canSeeNav(item, person("district"), {})).toBe(false);
  });

  it("an item over several tools (Reports) needs R on any one of them", () => {
    const SUMMARY = "Student Information > Reports > Enrollment Summary";
    const item = nav({ anyTool: [SUMMARY, "Student Information > Reports > Enrollment Status"], audience: "district" });
    expect(canSeeNav(item, person("district"), { [SUMMARY]: "R" })).toBe(true);
    expect(canSeeNav(item, person("district"), { [SUMMARY]: "" })).toBe(false);
  });

  it("shows tool items while the rights are unknown (no /api/me/tools on the server)", () => {
    expect(canSeeNav(nav({ tool: GROUPS, audience: "district" }), person("district"), null)).toBe(true);
  });
});
