import type { FeatureRoute } from "../../app/feature-routes.js";
import { TOOLS } from "../../../features/sis/field-catalog.js";
import { AccessLogPage } from "./access-log-page.js";

/** FERPA's record of access (System Administration > User Security > Access Log). */
export const accessLogRoutes: FeatureRoute[] = [
  {
    path: "/access-log",
    element: <AccessLogPage />,
    nav: { label: "Access log (FERPA)", section: "User Security", tool: TOOLS.accessLog, audience: "district", description: "Who read which protected field of whose record, and when" },
  },
];
