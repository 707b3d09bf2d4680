import type { PolicyDocument, PolicyRights } from "../../domain/policy/policy-document.js";
import type { Rights } from "../../domain/rights/rights.js";
import type { Db } from "../../platform/db/connect.js";
import { applyPolicy } from "../rights/policy/apply-policy.js";
import { SUPPORT_DEMO_LOGINS } from "./seed-support.js";

const DAY = 86_400_000;
const ALL = { school: "*", year: "*", calendar: "*" };
const NEXT_YEAR = "2026-27";
const FUTURE_SCHOOLS = ["Harbor View High", "Summit Elementary"];

const rights = (map: Record<string, Rights>): PolicyRights => Object.fromEntries(Object.entries(map).map(([path, r]) => [path, [{ rights: r }]]));

/**
 * The demo district's rights, written as a policy and applied like `gatehouse policy apply`:
 * seed template groups with calendar rights, next year's calendars, a few staff accounts
 * (no passwords: they only show up in groups and reviews) and the demo sign-ins' memberships.
 * The Schedulers' master-scheduling rows run until about two months from `now`.
 */
export function demoRightsPolicy(districtName: string, now: Date): PolicyDocument {
  const masterSchedulingEnds = new Date(Math.floor(now.getTime() / DAY) * DAY + 61 * DAY);
  const template = (name: string, extra: Partial<PolicyDocument["groups"][number]> = {}) => ({ name, template: name, rights: {}, calendars: [], ...extra });
  const staff = (username: string, groups: string[]) => ({ username, groups: groups.map((name) => ({ name })), productSecurityRole: "none" as const, rights: {}, calendars: [] });
  return {
    district: districtName,
    preferences: { automaticStaffAccounts: false, masterSchedulingEnds },
    calendars: FUTURE_SCHOOLS.map((school) => ({ school, year: NEXT_YEAR, calendar: `26-27 ${school}` })),
    groups: [
      template("All Campus Users"),
      template("Teachers", { calendars: [{ ...ALL, modify: true }] }),
      template("Disciplinary/Behavior Referral"),
      template("Counselors", { calendars: [{ ...ALL, modify: true }] }),
      template("Attendance Clerks", { calendars: [{ ...ALL, modify: true }] }),
      template("Health Staff", { calendars: [{ ...ALL, modify: false }] }),
      template("Schedulers", { calendars: [{ school: "*", year: NEXT_YEAR, calendar: "*", modify: true }] }),
      // The seed's Image 8: Read only on Student Information, so every field is read-only and
      // Save, New and Delete cannot be used; Demographics too, but no SSN right (SSNs show masked).
      {
        name: "Student Information Read-Only",
        rights: rights({ "Student Information": "R", "Census > People > Demographics": "R" }),
        calendars: [{ ...ALL, modify: true }],
      },
      {
        name: "Membership Administrators",
        rights: rights({
          "System Administration > User Security > User Groups": "R",
          "System Administration > User Security > User Groups > Members": "RWAD",
          "System Administration > User Security > Users": "R",
        }),
        calendars: [],
      },
    ],
    users: [
      { ...staff("admin", ["All Campus Users"]), productSecurityRole: "student-information-system" },
      { ...staff("groupadmin", ["All Campus Users", "Membership Administrators"]), productSecurityRole: "sis-group-assignment" },
      staff("teacher", ["All Campus Users", "Teachers", "Disciplinary/Behavior Referral"]),
      staff("viewer", ["All Campus Users", "Student Information Read-Only"]),
      staff("counselor", ["All Campus Users", "Counselors"]),
      staff("clerk", ["All Campus Users", "Attendance Clerks"]),
      staff("nurse", ["All Campus Users", "Health Staff"]),
      { ...staff("scheduler", ["All Campus Users"]), groups: [{ name: "All Campus Users" }, { name: "Schedulers", until: masterSchedulingEnds }] },
      // the authorized contacts (seedSupportDemo) hold the seed's own tools too: their account page sets up their authenticator
      ...SUPPORT_DEMO_LOGINS.map((c) => staff(c.username, ["All Campus Users"])),
    ],
    assertions: [],
  };
}

/** Applies the demo rights inside the caller's transaction (seedDemo's). */
export async function seedDemoRights(db: Db, districtName: string, now = new Date()): Promise<void> {
  await applyPolicy(db, demoRightsPolicy(districtName, now));
}
