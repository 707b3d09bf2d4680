/** The one source of "now", so tests and the --as-of options can move time. */
export type Clock = { now(): Date };

export const systemClock: Clock = { now: () => new Date() };

export function fixedClock(start: Date): Clock & { set(d: Date): void; advanceDays(n: number): void } {
  let current = new Date(start);
  return {
    now: () => new Date(current),
    set: (d) => (current = new Date(d)),
    advanceDays: (n) => (current = new Date(current.getTime() + n * 86_400_000)),
  };
}
