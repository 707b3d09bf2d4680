/** Gatehouse's own catalog tools that guard the rights screens and API. */
export const TOOLS = {
  toolRights: "System Administration > User Security > User Groups > Tool Rights",
  calendarRights: "System Administration > User Security > User Groups > Calendar Rights",
  members: "System Administration > User Security > User Groups > Members",
  users: "System Administration > User Security > Users",
  preferences: "System Administration > User Security > Account Security Preferences",
  reviews: "System Administration > User Security > Reviews",
} as const;
