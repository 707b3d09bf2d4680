import type { FeatureRoute } from "../../app/feature-routes.js";
import { SsoSettingsPage } from "./sso-settings-page.js";

export const ssoFeatureRoutes: FeatureRoute[] = [
  {
    path: "/security/sso",
    element: <SsoSettingsPage />,
    nav: { label: "Single sign-on", section: "User Security", tool: "System Administration > User Security > Account Security Preferences", audience: "district", description: "OpenID Connect and SAML sign-in, just-in-time accounts, linked identities" },
  },
];
