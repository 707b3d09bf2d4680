import type { FeatureRoute } from "../../app/feature-routes.js";
import { StaffAutomationPage } from "./automation-page.js";
import { OneRosterImportPage } from "./import-page.js";

const US = "System Administration > User Security";

/** OneRoster import and staff account automation. */
export const onerosterFeatureRoutes: FeatureRoute[] = [
  {
    path: "/security/oneroster",
    element: <OneRosterImportPage />,
    nav: { label: "OneRoster import", section: "User Security", tool: `${US} > Users`, audience: "district", description: "Schools, staff, students and enrollments from a OneRoster 1.2 CSV set" },
  },
  {
    path: "/security/staff-automation",
    element: <StaffAutomationPage />,
    nav: { label: "Staff account automation", section: "User Security", tool: `${US} > Account Security Preferences`, audience: "district", description: "School and role mappings, and the run history" },
  },
];
