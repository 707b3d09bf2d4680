import { dayOf, startOfDay, type Day } from "../../domain/contacts/calendar-day.js";
import type { Config } from "../../platform/config.js";
import type { SweepOptions } from "./sweep-contacts.js";

const MS_PER_DAY = 86_400_000;

/** Where the notices link to: the configured public address, else the local server. */
export function portalBaseUrl(config: Pick<Config, "publicUrl" | "port">): string {
  return config.publicUrl ?? `http://localhost:${config.port === 0 ? 3000 : config.port}`;
}

/**
 * Options for a sweep on `asOf` (today when absent). Actions are stamped with the current time
 * of day on the as-of day, so a sweep run for another day records that day, not today.
 */
export function sweepOptionsFor(config: Pick<Config, "publicUrl" | "port">, now: Date, asOf?: Day): SweepOptions {
  const day = asOf ?? dayOf(now);
  const at = new Date(startOfDay(day).getTime() + (now.getTime() % MS_PER_DAY));
  return { asOf: day, at, publicUrl: portalBaseUrl(config) };
}
