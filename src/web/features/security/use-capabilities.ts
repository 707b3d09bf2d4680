import { useQuery } from "@tanstack/react-query";
import { api } from "../../api.js";

/** One route's verdict for the signed-in user, as the server's access layer decides it. */
export type Capability = { allowed: boolean; code?: string; reason?: string };

/** The routes that change what these screens show, by "METHOD /url" as the server registers them. */
export const CHANGES = {
  rights: "PUT /api/groups/:groupId/rights",
  createGroup: "POST /api/groups",
  groupSettings: "PATCH /api/groups/:groupId",
  groupCalendarRights: "PUT /api/groups/:groupId/calendar-rights",
  addMember: "POST /api/groups/:groupId/members",
  removeMember: "DELETE /api/groups/:groupId/members/:userId",
  userRole: "PUT /api/users/:userId/role",
  userRights: "PUT /api/users/:userId/rights",
  userCalendarRights: "PUT /api/users/:userId/calendar-rights",
  preferences: "PUT /api/preferences",
  restoreRights: "POST /api/groups/:groupId/rights-history/:number/restore",
  disableAccounts: "POST /api/dormant-accounts/disable",
  createAccount: "POST /api/users",
  helpContacts: "PUT /api/district/help-contacts",
  disableAccount: "POST /api/users/:userId/disable",
  enableAccount: "POST /api/users/:userId/enable",
  bulkAddMembers: "POST /api/groups/:groupId/members/bulk-add",
  bulkRemoveMembers: "POST /api/groups/:groupId/members/bulk-remove",
  importMemberships: "POST /api/memberships/import",
  dormantPolicy: "PUT /api/dormant-accounts/policy",
  preview: "POST /api/preview",
  startCampaign: "POST /api/campaigns",
  closeCampaign: "POST /api/campaigns/:campaignId/close",
  createWebhook: "POST /api/webhooks",
  sso: "PUT /api/sso/settings",
  onerosterImport: "POST /api/oneroster/imports",
  automationMappings: "PUT /api/staff-automation/mappings",
  markProtected: "POST /api/protected-areas",
  schoolAssignments: "PUT /api/users/:userId/school-assignments",
  // the person's own Account Setting (R to see the account page, W to change it)
  viewAccount: "GET /api/account/sessions",
  changeAccount: "POST /api/account/password",
} as const;

export type Change = (typeof CHANGES)[keyof typeof CHANGES];

/**
 * GET /api/me/capabilities: computed by the server from the same route declarations it
 * enforces, so "View only" here and a refusal there cannot disagree.
 */
export function useCapabilities() {
  const query = useQuery({
    queryKey: ["auth", "me", "capabilities"],
    queryFn: () => api.get<{ routes: Record<string, Capability> }>("/api/me/capabilities"),
    staleTime: 30_000,
  });
  // until the answer is in, nothing is offered: a button that appears is one that works
  const verdict = (route: Change): Capability => query.data?.routes[route] ?? { allowed: false };
  return { can: (route: Change) => verdict(route).allowed, verdict, isLoading: query.isPending };
}
