import type { FeatureRoute } from "../../app/feature-routes.js";
import { CannedRepliesPage } from "./canned-replies-page.js";
import { EmergencyCasePage } from "./emergency-case-page.js";
import { VendorCasePage } from "./vendor-case-page.js";
import { VendorDistrictPage } from "./vendor-district-page.js";
import { VendorDistrictsPage } from "./vendor-districts-page.js";
import { VendorQueuePage } from "./vendor-queue-page.js";
import { VendorStaffPage } from "./vendor-staff-page.js";
import { VendorUpdateRequestsPage } from "./vendor-update-requests-page.js";
import { VendorOnly } from "./vendor-only.js";

/** Vendor support staff's pages: the case queue, districts and their contacts, update requests. */
export const vendorFeatureRoutes: FeatureRoute[] = [
  {
    path: "/vendor/cases",
    element: <VendorOnly><VendorQueuePage /></VendorOnly>,
    nav: { label: "Case queue", section: "Support", audience: "vendor", description: "Cases from every district; emergencies first" },
  },
  { path: "/vendor/cases/new", element: <VendorOnly><EmergencyCasePage /></VendorOnly> },
  { path: "/vendor/cases/:caseId", element: <VendorOnly><VendorCasePage /></VendorOnly> },
  {
    path: "/vendor/canned-replies",
    element: <VendorOnly><CannedRepliesPage /></VendorOnly>,
    nav: { label: "Canned replies", section: "Support", audience: "vendor", description: "The shared replies agents insert and edit before sending" },
  },
  {
    path: "/vendor/districts",
    element: <VendorOnly><VendorDistrictsPage /></VendorOnly>,
    nav: { label: "Districts", section: "Support", audience: "vendor", description: "Hosting, add-on products and authorized contacts" },
  },
  { path: "/vendor/districts/:districtId", element: <VendorOnly><VendorDistrictPage /></VendorOnly> },
  {
    path: "/vendor/update-requests",
    element: <VendorOnly><VendorUpdateRequestsPage /></VendorOnly>,
    nav: { label: "Update requests", section: "Support", audience: "vendor", description: "Schedule, complete or decline district requests" },
  },
  {
    path: "/vendor/staff-accounts",
    element: <VendorOnly><VendorStaffPage /></VendorOnly>,
    nav: { label: "Staff accounts", section: "Administration", audience: "vendor", description: "Unlock a colleague, send a set-password link" },
  },
];
