import { z } from "zod";
import { ZRights } from "../rights/schema.js";

const ZSide = z.object({ rights: ZRights, deny: z.boolean() });
const ZToolDifference = z.object({ path: z.string(), depth: z.number(), a: ZSide, b: ZSide, inherited: z.boolean().describe("true when the tool only repeats its parent's difference") });
const ZGrantSide = z.object({ modify: z.boolean() }).nullable();
const ZGrantDifference = z.object({ school: z.string(), year: z.string(), calendar: z.string(), a: ZGrantSide, b: ZGrantSide });
const ZPerson = z.object({ userId: z.string(), username: z.string(), displayName: z.string() });
const ZGroupRef = z.object({ id: z.string(), name: z.string(), version: z.number() });

export const ZCompareGroupsQuery = z.object({ a: z.uuid(), b: z.uuid(), asOf: z.coerce.date().optional() });
export const ZGroupComparison = z.object({
  asOf: z.date(),
  a: ZGroupRef,
  b: ZGroupRef,
  tools: z.array(ZToolDifference),
  calendars: z.array(ZGrantDifference),
  members: z.object({ onlyA: z.array(ZPerson), onlyB: z.array(ZPerson), both: z.number() }),
});

export const ZCompareUsersQuery = z.object({
  a: z.uuid(),
  b: z.uuid(),
  school: z.string().trim().min(1).optional(),
  year: z.string().trim().min(1).optional(),
  calendar: z.string().trim().min(1).optional(),
  asOf: z.coerce.date().optional(),
});
const ZUserSide = z.object({ rights: ZRights, source: z.string() });
const ZUserRef = z.object({ id: z.string(), username: z.string(), productSecurityRole: z.string() });
export const ZUserComparison = z.object({
  asOf: z.date(),
  calendar: z.object({ school: z.string(), year: z.string(), calendar: z.string() }).nullable(),
  a: ZUserRef,
  b: ZUserRef,
  tools: z.array(z.object({ path: z.string(), depth: z.number(), a: ZUserSide, b: ZUserSide })),
});

const ZVersionSummary = z.object({ number: z.number(), savedAt: z.date(), savedBy: z.string().nullable(), reason: z.string() });
export const ZRightsVersionList = z.array(ZVersionSummary.extend({ entryCount: z.number(), calendarGrantCount: z.number() }));
export const ZRightsVersionDiff = z.object({ from: ZVersionSummary, to: ZVersionSummary, tools: z.array(ZToolDifference), calendars: z.array(ZGrantDifference) });
export const ZVersionNumber = z.coerce.number().int().min(1).max(2_147_483_647);

export const ZDormantQuery = z.object({ days: z.coerce.number().int().min(1).max(3650).default(90) });
export const ZDormantList = z.object({
  days: z.number(),
  cutoff: z.date(),
  accounts: z.array(
    z.object({
      id: z.string(),
      username: z.string(),
      displayName: z.string(),
      email: z.string().nullable(),
      productSecurityRole: z.string(),
      lastLoginAt: z.date().nullable(),
      createdAt: z.date(),
      idleDays: z.number(),
      neverSignedIn: z.boolean(),
    }),
  ),
});
export const ZDormantPolicy = z.object({ disableAfterDays: z.number().nullable(), noticeDays: z.number() });
export const ZDisableAccounts = z.object({
  userIds: z.array(z.uuid()).min(1, "Choose at least one account to disable.").max(1000),
  reason: z.string().trim().min(1, "Say why these accounts are disabled (it goes in the audit log).").max(500),
});
const ZUserName = z.object({ id: z.string(), username: z.string() });
export const ZAccountsDisabled = z.object({ disabled: z.array(ZUserName), alreadyDisabled: z.array(ZUserName) });
