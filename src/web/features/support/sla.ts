import type { CaseDetail, CaseSummary } from "./types.js";

/** How soon Support aims to answer a case first, by priority (hours). */
export const FIRST_RESPONSE_TARGET_HOURS: Record<CaseSummary["priority"], number> = { urgent: 1, high: 4, normal: 24, low: 72 };

const HOUR = 3_600_000;

/** "3 d 4 h", "5 h 10 min", "12 min": a span of time a person reads at a glance. */
export function formatSpan(ms: number): string {
  const minutes = Math.max(0, Math.floor(ms / 60_000));
  const days = Math.floor(minutes / 1440);
  const hours = Math.floor((minutes % 1440) / 60);
  if (days > 0) return `${days} d ${hours} h`;
  if (hours > 0) return `${hours} h ${minutes % 60} min`;
  return `${minutes} min`;
}

/** The case's age and its first response against the target for its priority. */
export function caseSla(c: Pick<CaseDetail, "createdAt" | "priority" | "events">, now = new Date()) {
  const opened = new Date(c.createdAt).getTime();
  const first = c.events.find((e) => e.actorSide === "vendor" && e.kind === "reply");
  const target = FIRST_RESPONSE_TARGET_HOURS[c.priority] * HOUR;
  const age = formatSpan(now.getTime() - opened);
  if (first) {
    const took = new Date(first.at).getTime() - opened;
    return { age, firstResponse: `${formatSpan(took)}${took > target ? " (past the target)" : ""}`, late: took > target };
  }
  const late = now.getTime() - opened > target;
  return { age, firstResponse: late ? `None yet: ${formatSpan(now.getTime() - opened - target)} past the ${FIRST_RESPONSE_TARGET_HOURS[c.priority]} h target` : `None yet: due within ${formatSpan(opened + target - now.getTime())}`, late };
}
