import { describe, expect, it } from "vitest";
import { dayProblem, isCalendarDay, ZDayDate } from "./calendar-day.js";

describe("calendar days", () => {
  it("takes days that exist and nothing else", () => {
    expect(["2025-02-28", "2024-02-29", "2025-12-31", "2000-02-29"].every(isCalendarDay)).toBe(true);
    expect(["2025-02-29", "2026-02-30", "1900-02-29", "2025-13-01", "2025-00-10", "2025-1-1", "yesterday"].some(isCalendarDay)).toBe(false);
  });

  it("says what is wrong: the form, or a day that is not in the calendar", () => {
    expect(dayProblem("15/08/2026")).toMatch(/YYYY-MM-DD/);
    expect(dayProblem("2026-02-30")).toMatch(/February has no 30th/);
    expect(dayProblem("2026-02-30T00:00:00.000Z")).toMatch(/February has no 30th/);
    expect(dayProblem("2026-08-15T08:00:00Z")).toMatch(/YYYY-MM-DD/);
  });

  it("stores a day as its midnight UTC, whether written as a day or as the API writes it back", () => {
    expect(ZDayDate.parse("2026-08-15")).toEqual(new Date("2026-08-15T00:00:00Z"));
    expect(ZDayDate.parse("2026-08-15T00:00:00.000Z")).toEqual(new Date("2026-08-15T00:00:00Z"));
    expect(ZDayDate.safeParse(20260815).success).toBe(false);
  });
});
