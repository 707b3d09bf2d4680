import type { FeatureRoute } from "../../app/feature-routes.js";
import { InstallationPage } from "./installation-page.js";

/** Vendor staff's installation settings. */
export const installationFeatureRoutes: FeatureRoute[] = [
  {
    path: "/vendor/installation",
    element: <InstallationPage />,
    nav: { label: "Installation", section: "Administration", audience: "vendor", description: "The public URL used in links in every email" },
  },
];
