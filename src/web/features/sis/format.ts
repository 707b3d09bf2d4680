const day = new Intl.DateTimeFormat(undefined, { dateStyle: "medium", timeZone: "UTC" });
const moment = new Intl.DateTimeFormat(undefined, { dateStyle: "medium", timeStyle: "short" });

/** A calendar day ("2025-08-25") as the reader writes dates; the day never shifts with time zones. */
export function formatDay(value: string | null | undefined): string {
  if (!value) return "—";
  const date = new Date(`${value.slice(0, 10)}T00:00:00Z`);
  return Number.isNaN(date.getTime()) ? value : day.format(date);
}

/** A point in time, in the reader's time zone. */
export function formatMoment(value: string): string {
  return moment.format(new Date(value));
}

export const GENDER_LABELS: Record<string, string> = { F: "Female", M: "Male", X: "Nonbinary (X)" };
