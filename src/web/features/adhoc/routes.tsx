import type { FeatureRoute } from "../../app/feature-routes.js";
import { ADHOC_TOOL } from "./adhoc-api.js";
import { FilterPage, NewFilterPage } from "./filter-page.js";
import { FiltersPage } from "./filters-page.js";

/** Ad hoc reporting: saved and shared filters, the filter designer, and running a filter. */
export const adhocFeatureRoutes: FeatureRoute[] = [
  {
    path: "/adhoc",
    element: <FiltersPage />,
    nav: { label: "Ad hoc reports", section: "Student Information", tool: ADHOC_TOOL, audience: "district", description: "Design, save, share and export filters over student data" },
  },
  { path: "/adhoc/new", element: <NewFilterPage /> },
  { path: "/adhoc/filters/:filterId", element: <FilterPage /> },
];
