import { isApiError } from "../../api.js";
import { formatDay } from "./format-day.js";
import type { MembershipWindow } from "./security-api.js";

/** The day a date input shows for a stored until/from (days are kept as midnight UTC). */
export function dayInput(iso: string | null): string {
  return iso ? iso.slice(0, 10) : "";
}

/**
 * The request that changes a membership's end date: it keeps the start date (the API replaces
 * both), and carries the dates as the screen saw them, so a change made meanwhile by someone
 * else answers 409 membership-conflict instead of being overwritten.
 */
export function membershipChangeBody(userId: string, seen: MembershipWindow, untilDay: string) {
  return {
    userId,
    ...(seen.from ? { from: seen.from } : {}),
    ...(untilDay ? { until: untilDay } : {}),
    expected: { from: seen.from, until: seen.until },
  };
}

/** A membership's dates in words: "from 1 Sep 2025 until 15 Aug 2026", "no end date". */
export function describeWindow(w: MembershipWindow): string {
  const from = w.from ? `from ${formatDay(w.from)}` : "";
  const until = w.until ? `until ${formatDay(w.until)}` : "with no end date";
  return [from, until].filter(Boolean).join(" ");
}

/** What changed between what the screen showed and what the server holds now (null: no longer a member). */
export function describeMembershipConflict(seen: MembershipWindow, current: MembershipWindow | null): string {
  if (current === null) return "Someone removed this membership after you opened it.";
  return `When you opened it, the membership ran ${describeWindow(seen)}; someone has since changed it to run ${describeWindow(current)}.`;
}

/** The current membership a 409 membership-conflict carries (its problem body's `current`). */
export function conflictCurrent(body: Record<string, unknown>): MembershipWindow | null {
  const current = body["current"] as { from?: string | null; until?: string | null } | null | undefined;
  return current ? { from: current.from ?? null, until: current.until ?? null } : null;
}

/** Removing a membership someone else already removed answers 404 for "That membership". */
export function isMembershipGone(error: unknown): boolean {
  return isApiError(error) && error.status === 404 && /membership/i.test(error.detail);
}
export const MEMBERSHIP_GONE = (name: string) => `${name} was already removed from the group by someone else; the list now shows the members as they are.`;
