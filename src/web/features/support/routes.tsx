import type { FeatureRoute } from "../../app/feature-routes.js";
import { CasePage } from "./case-page.js";
import { ModifyContactPage } from "./modify-contact-page.js";
import { NewCasePage } from "./new-case-page.js";
import { PortalHomePage } from "./portal-home-page.js";
import { UpdateRequestsPage } from "./update-requests-page.js";

/**
 * The district side of the Support Case Portal. Every district user sees the entries: the portal
 * itself tells a non-contact who their district's authorized contacts are.
 */
export const supportFeatureRoutes: FeatureRoute[] = [
  {
    path: "/support",
    element: <PortalHomePage />,
    nav: { label: "Case Portal", section: "Support", audience: "district", description: "Open and follow support cases (authorized contacts)" },
  },
  { path: "/support/cases/new", element: <NewCasePage /> },
  { path: "/support/cases/:caseId", element: <CasePage /> },
  {
    path: "/support/update-requests",
    element: <UpdateRequestsPage />,
    nav: { label: "Update Requests", section: "Support", audience: "district", description: "Sandbox, staging and version updates (technical contacts)" },
  },
  { path: "/support/modify-contact", element: <ModifyContactPage /> },
];
