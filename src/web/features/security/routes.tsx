import type { FeatureRoute } from "../../app/feature-routes.js";
import { ApiTokensPage } from "./api-tokens-page.js";
import { AuditPage } from "./audit-page.js";
import { GroupPage } from "./group-page.js";
import { GroupsPage } from "./groups-page.js";
import { PreferencesPage } from "./preferences-page.js";
import { ProtectedAreasPage } from "./protected-areas-page.js";
import { ReviewsPage } from "./reviews-page.js";
import { UserPage } from "./user-page.js";
import { UsersPage } from "./users-page.js";
import { GroupRightsReportPage, UserRightsReportPage } from "./rights-report-pages.js";
import { ComparePage } from "../governance/compare-page.js";
import { DormantPage } from "../governance/dormant-page.js";
import { CampaignPage } from "../governance/campaign-page.js";
import { CampaignsPage } from "../governance/campaigns-page.js";
import { WebhooksPage } from "../webhooks/webhooks-page.js";

const US = "System Administration > User Security";

/** The user security screens (System Administration > User Security). */
export const securityRoutes: FeatureRoute[] = [
  {
    path: "/security/groups",
    element: <GroupsPage />,
    nav: { label: "User groups", section: "User Security", tool: `${US} > User Groups > Tool Rights`, audience: "district", description: "Groups with their tool rights, calendar rights and members" },
  },
  { path: "/security/groups/:groupId", element: <GroupPage /> },
  { path: "/security/groups/:groupId/report", element: <GroupRightsReportPage /> },
  {
    path: "/security/users",
    element: <UsersPage />,
    nav: { label: "Users", section: "User Security", tool: `${US} > Users`, audience: "district", description: "Staff accounts, their roles, groups and effective rights" },
  },
  { path: "/security/users/:userId", element: <UserPage /> },
  { path: "/security/users/:userId/report", element: <UserRightsReportPage /> },
  {
    path: "/security/reviews",
    element: <ReviewsPage />,
    nav: { label: "Access reviews", section: "User Security", tool: `${US} > Reviews`, audience: "district", description: "Who can see protected data, individual rights, expiring grants, heat map" },
  },
  {
    path: "/security/campaigns",
    element: <CampaignsPage />,
    nav: { label: "Access review campaigns", section: "User Security", tool: `${US} > Reviews`, audience: "district", description: "Each term's review of who can see what, decided person by person, with evidence" },
  },
  { path: "/security/campaigns/:campaignId", element: <CampaignPage /> },
  {
    path: "/security/compare",
    element: <ComparePage />,
    nav: { label: "Compare", section: "User Security", tool: `${US} > User Groups > Tool Rights`, audience: "district", description: "Two groups or two people side by side, with where each difference comes from" },
  },
  {
    path: "/security/dormant",
    element: <DormantPage />,
    nav: { label: "Dormant accounts", section: "User Security", tool: `${US} > Users`, audience: "district", description: "Staff who have not signed in for a while, to disable in bulk" },
  },
  {
    path: "/security/protected-areas",
    element: <ProtectedAreasPage />,
    nav: { label: "Protected areas", section: "User Security", tool: `${US} > User Groups > Tool Rights`, audience: "district", description: "The seed's federally protected areas and those the district adds" },
  },
  {
    path: "/security/preferences",
    element: <PreferencesPage />,
    nav: { label: "Account Security Preferences", section: "User Security", tool: `${US} > Account Security Preferences`, audience: "district", description: "Automatic creation of staff accounts" },
  },
  {
    path: "/security/webhooks",
    element: <WebhooksPage />,
    nav: { label: "Webhooks", section: "User Security", tool: `${US} > Account Security Preferences`, audience: "district", description: "Signed messages to your systems for rights, contact and case changes" },
  },
  {
    path: "/security/api-tokens",
    element: <ApiTokensPage />,
    nav: { label: "API tokens", section: "User Security", tool: `${US} > Users`, audience: "district", description: "Tokens for automation and SCIM, and their service accounts" },
  },
  {
    path: "/security/audit",
    element: <AuditPage />,
    nav: { label: "Audit log", section: "User Security", tool: `${US} > Audit Log`, audience: "district", description: "Who changed what, when, before and after" },
  },
];
