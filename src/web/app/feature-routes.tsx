import type { ReactNode } from "react";
import { AccountPage } from "../pages/account/account-page.js";
import { securityRoutes } from "../features/security/routes.js";
import { supportFeatureRoutes } from "../features/support/routes.js";
import { vendorFeatureRoutes } from "../features/vendor/routes.js";
import { lifecycleFeatureRoutes } from "../features/lifecycle/routes.js";
import { outboxFeatureRoutes } from "../features/outbox/routes.js";
import { sisFeatureRoutes } from "../features/sis/routes.js";
import { sisReportRoutes } from "../features/sis-reports/routes.js";
import { myDataRoutes } from "../features/my-data/routes.js";
import { adhocFeatureRoutes } from "../features/adhoc/routes.js";
import { installationFeatureRoutes } from "../features/installation/routes.js";
import { ssoFeatureRoutes } from "../features/sso/routes.js";
import { onerosterFeatureRoutes } from "../features/oneroster/routes.js";

/**
 * Who sees a navigation item: district staff, vendor support staff, or both.
 * (Routes themselves are not hidden: the API answers 404 for what a caller may not use.)
 */
export type NavAudience = "district" | "vendor" | "all";

export type FeatureNav = {
  label: string;
  /** Groups the navbar, e.g. "User Security", "Student Information", "Support", "Account". */
  section: string;
  icon?: ReactNode;
  /** A district item naming a tool path is shown only to users with at least R on that tool. */
  tool?: string;
  /** Shown to users with at least R on any of these tools (a menu of separately granted tools). */
  anyTool?: string[];
  audience: NavAudience;
  /** One line for the home page card; defaults to nothing. */
  description?: string;
};

export type FeatureRoute = {
  /** Absolute path inside the signed-in app, e.g. "/groups" or "/groups/:groupId". */
  path: string;
  element: ReactNode;
  /** Present for pages that appear in the navigation; detail pages usually leave it out. */
  nav?: FeatureNav;
};

/** The order of navbar sections; a section not listed here comes after these, alphabetically. */
export const SECTION_ORDER = ["User Security", "Student Information", "Support", "Administration", "Account"];

/**
 * The registry of signed-in pages. Each feature adds its own lines here (insert, never rewrite);
 * the layout turns them into routes, navigation and home page cards.
 */
export const featureRoutes: FeatureRoute[] = [
  {
    path: "/account",
    element: <AccountPage />,
    nav: { label: "My account", section: "Account", audience: "all", description: "Password, authenticator (MFA) and where you are signed in" },
  },
  ...supportFeatureRoutes,
  ...vendorFeatureRoutes,
  ...lifecycleFeatureRoutes,
  ...outboxFeatureRoutes,
  ...securityRoutes,
  ...sisFeatureRoutes,
  ...sisReportRoutes,
  ...myDataRoutes,
  ...adhocFeatureRoutes,
  ...installationFeatureRoutes,
  ...ssoFeatureRoutes,
  ...onerosterFeatureRoutes,
  // Features: add your entries above this line (the order here does not matter; sections are sorted).
];
