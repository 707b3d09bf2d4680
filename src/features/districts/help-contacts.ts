import { eq } from "drizzle-orm";
import { z } from "zod";
import { recordAudit } from "../../platform/audit.js";
import type { Db } from "../../platform/db/connect.js";
import { districts, type HelpContact } from "../../platform/db/schema/districts.js";
import type { DistrictActor } from "../../platform/http/actor.js";
import { notFound } from "../../platform/http/errors.js";

export const ZHelpContactInput = z
  .object({
    name: z.string().trim().min(1, "Give the contact's name").max(200, "Use at most 200 characters in a name"),
    role: z.string().trim().min(1, "Say what the contact helps with, e.g. Help desk").max(200, "Use at most 200 characters in a role"),
    email: z.email("Enter an email address such as help@example.org").max(254).optional(),
    phone: z.string().trim().max(40, "Use at most 40 characters in a phone number").optional(),
  })
  .refine((c) => c.email || c.phone, { message: "Give an email or a phone number, so people can reach this contact", path: ["email"] });

export async function readHelpContacts(db: Db, actor: DistrictActor): Promise<HelpContact[]> {
  const [row] = await db.select({ helpContacts: districts.helpContacts }).from(districts).where(eq(districts.id, actor.districtId)).limit(1);
  if (!row) throw notFound("This district");
  return row.helpContacts;
}

/** Replaces the Help contacts the district's sign-in page shows; audited with before and after. */
export async function replaceHelpContacts(db: Db, actor: DistrictActor, contacts: HelpContact[]): Promise<HelpContact[]> {
  const clean = contacts.map((c) => ({ name: c.name, role: c.role, ...(c.email ? { email: c.email } : {}), ...(c.phone ? { phone: c.phone } : {}) }));
  return db.transaction(async (tx) => {
    const [before] = await tx.select({ name: districts.name, helpContacts: districts.helpContacts }).from(districts).where(eq(districts.id, actor.districtId)).for("update");
    if (!before) throw notFound("This district");
    await tx.update(districts).set({ helpContacts: clean }).where(eq(districts.id, actor.districtId));
    await recordAudit(tx, {
      districtId: actor.districtId,
      actor: { id: actor.userId, name: actor.username },
      action: "district.help-contacts-changed",
      target: { type: "district", id: actor.districtId, name: before.name },
      before: { helpContacts: before.helpContacts },
      after: { helpContacts: clean },
    });
    return clean;
  });
}
