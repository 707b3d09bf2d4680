/**
 * Until and from dates are days: the server keeps "2026-08-15" as midnight UTC. Shown in the
 * browser's own zone, a district west of Greenwich would read the day before; so days are
 * formatted in UTC, and times (last sign-in, audit entries) in the browser's zone as usual.
 */
const DAY = new Intl.DateTimeFormat(undefined, { dateStyle: "medium", timeZone: "UTC" });

export function formatDay(iso: string | null | undefined): string {
  return iso ? DAY.format(new Date(iso)) : "";
}
