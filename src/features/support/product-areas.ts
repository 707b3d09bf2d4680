/** Where in the product a case is about; vendor staff route the queue by it. */
export const PRODUCT_AREAS = [
  "Attendance",
  "Behavior",
  "Census",
  "Grading",
  "Health",
  "Scheduling",
  "State Reporting",
  "Student Information",
  "System Administration",
  "Campus Learning",
  "Food Service",
  "Authorized Contacts",
  "Other",
] as const;
export type ProductArea = (typeof PRODUCT_AREAS)[number];
