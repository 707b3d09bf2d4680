import type { CaseSummary } from "./types.js";

export const STATUS_LABELS: Record<CaseSummary["status"], string> = {
  new: "New",
  open: "Open",
  "pending-district": "Waiting on district",
  "pending-vendor": "Waiting on Support",
  resolved: "Resolved",
  closed: "Closed",
};

export const STATUS_COLORS: Record<CaseSummary["status"], string> = {
  new: "blue",
  open: "cyan",
  "pending-district": "orange",
  "pending-vendor": "violet",
  resolved: "green",
  closed: "gray",
};

export const PRIORITY_COLORS: Record<CaseSummary["priority"], string> = { low: "gray", normal: "blue", high: "orange", urgent: "red" };

export const CONTACT_TYPE_LABELS = { support: "Support contact", technical: "Technical contact" } as const;
export const CONTACT_STATUS_LABELS = { active: "Active", "pending-deactivation": "Pending deactivation", deactivated: "Deactivated" } as const;
export const CONTACT_STATUS_COLORS = { active: "green", "pending-deactivation": "orange", deactivated: "gray" } as const;

export const UPDATE_KIND_LABELS = { "sandbox-refresh": "Sandbox refresh", "staging-refresh": "Staging refresh", "version-update": "Version update" } as const;
export const UPDATE_STATUS_COLORS = { requested: "blue", scheduled: "violet", completed: "green", declined: "gray" } as const;

export const PRODUCT_AREA_OPTIONS = [
  "Attendance",
  "Behavior",
  "Census",
  "Grading",
  "Health",
  "Scheduling",
  "State Reporting",
  "Student Information",
  "System Administration",
  "Campus Learning",
  "Food Service",
  "Authorized Contacts",
  "Other",
];

export const formatDate = (iso: string | null) => (iso ? new Date(iso).toLocaleString(undefined, { dateStyle: "medium", timeStyle: "short" }) : "—");
export const formatDay = (iso: string | null) => (iso ? new Date(iso).toLocaleDateString(undefined, { dateStyle: "medium" }) : "—");

export function formatBytes(n: number): string {
  if (n < 1024) return `${n} B`;
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(1)} KB`;
  return `${(n / 1024 / 1024).toFixed(1)} MB`;
}
