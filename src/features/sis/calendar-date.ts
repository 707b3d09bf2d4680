import { AppError } from "../../platform/http/errors.js";

export { isCalendarDay as isCalendarDate } from "../../domain/calendar-day.js";

/** An end before its start is refused at the end field, which is the one people usually mistype. */
export function requireEndOnOrAfterStart(start: string | null | undefined, end: string | null | undefined, path: string): void {
  if (start && end && end < start) {
    throw new AppError(400, "end-before-start", `The end date (${end}) is before the start date (${start}). Correct one of them.`, { path });
  }
}
