/** Shapes of the lifecycle API (src/features/lifecycle/schema.ts), as the browser receives them. */
export type LifecycleStage = "active" | "notice-sent" | "reminder-sent" | "final-notice-sent" | "deactivated";

export type ContactLifecycle = {
  contactId: string;
  districtId: string;
  district: string;
  username: string;
  name: string;
  type: "support" | "technical";
  status: "active" | "pending-deactivation" | "deactivated";
  stage: LifecycleStage;
  lastActivityOn: string;
  noticeDueOn: string;
  noticeOn: string | null;
  reminderOn: string | null;
  finalNoticeOn: string | null;
  deactivationOn: string | null;
  daysLeft: number | null;
};

export type ContactLifecycleList = { asOf: string; contacts: ContactLifecycle[]; truncated: boolean };
export type DistrictLifecycleCounts = { districtId: string; district: string; active: number; dueSoon: number; pending: number; deactivated: number };
export type MyLifecycle = {
  asOf: string;
  contact: Omit<ContactLifecycle, "contactId" | "districtId"> | null;
  /** A pending deactivation the caller's activity cleared, until its deadline has passed. */
  cleared: { noticeOn: string; deactivationOn: string } | null;
};
export type SweepReport = { asOf: string; stages: { stage: string; count: number }[]; actions: { district: string; username: string; action: string }[] };

export const STAGE_LABELS: Record<LifecycleStage, string> = {
  active: "Active",
  "notice-sent": "Notice sent",
  "reminder-sent": "Reminder sent",
  "final-notice-sent": "Final notice sent",
  deactivated: "Deactivated",
};

export const STAGE_COLORS: Record<LifecycleStage, string> = {
  active: "green",
  "notice-sent": "yellow",
  "reminder-sent": "orange",
  "final-notice-sent": "red",
  deactivated: "gray",
};

const MS_PER_DAY = 86_400_000;

/** Days since 1970-01-01 for a "YYYY-MM-DD" day (UTC), for drawing and arithmetic. */
export function dayNumber(day: string): number {
  return Date.parse(`${day}T00:00:00Z`) / MS_PER_DAY;
}

/** "Mar 20, 2031" for a "YYYY-MM-DD" day, shown in UTC as the rules count it. */
export function formatDay(day: string | null, options: Intl.DateTimeFormatOptions = { month: "short", day: "numeric", year: "numeric" }): string {
  if (!day) return "—";
  return new Date(`${day}T00:00:00Z`).toLocaleDateString("en-US", { ...options, timeZone: "UTC" });
}

export function daysLeftText(c: Pick<ContactLifecycle, "status" | "daysLeft">): string {
  if (c.daysLeft === null) return "—";
  const n = `${c.daysLeft} day${c.daysLeft === 1 ? "" : "s"}`;
  return c.status === "pending-deactivation" ? `${n} to deactivation` : `${n} to notice`;
}
