import { z } from "zod";
import { ZEntry, ZGrant, ZRights, ZRole } from "./schema.js";

export const ZUserSummary = z.object({
  id: z.string(),
  username: z.string(),
  displayName: z.string(),
  email: z.string().nullable(),
  productSecurityRole: ZRole,
  disabled: z.boolean(),
  locked: z.boolean(),
  lastLoginAt: z.date().nullable(),
  version: z.number(),
  groupCount: z.number(),
  serviceAccount: z.boolean().describe("signs in with API tokens only (Security > API tokens)"),
});

export const ZUserDetail = ZUserSummary.extend({
  groups: z.array(z.object({ groupId: z.string(), name: z.string(), from: z.date().nullable(), until: z.date().nullable(), active: z.boolean() })),
  entries: z.array(ZEntry).describe("individual rights (discouraged; listed in the review report)"),
  calendarGrants: z.array(ZGrant),
});

export const ZRightsQuery = z.object({
  school: z.string().trim().min(1).optional(),
  year: z.string().trim().min(1).optional(),
  calendar: z.string().trim().min(1).optional(),
  asOf: z.coerce.date().optional(),
});

export const ZEffectiveRights = z.object({
  asOf: z.date(),
  calendar: z.object({ school: z.string(), year: z.string(), calendar: z.string() }).nullable(),
  tools: z.array(z.object({ path: z.string(), depth: z.number(), rights: ZRights })),
});

export const ZExplanation = z.object({
  toolPath: z.string(),
  rights: ZRights,
  union: ZRights,
  roleOverride: z.boolean(),
  asOf: z.date(),
  grantees: z.array(
    z.object({
      kind: z.enum(["group", "user"]),
      name: z.string(),
      groupId: z.string().nullable(),
      active: z.boolean(),
      rights: ZRights,
      entryPath: z.string().nullable().describe("the nearest entry that gave this grantee's rights"),
      denies: z.array(z.string()),
      ignored: z.array(z.object({ entryPath: z.string(), rights: ZRights, deny: z.boolean(), reason: z.string() })),
    }),
  ),
  deny: z.object({ entryPath: z.string(), by: z.string() }).nullable(),
  calendarCap: z.object({ applies: z.boolean(), cap: ZRights, grant: z.object({ school: z.string(), year: z.string(), calendar: z.string(), modify: z.boolean() }).nullable() }).nullable(),
  lines: z.array(z.string()).describe("the explanation as short sentences"),
});

export const ZAccessHolders = z.object({
  toolPath: z.string(),
  right: z.enum(["R", "W", "A", "D"]),
  protected: z.boolean().describe("A protected area of the district: the seed's list or one the district marked"),
  holders: z.array(
    z.object({
      userId: z.string(),
      username: z.string(),
      rights: ZRights,
      via: z.array(z.object({ kind: z.enum(["group", "user", "role"]), name: z.string(), entryPath: z.string().nullable(), rights: ZRights })),
    }),
  ),
});
