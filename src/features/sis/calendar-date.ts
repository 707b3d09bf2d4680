import { AppError } from "../../platform/http/errors.js";

/** "2025-02-30" matches YYYY-MM-DD but is no day at all; PostgreSQL would refuse it with a 500. */
export function isCalendarDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

/** An end before its start is refused at the end field, which is the one people usually mistype. */
export function requireEndOnOrAfterStart(start: string | null | undefined, end: string | null | undefined, path: string): void {
  if (start && end && end < start) {
    throw new AppError(400, "end-before-start", `The end date (${end}) is before the start date (${start}). Correct one of them.`, { path });
  }
}
