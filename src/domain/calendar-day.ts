import { z } from "zod";

/**
 * The one date type of Gatehouse: a day of the calendar, written YYYY-MM-DD. JavaScript's Date
 * rolls "2026-02-30" over to 2 March and PostgreSQL refuses it with an error, so a day that
 * does not exist is refused here, at the field, before either sees it.
 */
export function isCalendarDay(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

export const DAY_FORMAT_MESSAGE = "Write the day as YYYY-MM-DD, for example 2026-08-15.";
export const NO_SUCH_DAY_MESSAGE = "That day does not exist: check the month and the day.";

// The API writes a day back as midnight UTC ("2026-08-15T00:00:00.000Z"); taking that form too
// lets a client send back what it read.
const DAY_OR_MIDNIGHT = /^(\d{4}-\d{2}-\d{2})(?:T00:00(?::00(?:\.0{1,3})?)?Z)?$/;

/** Why a value is not a day, or null when it is one. */
export function dayProblem(value: string): string | null {
  const m = DAY_OR_MIDNIGHT.exec(value);
  if (!m) return DAY_FORMAT_MESSAGE;
  return isCalendarDay(m[1]!) ? null : noSuchDay(m[1]!);
}

const MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];
const ordinal = (n: number) => `${n}${n % 10 === 1 && n !== 11 ? "st" : n % 10 === 2 && n !== 12 ? "nd" : n % 10 === 3 && n !== 13 ? "rd" : "th"}`;

/** Which part of a YYYY-MM-DD that is not a day is wrong: "February has no 30th." */
function noSuchDay(day: string): string {
  const [year, month, date] = day.split("-").map(Number) as [number, number, number];
  if (month < 1 || month > 12) return `There is no month ${month}: write the day as YYYY-MM-DD, for example 2026-08-15.`;
  if (date < 1) return `${MONTHS[month - 1]} has no day 0.`;
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (month === 2 && date === 29) return `February ${year} has no 29th: ${year} is not a leap year.`;
  return date > last ? `${MONTHS[month - 1]} has no ${ordinal(date)}.` : NO_SUCH_DAY_MESSAGE;
}

/** A day as text, normalised to YYYY-MM-DD. */
export const ZDay = z
  .string({ error: DAY_FORMAT_MESSAGE })
  .superRefine((value, ctx) => {
    const problem = dayProblem(value);
    if (problem) ctx.addIssue({ code: "custom", message: problem });
  })
  .transform((value) => value.slice(0, 10))
  .meta({ format: "date" });

/** A day as the Date of its midnight UTC, which is how days are stored. */
export const ZDayDate = ZDay.transform((day) => new Date(`${day}T00:00:00Z`)).meta({ format: "date" });
