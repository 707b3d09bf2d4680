import { describe, expect, it } from "vitest";
import { formatDay, parseDay, type Day } from "./calendar-day.js";
import { deactivationDay, describeLifecycle, nextLifecycleAction, type LifecycleFacts, type LifecycleStage } from "./lifecycle-rules.js";

/** Runs the rules on the given sweep days, applying each action as the sweep would. */
function simulate(lastActivityDay: Day, sweepDays: Day[]): { day: Day; action: LifecycleStage }[] {
  const facts: LifecycleFacts = { status: "active", lastActivityDay, sent: {} };
  const log: { day: Day; action: LifecycleStage }[] = [];
  for (const day of sweepDays) {
    const action = nextLifecycleAction(facts, day);
    if (!action) continue;
    facts.sent[action] = day;
    if (action === "notice") facts.status = "pending-deactivation";
    if (action === "deactivate") facts.status = "deactivated";
    log.push({ day, action });
  }
  return log;
}

const range = (from: Day, to: Day) => Array.from({ length: to - from + 1 }, (_, i) => from + i);

describe("calendar days", () => {
  it("parses and formats UTC days, refusing malformed and impossible dates", () => {
    expect(formatDay(parseDay("2026-03-01"))).toBe("2026-03-01");
    expect(parseDay("2026-03-01") - parseDay("2026-02-28")).toBe(1);
    expect(() => parseDay("2026-02-30")).toThrow(/not a real calendar date/);
    expect(() => parseDay("1/2/2026")).toThrow(/YYYY-MM-DD/);
  });
});

describe("contact inactivity lifecycle", () => {
  it("with daily sweeps: notice on day 180, reminder 195, final notice 209, deactivation 210", () => {
    expect(simulate(0, range(1, 260))).toEqual([
      { day: 180, action: "notice" },
      { day: 195, action: "reminder" },
      { day: 209, action: "final-notice" },
      { day: 210, action: "deactivate" },
    ]);
  });

  it("does nothing before 180 days without activity", () => {
    expect(nextLifecycleAction({ status: "active", lastActivityDay: 0, sent: {} }, 179)).toBeNull();
    expect(nextLifecycleAction({ status: "active", lastActivityDay: 0, sent: {} }, 180)).toBe("notice");
  });

  it("a late sweep sends the notice first, however long the contact was inactive, and deactivates 30 days after it", () => {
    expect(nextLifecycleAction({ status: "active", lastActivityDay: 0, sent: {} }, 400)).toBe("notice");
    expect(simulate(0, range(400, 460))).toEqual([
      { day: 400, action: "notice" },
      { day: 415, action: "reminder" },
      { day: 429, action: "final-notice" },
      { day: 430, action: "deactivate" },
    ]);
  });

  it("after a 60-day sweep gap past the notice, sends only the final notice and deactivates the next day", () => {
    const sweeps = [...range(1, 185), ...range(246, 260)];
    expect(simulate(0, sweeps)).toEqual([
      { day: 180, action: "notice" },
      { day: 246, action: "final-notice" },
      { day: 247, action: "deactivate" },
    ]);
  });

  it("when reminder and final notice are both due, sends the final notice only, never both on one day", () => {
    const facts: LifecycleFacts = { status: "pending-deactivation", lastActivityDay: 0, sent: { notice: 180 } };
    expect(nextLifecycleAction(facts, 209)).toBe("final-notice");
    expect(nextLifecycleAction({ ...facts, sent: { notice: 180, "final-notice": 209 } }, 209)).toBeNull();
  });

  it("a reminder sent late by a sweep gap is followed by the final notice on its own day, not the same day", () => {
    const sweeps = [...range(1, 181), ...range(208, 240)];
    expect(simulate(0, sweeps)).toEqual([
      { day: 180, action: "notice" },
      { day: 208, action: "reminder" },
      { day: 209, action: "final-notice" },
      { day: 210, action: "deactivate" },
    ]);
  });

  it("never deactivates without a final notice on an earlier day, even long past the deadline", () => {
    const facts: LifecycleFacts = { status: "pending-deactivation", lastActivityDay: 0, sent: { notice: 180, reminder: 195 } };
    expect(nextLifecycleAction(facts, 300)).toBe("final-notice");
    const afterFinal = { ...facts, sent: { ...facts.sent, "final-notice": 300 } };
    expect(nextLifecycleAction(afterFinal, 300)).toBeNull();
    expect(deactivationDay(afterFinal)).toBe(301);
    expect(nextLifecycleAction(afterFinal, 301)).toBe("deactivate");
  });

  it("a second sweep on the same day does nothing", () => {
    const facts: LifecycleFacts = { status: "pending-deactivation", lastActivityDay: 0, sent: { notice: 180 } };
    expect(nextLifecycleAction(facts, 180)).toBeNull();
  });

  it("a deactivated contact gets nothing more", () => {
    expect(nextLifecycleAction({ status: "deactivated", lastActivityDay: 0, sent: {} }, 500)).toBeNull();
  });

  it("activity starts the clock again (a new cycle has no notices and a new last activity)", () => {
    expect(simulate(100, range(101, 279))).toEqual([]);
    expect(simulate(100, range(101, 280))).toEqual([{ day: 280, action: "notice" }]);
  });
});

describe("describeLifecycle", () => {
  it("shows days until the notice while active, and until deactivation while pending", () => {
    expect(describeLifecycle({ status: "active", lastActivityDay: 0, sent: {} }, 170)).toEqual({ stage: "active", nextDueDay: 180, deactivationDay: null, daysLeft: 10 });
    expect(describeLifecycle({ status: "pending-deactivation", lastActivityDay: 0, sent: { notice: 180, reminder: 195 } }, 200)).toEqual({
      stage: "reminder-sent",
      nextDueDay: 210,
      deactivationDay: 210,
      daysLeft: 10,
    });
    expect(describeLifecycle({ status: "deactivated", lastActivityDay: 0, sent: { notice: 180 } }, 220).stage).toBe("deactivated");
  });
});
