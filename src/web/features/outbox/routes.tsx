import type { FeatureRoute } from "../../app/feature-routes.js";
import { OutboxPage } from "./outbox-page.js";

/** Vendor staff's view of outgoing email. */
export const outboxFeatureRoutes: FeatureRoute[] = [
  {
    path: "/vendor/outbox",
    element: <OutboxPage />,
    nav: { label: "Outbox", section: "Administration", audience: "vendor", description: "Outgoing email: pending, sent, failed and why" },
  },
];
