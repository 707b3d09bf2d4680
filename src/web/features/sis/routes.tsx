import type { FeatureRoute } from "../../app/feature-routes.js";
import { accessLogRoutes } from "../access-log/routes.js";
import { StudentPage } from "./student-page.js";
import { StudentSearchPage } from "./student-search-page.js";
import { TOOLS } from "./student-tabs.js";

/** The student-data screens, guarded tab by tab by tool rights, and the access log of their protected fields. */
export const sisFeatureRoutes: FeatureRoute[] = [
  {
    path: "/students",
    element: <StudentSearchPage />,
    nav: { label: "Students", section: "Student Information", tool: TOOLS.summary, audience: "district", description: "Find a student and open their records, as far as your rights allow" },
  },
  { path: "/students/:personId", element: <StudentPage /> },
  { path: "/students/:personId/:tab", element: <StudentPage /> },
  ...accessLogRoutes,
];
