import type { FeatureRoute } from "../../app/feature-routes.js";
import { MyDataPage } from "./my-data-page.js";

/** The seed's My Data tool (All Campus Users). */
export const myDataRoutes: FeatureRoute[] = [
  {
    path: "/my-data",
    element: <MyDataPage />,
    nav: { label: "My data", section: "Account", tool: "My Data", audience: "district", description: "Your account, groups, calendar rights and tool rights" },
  },
];
