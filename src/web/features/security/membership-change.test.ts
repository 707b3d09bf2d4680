import { describe, expect, it } from "vitest";
import { ApiError } from "../../api.js";
import { conflictCurrent, dayInput, describeMembershipConflict, isMembershipGone, membershipChangeBody } from "./membership-change.js";

const seen = { from: "2025-09-01T00:00:00.000Z", until: "2026-08-15T00:00:00.000Z" };

describe("changing a membership's end date", () => {
  it("keeps the start date and sends the dates it was opened with as expected", () => {
    expect(membershipChangeBody("u1", seen, "2026-12-31")).toEqual({ userId: "u1", from: seen.from, until: "2026-12-31", expected: seen });
  });

  it("an empty day removes the end date, and a membership without dates expects none", () => {
    expect(membershipChangeBody("u1", { from: null, until: null }, "")).toEqual({ userId: "u1", expected: { from: null, until: null } });
  });

  it("fills the date input with the stored day, not the day before west of Greenwich", () => {
    expect(dayInput(seen.until)).toBe("2026-08-15");
    expect(dayInput(null)).toBe("");
  });
});

describe("a membership-conflict answer", () => {
  it("says what the screen showed and what the membership is now", () => {
    const now = conflictCurrent({ code: "membership-conflict", current: { from: null, until: "2030-01-01T00:00:00.000Z" } });
    expect(now).toEqual({ from: null, until: "2030-01-01T00:00:00.000Z" });
    const text = describeMembershipConflict(seen, now);
    expect(text).toMatch(/opened it, the membership ran from .*2025.* until .*2026/);
    expect(text).toMatch(/changed it to run until .*2030/);
  });

  it("says so when the membership was removed meanwhile", () => {
    const now = conflictCurrent({ code: "membership-conflict", current: null });
    expect(now).toBeNull();
    expect(describeMembershipConflict(seen, now)).toMatch(/removed this membership/);
  });

  it("reads a membership without an end date as such", () => {
    expect(describeMembershipConflict({ from: null, until: null }, { from: null, until: "2027-01-01T00:00:00.000Z" })).toMatch(/ran with no end date; .* until /);
  });
});

describe("removing a membership someone already removed", () => {
  it("is recognised from the 404 on the membership, not on the group", () => {
    expect(isMembershipGone(new ApiError(404, { code: "not-found", detail: "That membership was not found." }))).toBe(true);
    expect(isMembershipGone(new ApiError(404, { code: "not-found", detail: "That group was not found." }))).toBe(false);
  });
});
