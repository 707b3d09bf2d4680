/** The demo district's sign-ins, printed by `npm start` so a new user can look around at once. */
export const DEMO_DISTRICT = { slug: "demo", name: "Demo Unified School District" } as const;

export const DEMO_LOGINS = [
  { username: "admin", password: "Sunrise-Ballard-42", role: "district system administrator (Student Information System role)" },
  { username: "groupadmin", password: "Maple-Roster-17", role: "membership administrator (SIS group assignment role)" },
  { username: "teacher", password: "Chalk-Lesson-23", role: "teacher (no security role)" },
  { username: "viewer", password: "Quiet-Ledger-58", role: "read-only student data, no SSN right (the seed's Image 8)" },
] as const;

export const DEMO_VENDOR_LOGIN = { username: "vendor", password: "Harbor-Support-88", role: "vendor support staff (sets up MFA at first sign-in)" } as const;
