import type { Day } from "./calendar-day.js";

/**
 * The inactivity lifecycle of an authorized contact (DESIGN.md, "Authorized contacts").
 * Everything after the first notice is counted from the day that notice was actually sent,
 * never from the last activity, so a sweep that did not run for a while can delay a stage but
 * never shorten the 30 days of warnings a contact is owed.
 */
export const LIFECYCLE = {
  /** Days without activity before the notice of pending deactivation. */
  noticeAfterDays: 180,
  /** The reminder goes midway: this many days after the notice. */
  reminderAfterDays: 15,
  /** Deactivation comes no earlier than this many days after the notice. */
  deactivateAfterDays: 30,
  /** The final notice goes this many days before deactivation ("the day before"). */
  finalNoticeDaysBefore: 1,
} as const;

export const LIFECYCLE_STAGES = ["notice", "reminder", "final-notice", "deactivate"] as const;
export type LifecycleStage = (typeof LIFECYCLE_STAGES)[number];

export type ContactLifecycleStatus = "active" | "pending-deactivation" | "deactivated";

/** What the rules need to know about one contact in its current inactivity cycle. */
export type LifecycleFacts = {
  status: ContactLifecycleStatus;
  lastActivityDay: Day;
  /** The day each stage of the current cycle was actually carried out, when it was. */
  sent: Partial<Record<LifecycleStage, Day>>;
};

/** Day on which the final notice falls due: the day before the earliest deactivation. */
export function finalNoticeDueDay(noticeDay: Day): Day {
  return noticeDay + LIFECYCLE.deactivateAfterDays - LIFECYCLE.finalNoticeDaysBefore;
}

/**
 * The earliest day the contact can be deactivated. Before the final notice is sent that is
 * 30 days after the notice; once it is sent, also at least the day after it, so a final notice
 * sent late by a sweep that did not run still gives its full day of warning.
 */
export function deactivationDay(facts: Pick<LifecycleFacts, "sent">): Day | null {
  const notice = facts.sent.notice;
  if (notice === undefined) return null;
  const earliest = notice + LIFECYCLE.deactivateAfterDays;
  const final = facts.sent["final-notice"];
  return final === undefined ? earliest : Math.max(earliest, final + LIFECYCLE.finalNoticeDaysBefore);
}

/** The day the notice falls due for a contact last active on `lastActivityDay`. */
export function noticeDueDay(lastActivityDay: Day): Day {
  return lastActivityDay + LIFECYCLE.noticeAfterDays;
}

/**
 * The one action a sweep on `asOf` takes for this contact, or null.
 *
 * - At most one action per contact per day: if any stage of the cycle was carried out on
 *   `asOf` (an earlier sweep today), nothing more happens today. A second sweep on the same
 *   day therefore does nothing, and nobody gets two emails on one day.
 * - A late sweep never skips ahead: without a notice in this cycle, the only possible action
 *   is the notice, however long ago the contact was last active.
 * - When a sweep is so late that the reminder and the final notice are both due, only the
 *   final notice goes. It is the one that tells the true deadline ("tomorrow"); a "midway"
 *   reminder sent after the midpoint would name the same deadline and only add noise, and
 *   sending both would break the one-email-a-day rule. The skipped reminder is not sent later.
 * - Deactivation needs the final notice sent on an earlier day (see deactivationDay).
 */
export function nextLifecycleAction(facts: LifecycleFacts, asOf: Day): LifecycleStage | null {
  if (facts.status === "deactivated") return null;
  const { sent } = facts;
  if (Object.values(sent).some((day) => day === asOf)) return null;
  const notice = sent.notice;
  if (notice === undefined) return asOf >= noticeDueDay(facts.lastActivityDay) ? "notice" : null;
  if (sent.deactivate !== undefined) return null;
  const final = sent["final-notice"];
  if (final === undefined) {
    if (asOf >= finalNoticeDueDay(notice)) return "final-notice";
    if (sent.reminder === undefined && asOf >= notice + LIFECYCLE.reminderAfterDays) return "reminder";
    return null;
  }
  return asOf >= deactivationDay(facts)! ? "deactivate" : null;
}

export type LifecycleView = {
  stage: "active" | "notice-sent" | "reminder-sent" | "final-notice-sent" | "deactivated";
  /** The day the next step is due: the notice while active, deactivation while pending. */
  nextDueDay: Day | null;
  deactivationDay: Day | null;
  /** Days from `asOf` to deactivation (pending) or to the notice (active); never negative. */
  daysLeft: number | null;
};

/** Where a contact stands on `asOf`, for screens: stage, deadline and days left. */
export function describeLifecycle(facts: LifecycleFacts, asOf: Day): LifecycleView {
  if (facts.status === "deactivated") return { stage: "deactivated", nextDueDay: null, deactivationDay: null, daysLeft: null };
  const deadline = deactivationDay(facts);
  if (deadline === null) {
    const due = noticeDueDay(facts.lastActivityDay);
    return { stage: "active", nextDueDay: due, deactivationDay: null, daysLeft: Math.max(0, due - asOf) };
  }
  const stage = facts.sent["final-notice"] !== undefined ? "final-notice-sent" : facts.sent.reminder !== undefined ? "reminder-sent" : "notice-sent";
  return { stage, nextDueDay: deadline, deactivationDay: deadline, daysLeft: Math.max(0, deadline - asOf) };
}
