import type { FeatureRoute } from "../../app/feature-routes.js";
import { REPORTS } from "../../../features/sis-reports/report-definitions.js";
import { ReportPage, ReportsPage } from "./reports-page.js";

/** Student Information > Reports, shown to anyone with R on at least one report. */
export const sisReportRoutes: FeatureRoute[] = [
  {
    path: "/reports",
    element: <ReportsPage />,
    nav: {
      label: "Reports",
      section: "Student Information",
      anyTool: REPORTS.map((r) => r.tool),
      audience: "district",
      description: "Enrollment, attendance and behavior reports: generate, print and download with R alone",
    },
  },
  { path: "/reports/:slug", element: <ReportPage /> },
];
