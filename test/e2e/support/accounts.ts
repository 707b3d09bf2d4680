import { DEMO_DISTRICT, DEMO_LOGINS } from "../../../src/features/demo/demo-logins.js";

/**
 * The sign-ins the browser tests use. The demo ones come from the seed; the others are made by
 * prepare-database.ts before the server starts. The database is shared by every spec in a run,
 * so a test that changes an account (password, MFA, lockout) uses an account of its own here.
 */
export type Account = {
  username: string;
  password: string;
  displayName: string;
  /** District slug; null for vendor support staff. */
  district: string | null;
  role?: "none" | "student-information-system" | "sis-group-assignment";
  /** A known authenticator secret: the account starts with MFA on, and tests can make codes. */
  mfaSecret?: string;
  /** The account was created this many days ago and never signed in (a dormant account). */
  idleDays?: number;
  /** The account is an active authorized contact of its district, of this type. */
  contact?: "support" | "technical";
  /** The account is in the demo district's All Campus Users group (the seed's own tools: My account works). */
  allCampusUsers?: true;
};

const demo = (username: (typeof DEMO_LOGINS)[number]["username"], displayName: string): Account => ({
  username,
  password: DEMO_LOGINS.find((l) => l.username === username)!.password,
  displayName,
  district: DEMO_DISTRICT.slug,
});

export const DEMO_SLUG = DEMO_DISTRICT.slug;
export const DEMO_NAME = DEMO_DISTRICT.name;

/** Districts besides the demo one, made empty by prepare-database.ts for specs that fill a whole district. */
export const E2E_DISTRICTS = [
  { slug: "e2e-templates", name: "Template Test District" },
  // paging.spec.ts: a district that fills with more groups than one page holds
  { slug: "e2e-paging", name: "Paging Test District" },
  // xss.spec.ts: stored text that would run as script if any screen rendered it as HTML
  { slug: "e2e-xss", name: `XSS District <img src=x onerror="window.__xss='district'">` },
  // sso.spec.ts: single sign-on is turned on here, so no other district's sign-in page changes
  { slug: "e2e-sso", name: "SSO Test District" },
  // notifications.spec.ts: a contact of their own district, so the demo district's contacts stay as they are
  { slug: "e2e-notify", name: "Notify Test District" },
] as const;

/** Payloads for xss.spec.ts: each sets window.__xss or opens a dialog if it ever runs. */
export const XSS = {
  img: `<img src=x onerror="window.__xss='img';alert('img')">`,
  script: `<script>window.__xss='script';alert('script')</script>`,
  svg: `<svg onload="window.__xss='svg'">`,
  link: `javascript:window.__xss='link';alert('link')`,
};

/** Base32 secret for the e2e vendor account (any 32 base32 characters will do). */
const VENDOR_SECRET = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP";

export const ACCOUNTS = {
  // Seeded demo users: sign in freely, but do not change their password, MFA or lock them out.
  admin: demo("admin", "Alex Admin"),
  groupadmin: demo("groupadmin", "Gale Groups"),
  teacher: demo("teacher", "Terry Teacher"),
  viewer: demo("viewer", "Val Viewer"),
  // Vendor support staff with MFA already on, for specs that work as the vendor.
  vendor: { username: "e2e-vendor", password: "Vendor-E2E-Pass-31", displayName: "Vic Vendor-Tester", district: null, mfaSecret: VENDOR_SECRET },
  // Accounts that one spec changes; each belongs to the spec named in its key.
  signInWrongPassword: { username: "e2e-wrongpw", password: "Wrong-Pw-Owner-77", displayName: "Wendy Wrongpass", district: DEMO_DISTRICT.slug, allCampusUsers: true },
  signInChangePassword: { username: "e2e-chpw", password: "Before-Change-Pass-5", displayName: "Charlie Changer", district: DEMO_DISTRICT.slug, allCampusUsers: true },
  signInVendorEnrol: { username: "e2e-vendor-new", password: "New-Vendor-Pass-64", displayName: "Nia Newvendor", district: null },
  accountMfa: { username: "e2e-mfa", password: "Mfa-Owner-Pass-48", displayName: "Morgan Mfa", district: DEMO_DISTRICT.slug, allCampusUsers: true },
  accountMfaMove: { username: "e2e-mfa-move", password: "Mfa-Mover-Pass-57", displayName: "Max Mover", district: DEMO_DISTRICT.slug, mfaSecret: "KRSXG5DSNFXGOIDBNZSCAYLOEBWWK3TU", allCampusUsers: true },
  // auth-access.spec.ts: a vendor colleague who gets locked out, and a user given a set-password link.
  authLockedVendor: { username: "e2e-vendor-locked", password: "Locked-Vendor-Pass-66", displayName: "Lou Lockedout", district: null },
  authPasswordLink: { username: "e2e-pwlink", password: "Link-Owner-Pass-39", displayName: "Lee Linked", district: DEMO_DISTRICT.slug, allCampusUsers: true },
  // Staff whose groups, rights and role the security specs change; they start in no group.
  securityCounselor: { username: "e2e-counselor", password: "Counselor-E2E-Pass-52", displayName: "Casey Counselor", district: DEMO_DISTRICT.slug },
  securityAuditor: { username: "e2e-auditor", password: "Auditor-E2E-Pass-63", displayName: "Avery Auditor", district: DEMO_DISTRICT.slug },
  securityCalendars: { username: "e2e-calendars", password: "Calendars-E2E-Pass-74", displayName: "Cory Calendars", district: DEMO_DISTRICT.slug },
  securityEditor: { username: "e2e-editor-member", password: "Editor-E2E-Pass-85", displayName: "Eddie Editor", district: DEMO_DISTRICT.slug },
  securityReviewed: { username: "e2e-reviewed", password: "Reviewed-E2E-Pass-96", displayName: "Robin Reviewed", district: DEMO_DISTRICT.slug },
  // security-templates.spec.ts: an administrator and a staff member of an empty district of their own,
  // where all 21 seed example groups can be created without touching the demo district's groups.
  securityTemplatesAdmin: { username: "e2e-templates-admin", password: "Templates-E2E-Pass-17", displayName: "Tate Templates", district: "e2e-templates", role: "student-information-system" },
  securityTemplatesMember: { username: "e2e-templates-member", password: "Member-E2E-Pass-28", displayName: "Mel Member", district: "e2e-templates" },
  // governance.spec.ts: an account nobody has used for 200 days, disabled from the Dormant accounts page.
  // governance.spec.ts: an administrator whose session previews the app as the teacher (kept apart from "admin").
  // governance.spec.ts: a group's owner, with no role, who reviews that group's members in a campaign
  governanceOwner: { username: "e2e-gov-owner", password: "Owner-E2E-Pass-52", displayName: "Oakley Owner", district: DEMO_DISTRICT.slug },
  governanceAdmin: { username: "e2e-gov-admin", password: "Governance-E2E-Pass-41", displayName: "Greer Governance", district: DEMO_DISTRICT.slug, role: "student-information-system" },
  governanceDormant: { username: "e2e-dormant", password: "Dormant-E2E-Pass-39", displayName: "Dory Dormant", district: DEMO_DISTRICT.slug, idleDays: 200 },
  // xss.spec.ts: display names that are script payloads, in a district of their own
  xssAdmin: { username: "e2e-xss-admin", password: "Xss-Admin-E2E-Pass-39", displayName: `Xena ${XSS.img}`, district: "e2e-xss", role: "student-information-system" },
  xssStaff: { username: "e2e-xss-staff", password: "Xss-Staff-E2E-Pass-40", displayName: `Sam ${XSS.script}${XSS.svg}`, district: "e2e-xss" },
  xssContact: { username: "e2e-xss-contact", password: "Xss-Contact-E2E-Pass-41", displayName: "Cal Contact", district: "e2e-xss", mfaSecret: "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ", contact: "technical" },
  // sso.spec.ts: configures the e2e-sso district's OpenID Connect sign-in
  ssoAdmin: { username: "e2e-sso-admin", password: "Sso-Admin-E2E-Pass-58", displayName: "Sid Signon", district: "e2e-sso", role: "student-information-system" },
  // paging.spec.ts: the administrator of the paging district, and two staff to list as members.
  pagingAdmin: { username: "e2e-paging-admin", password: "Paging-E2E-Pass-26", displayName: "Page Pager", district: "e2e-paging", role: "student-information-system" },
  pagingStaffA: { username: "e2e-paging-ann", password: "Paging-Ann-E2E-Pass-27", displayName: "Ann Paged", district: "e2e-paging" },
  pagingStaffB: { username: "e2e-paging-bo", password: "Paging-Bo-E2E-Pass-28", displayName: "Bo Paged", district: "e2e-paging" },
  // admin-actions.spec.ts: an administrator of the demo district who creates, disables and imports.
  actionsAdmin: { username: "e2e-actions-admin", password: "Actions-E2E-Pass-29", displayName: "Ari Actions", district: DEMO_DISTRICT.slug, role: "student-information-system" },
  actionsStaffA: { username: "e2e-actions-una", password: "Actions-Una-E2E-Pass-30", displayName: "Una Bulk", district: DEMO_DISTRICT.slug },
  actionsStaffB: { username: "e2e-actions-dos", password: "Actions-Dos-E2E-Pass-31", displayName: "Dos Bulk", district: DEMO_DISTRICT.slug },
  // accessibility.spec.ts: a technical contact with MFA on, to look at every Support Case Portal page.
  a11yContact: { username: "e2e-a11y-contact", password: "Contact-A11y-Pass-62", displayName: "Ari Access", district: DEMO_DISTRICT.slug, mfaSecret: "MFRGGZDFMZTWQ2LKNNWG23TPOBYXE43U", contact: "technical", allCampusUsers: true },
  // notifications.spec.ts: a support contact whose bell counts the vendor's replies
  notifyContact: { username: "e2e-notify-contact", password: "Notify-Contact-Pass-73", displayName: "Nell Notified", district: "e2e-notify", mfaSecret: "NBSWY3DPO5XXE3DENBSWY3DPO5XXE3DE", contact: "support" },
  // seed-reports.spec.ts: staff given R on one report only, then on none.
  // seed-fidelity.spec.ts: staff in no group, so without the seed's Account Setting
  seedFidelitySsn: { username: "e2e-ssn-holder", password: "Ssn-Holder-E2E-Pass-46", displayName: "Sol Ssnholder", district: DEMO_DISTRICT.slug },
  seedFidelityNoAccount: { username: "e2e-no-account", password: "No-Account-E2E-Pass-45", displayName: "Nico Noaccount", district: DEMO_DISTRICT.slug },
  seedReportsReader: { username: "e2e-report-reader", password: "Reports-E2E-Pass-44", displayName: "Rory Reports", district: DEMO_DISTRICT.slug },
} satisfies Record<string, Account>;

export type AccountName = keyof typeof ACCOUNTS;
