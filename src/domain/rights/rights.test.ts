import { describe, expect, it } from "vitest";
import {
  InvalidRightsError,
  hasRight,
  levelOfRights,
  maxRights,
  minRights,
  parseRights,
  rightsFromLevel,
  tryParseRights,
} from "./rights.js";

describe("parseRights", () => {
  it.each([
    ["", ""],
    ["R", "R"],
    ["r", "R"],
    ["W", "RW"],
    ["WA", "RWA"],
    ["aw", "RWA"],
    ["D", "RWAD"],
    ["DR", "RWAD"],
    ["RWAD", "RWAD"],
    ["DAWR", "RWAD"],
    ["R W", "RW"],
    ["RR", "R"],
  ])("closes %j upwards to %j", (input, expected) => {
    expect(parseRights(input)).toBe(expected);
  });

  it("refuses letters other than R, W, A, D with a typed error naming them", () => {
    expect(() => parseRights("RWX")).toThrow(InvalidRightsError);
    expect(() => parseRights("RWX")).toThrow(/"X" is not a right/);
    const r = tryParseRights("deny!");
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.badCharacters).toEqual(["e", "n", "y", "!"]);
  });
});

describe("levels, max, min, hasRight", () => {
  it("maps the five values to 0..4 and back", () => {
    expect(["", "R", "RW", "RWA", "RWAD"].map((r) => levelOfRights(r as never))).toEqual([0, 1, 2, 3, 4]);
    expect(rightsFromLevel(3)).toBe("RWA");
    expect(() => rightsFromLevel(5)).toThrow(RangeError);
  });
  it("max and min", () => {
    expect(maxRights("R", "RWA")).toBe("RWA");
    expect(minRights("R", "RWA")).toBe("R");
    expect(maxRights("", "")).toBe("");
  });
  it("hasRight follows the closure", () => {
    expect(hasRight("RWA", "W")).toBe(true);
    expect(hasRight("RWA", "D")).toBe(false);
    expect(hasRight("", "R")).toBe(false);
    expect(hasRight("RWAD", "R")).toBe(true);
  });
});
