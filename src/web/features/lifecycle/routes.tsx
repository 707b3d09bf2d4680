import type { FeatureRoute } from "../../app/feature-routes.js";
import { LifecyclePage } from "./lifecycle-page.js";

/** Vendor staff's view of the contacts' inactivity lifecycle. */
export const lifecycleFeatureRoutes: FeatureRoute[] = [
  {
    path: "/vendor/lifecycle",
    element: <LifecyclePage />,
    nav: { label: "Contact inactivity", section: "Support", audience: "vendor", description: "Notices, deadlines and deactivations of authorized contacts" },
  },
];
