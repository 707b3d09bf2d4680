import { describe, expect, it } from "vitest";
import { safeNextPath } from "./last-district.js";

describe("safeNextPath", () => {
  it("follows a path inside the app", () => {
    expect(safeNextPath("/account")).toBe("/account");
    expect(safeNextPath("/groups/12?tab=rights")).toBe("/groups/12?tab=rights");
  });

  it("goes home for anything that could leave the site or loop back to sign-in", () => {
    for (const next of [null, "", "https://evil.example/", "//evil.example/x", "javascript:alert(1)", "/login/demo"]) {
      expect(safeNextPath(next)).toBe("/");
    }
  });
});
