import { z } from "zod";
import { CONTACT_STATUSES, CONTACT_TYPES } from "../../platform/db/schema/contacts.js";

export const ZContactType = z.enum(CONTACT_TYPES);
export const ZAllowance = z.object({ support: z.number(), technical: z.number() });

export const ZContact = z.object({
  id: z.string(),
  userId: z.string(),
  name: z.string(),
  username: z.string(),
  email: z.string().nullable(),
  mfaEnabled: z.boolean(),
  type: ZContactType,
  status: z.enum(CONTACT_STATUSES),
  lastActivityAt: z.date(),
  inactivityCycle: z.number(),
  designatedAt: z.date(),
  deactivatedAt: z.date().nullable(),
  allowanceApprovedAt: z.date().nullable(),
  version: z.number(),
});

export const ZDistrictSummary = z.object({
  id: z.string(),
  slug: z.string(),
  name: z.string(),
  cloudChoice: z.boolean(),
  addOnProducts: z.number().describe("how many add-on products the district licenses; each adds one support contact to the allowance"),
  products: z.array(z.string()),
  allowance: ZAllowance,
  designated: ZAllowance.describe("contacts that count against the allowance (not deactivated)"),
  openCases: z.number(),
  version: z.number(),
});

export const ZDistrictDetail = ZDistrictSummary.extend({ contacts: z.array(ZContact) });

export const ZDistrictQuery = z.object({ search: z.string().trim().max(100).default("") });

export const ZProductName = z.string().trim().min(1, "Enter the product's name").max(80);

export const ZDistrictUpdate = z.object({
  cloudChoice: z.boolean().describe("Campus Cloud Choice hosting: the district may request version updates"),
  products: z.array(ZProductName).max(50).describe("the licensed add-on products, by name"),
  version: z.int32().positive(),
});

export const ZDesignation = z.object({
  userId: z.uuid(),
  type: ZContactType,
  approveOverAllowance: z.boolean().default(false).describe("vendor approval, recorded, to go past the district's allowance"),
  confirmConsequences: z.boolean().default(false).describe("designate even though the user has no email address"),
});

export const ZDistrictUser = z.object({
  id: z.string(),
  name: z.string(),
  username: z.string(),
  email: z.string().nullable(),
  contactType: ZContactType.nullable(),
  contactStatus: z.enum(CONTACT_STATUSES).nullable(),
});

export const ZContactHistory = z.object({
  contact: ZContact,
  district: z.object({ id: z.string(), name: z.string() }),
  activity: z.array(z.object({ at: z.date(), kind: z.string(), caseId: z.string().nullable() })),
  changes: z.array(z.object({ at: z.date(), action: z.string(), actorName: z.string().nullable(), before: z.unknown(), after: z.unknown() })),
});

export type DistrictUpdate = z.infer<typeof ZDistrictUpdate>;
export type Designation = z.infer<typeof ZDesignation>;
