/**
 * Which audited changes a district's webhooks can hear of. An endpoint subscribes to categories;
 * each message's `type` is the audit action itself ("group.rights-replaced", "contact.deactivated",
 * "case.opened"), so the webhook and the audit log name a change the same way.
 */
export const WEBHOOK_CATEGORIES = ["rights", "contacts", "cases"] as const;
export type WebhookCategory = (typeof WEBHOOK_CATEGORIES)[number];

export const CATEGORY_LABELS: Record<WebhookCategory, string> = {
  rights: "Rights changes: tool and calendar rights, memberships, roles, policy files",
  contacts: "Support contacts: designated, removed, warned, deactivated, reactivated",
  cases: "Support cases: opened, updated, replies, update requests",
};

/** The vendor's internal notes on a case are not the district's to read. */
const VENDOR_ONLY_ACTIONS = new Set(["case.internal-note-added"]);
const RIGHTS_ACTIONS = /^(group\.|user\.(rights|calendar-rights|memberships|role)-|policy\.applied$)/;

/** The category an audit action belongs to, or null when webhooks do not carry it (sign-ins, say). */
export function categoryOfAction(action: string): WebhookCategory | null {
  if (VENDOR_ONLY_ACTIONS.has(action)) return null;
  if (RIGHTS_ACTIONS.test(action)) return "rights";
  if (action.startsWith("contact.")) return "contacts";
  if (action.startsWith("case.") || action.startsWith("update-request.")) return "cases";
  return null;
}
