import { describe, expect, it } from "vitest";
import { dailyCron } from "./sweep-schedule.js";

describe("dailyCron", () => {
  it("turns HH:MM into a daily cron expression", () => {
    expect(dailyCron("02:00")).toBe("0 2 * * *");
    expect(dailyCron("23:59")).toBe("59 23 * * *");
  });
  it("refuses a time that does not exist", () => {
    expect(() => dailyCron("24:00")).toThrow(/GATEHOUSE_SWEEP_TIME/);
    expect(() => dailyCron("7:5")).toThrow(/HH:MM/);
  });
});
