import { AppError, type FieldError } from "../../platform/http/errors.js";
import type { Entry } from "./schema.js";

const day = (d: Date) => d.toISOString().slice(0, 10);

export const PAST_UNTIL_HINT = "Correct the date, or confirm that you mean it.";

/**
 * An until that has already passed ends the right or membership the moment it is saved, which
 * is almost always a mistyped year: refused unless the caller confirms. Saving again what is
 * already stored (an expired row kept for the record) needs no confirmation.
 */
export function refusePastUntil(until: Date | null | undefined, now: Date, path: string, what: string): void {
  if (!until || until > now) return;
  throw new AppError(422, "past-until", `${what} would end on ${day(until)}, which has passed, so it would give nothing from today. ${PAST_UNTIL_HINT}`, { path });
}

const key = (e: Entry) => `${e.toolPath}|${e.rights}|${e.deny}|${e.from?.getTime() ?? ""}|${e.until?.getTime() ?? ""}`;

/** The same rule for a whole entry set: new or changed entries only, all reported at once. */
export function refusePastUntilEntries(next: Entry[], before: Entry[], now: Date, where: string): void {
  const stored = new Set(before.map(key));
  const errors: FieldError[] = [];
  next.forEach((e, i) => {
    if (e.until && e.until <= now && !stored.has(key(e))) {
      errors.push({ path: `${where}[${i}].until`, message: `The entry on "${e.toolPath}" would end on ${day(e.until)}, which has passed.` });
    }
  });
  if (errors.length > 0) {
    throw new AppError(422, "past-until", `Nothing was saved: ${errors.map((e) => e.message).join(" ")} ${PAST_UNTIL_HINT}`, { errors });
  }
}
