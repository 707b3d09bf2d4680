import type { ContactType } from "../../platform/db/schema/contacts.js";

/**
 * The seed recommends two support contacts and one technical contact, with more "based on the
 * number of add-on products licensed". Gatehouse reads that as one more support contact per
 * licensed add-on product; the technical allowance stays at one. Deactivated contacts do not
 * count. Going past the allowance needs a recorded vendor approval.
 */
export const BASE_SUPPORT_CONTACTS = 2;
export const BASE_TECHNICAL_CONTACTS = 1;

export type Allowance = Record<ContactType, number>;

export function contactAllowance(addOnProducts: number): Allowance {
  return { support: BASE_SUPPORT_CONTACTS + Math.max(0, addOnProducts), technical: BASE_TECHNICAL_CONTACTS };
}

/** Whether one more contact of `type` goes past the allowance, given the current counts. */
export function exceedsAllowance(allowance: Allowance, counts: Allowance, type: ContactType): boolean {
  return counts[type] + 1 > allowance[type];
}
