/**
 * The policy file format of DESIGN.md "Policy files", as zod schemas. Shapes are checked
 * here; meaning (tool paths, rights strings, names that must exist) in validate-policy.ts.
 * Dates are YAML dates (2026-08-15) or ISO date-times, always read as UTC.
 */
import { z } from "zod";
import { isCalendarDay } from "../calendar-day.js";

const DATE_RE = /^\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$/;

export const ZPolicyDate = z
  .union([z.date(), z.string()], { error: "expected a date such as 2026-08-15" })
  .superRefine((v, ctx) => {
    if (v instanceof Date) return;
    if (!DATE_RE.test(v)) ctx.addIssue({ code: "custom", message: "expected a date such as 2026-08-15 or 2026-08-15T08:00:00Z" });
    // JavaScript's Date would quietly turn 2026-02-30 into 2 March
    else if (!isCalendarDay(v.slice(0, 10))) ctx.addIssue({ code: "custom", message: `${v.slice(0, 10)} is not a day of the calendar: check the month and the day` });
  })
  .transform((v) => (v instanceof Date ? v : new Date(/^\d{4}-\d{2}-\d{2}$/.test(v) ? `${v}T00:00:00Z` : v)))
  .refine((d) => !Number.isNaN(d.getTime()), { error: "not a real date" });

const bounds = { from: ZPolicyDate.optional(), until: ZPolicyDate.optional() };

const RIGHTS_HELP = 'expected a rights string such as RWAD or R, "" for none, deny, {rights: RW, until: 2026-08-15} or {deny: true}';

/** One rights value as written: "RWAD", "", "deny", {rights, from?, until?} or {deny: true, …}. */
export const ZRightsValue = z.union(
  [z.string(), z.strictObject({ rights: z.string(), ...bounds }), z.strictObject({ deny: z.literal(true), ...bounds })],
  { error: RIGHTS_HELP },
);
/** Extension: a list of values for one tool, e.g. a timed grant followed by "" from its end. */
export const ZRightsSpec = z.union([ZRightsValue, z.array(ZRightsValue).min(1)], { error: RIGHTS_HELP });
export const ZRightsMap = z.record(z.string(), ZRightsSpec);

const ZName = z.string().trim().min(1, { error: "must not be empty" });

export const ZCalendar = z.strictObject({ school: ZName, year: ZName, calendar: ZName });

export const ZCalendarGrant = z.strictObject({
  school: ZName,
  year: ZName,
  calendar: ZName,
  modify: z.boolean().default(false),
  ...bounds,
});

export const ZPolicyGroup = z.strictObject({
  name: ZName,
  template: ZName.optional(),
  /** a member limit; a template's "limited members" gives one by default, null removes it */
  limit: z.int32().positive().nullable().optional(),
  rights: ZRightsMap.default({}),
  calendars: z.array(ZCalendarGrant).default([]),
});

export const ZGroupMembership = z.union([ZName, z.strictObject({ name: ZName, ...bounds })], {
  error: "expected a group name or {name, from?, until?}",
});

export const ZProductSecurityRole = z.enum(["none", "student-information-system", "sis-group-assignment"]);

export const ZPolicyUser = z.strictObject({
  username: ZName,
  groups: z.array(ZGroupMembership).default([]),
  productSecurityRole: ZProductSecurityRole.default("none"),
  rights: ZRightsMap.default({}),
  calendars: z.array(ZCalendarGrant).default([]),
});

export const ZSupportContact = z.strictObject({
  username: ZName,
  email: z.email(),
  type: z.enum(["support", "technical"]),
  lastActivity: ZPolicyDate.optional(),
});

export const ZAssertion = z.strictObject({
  user: ZName,
  tool: ZName,
  calendar: ZName.optional(),
  asOf: ZPolicyDate.optional(),
  rights: z.string({ error: 'expected the rights the user should have, e.g. RWAD, R or ""' }),
});

export const ZPolicyFile = z.strictObject({
  district: ZName,
  preferences: z
    .strictObject({
      automaticStaffAccounts: z.boolean().default(false),
      /** end of the master scheduling period: the seed's ** rows of a template expire then */
      masterSchedulingEnds: ZPolicyDate.optional(),
    })
    .default({ automaticStaffAccounts: false }),
  calendars: z.array(ZCalendar).default([]),
  groups: z.array(ZPolicyGroup).default([]),
  users: z.array(ZPolicyUser).default([]),
  support: z
    .strictObject({ addOnProducts: z.int32().nonnegative().default(0), contacts: z.array(ZSupportContact).default([]) })
    .optional(),
  assertions: z.array(ZAssertion).default([]),
  /** tools the district protects beyond the seed's FERPA/HIPAA list ("This is not a comprehensive list.") */
  protected: z.array(z.string({ error: "expected a tool path" })).optional(),
});

export type PolicyFile = z.output<typeof ZPolicyFile>;
export type RightsValueInput = z.output<typeof ZRightsValue>;
