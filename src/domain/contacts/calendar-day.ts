/**
 * Calendar days in UTC, as whole numbers (days since 1970-01-01), so the lifecycle rules are
 * plain integer arithmetic and never depend on the server's time zone or daylight saving.
 */
export type Day = number;

const MS_PER_DAY = 86_400_000;
const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** The UTC calendar day a moment falls on. */
export function dayOf(moment: Date): Day {
  return Math.floor(moment.getTime() / MS_PER_DAY);
}

/** Parses "YYYY-MM-DD"; anything else, or a date that does not exist (2026-02-30), is refused. */
export function parseDay(text: string): Day {
  const match = ISO_DAY.exec(text);
  if (!match) throw new RangeError(`"${text}" is not a date in the form YYYY-MM-DD`);
  const [, y, m, d] = match.map(Number) as [number, number, number, number];
  const ms = Date.UTC(y, m - 1, d);
  const back = new Date(ms);
  if (back.getUTCFullYear() !== y || back.getUTCMonth() !== m - 1 || back.getUTCDate() !== d) {
    throw new RangeError(`"${text}" is not a real calendar date`);
  }
  return ms / MS_PER_DAY;
}

/** "YYYY-MM-DD" for a day. */
export function formatDay(day: Day): string {
  return new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
}

/** Midnight UTC at the start of a day. */
export function startOfDay(day: Day): Date {
  return new Date(day * MS_PER_DAY);
}
