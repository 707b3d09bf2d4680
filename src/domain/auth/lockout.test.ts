import { describe, expect, it } from "vitest";
import { ceilingPauseMs, LOCKOUT, refusedUntil, type AttemptCounts } from "./lockout.js";

const now = new Date("2026-03-01T10:00:00Z");
const ago = (s: number) => new Date(now.getTime() - s * 1000);
const counts = (c: Partial<AttemptCounts>): AttemptCounts => ({ failures: 0, lockedUntil: null, lastFailureAt: null, lastSuccessAt: null, ...c });

describe("smart lockout rules", () => {
  it("refuses an address while its lock lasts, and not after", () => {
    const until = new Date(now.getTime() + 60_000);
    expect(refusedUntil(counts({ lockedUntil: until }), undefined, now)).toEqual(until);
    expect(refusedUntil(counts({ lockedUntil: ago(1) }), undefined, now)).toBeNull();
  });

  it("does not slow anyone below the account ceiling", () => {
    expect(refusedUntil(undefined, counts({ failures: LOCKOUT.accountCeiling - 1, lastFailureAt: now }), now)).toBeNull();
  });

  it("past the ceiling makes unfamiliar addresses wait a pause that doubles, up to a maximum", () => {
    expect(ceilingPauseMs(LOCKOUT.accountCeiling)).toBe(30_000);
    expect(ceilingPauseMs(LOCKOUT.accountCeiling + 2)).toBe(120_000);
    expect(ceilingPauseMs(LOCKOUT.accountCeiling + 40)).toBe(LOCKOUT.maxCeilingPauseSeconds * 1000);
    const account = counts({ failures: LOCKOUT.accountCeiling, lastFailureAt: ago(10) });
    expect(refusedUntil(undefined, account, now)).toEqual(new Date(ago(10).getTime() + 30_000));
    expect(refusedUntil(undefined, counts({ failures: LOCKOUT.accountCeiling, lastFailureAt: ago(31) }), now)).toBeNull();
  });

  it("never slows an address the owner has signed in from", () => {
    const account = counts({ failures: LOCKOUT.accountCeiling + 5, lastFailureAt: now });
    expect(refusedUntil(counts({ lastSuccessAt: ago(86_400) }), account, now)).toBeNull();
  });
});
