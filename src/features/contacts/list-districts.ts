import { asc, eq, inArray, sql } from "drizzle-orm";
import type { Db } from "../../platform/db/connect.js";
import { authorizedContacts } from "../../platform/db/schema/contacts.js";
import { districts } from "../../platform/db/schema/districts.js";
import { districtAddOnProducts, supportCases } from "../../platform/db/schema/support.js";
import { notFound } from "../../platform/http/errors.js";
import { contactAllowance } from "./allowance.js";
import { escapeLike, listContacts } from "./repo.js";

/** Vendor view of districts: hosting, add-on products and the contact allowance against designations. */
export async function listDistricts(db: Db, search: string) {
  const pattern = `%${escapeLike(search)}%`;
  const rows = await db
    .select()
    .from(districts)
    .where(search ? sql`(${districts.name} ilike ${pattern} or ${districts.slug} ilike ${pattern})` : undefined)
    .orderBy(asc(districts.name));
  return summarize(db, rows);
}

async function summarize(db: Db, rows: (typeof districts.$inferSelect)[]) {
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.id);
  const [products, counts, open] = await Promise.all([
    db.select().from(districtAddOnProducts).where(inArray(districtAddOnProducts.districtId, ids)).orderBy(asc(districtAddOnProducts.product)),
    db
      .select({ districtId: authorizedContacts.districtId, type: authorizedContacts.type, n: sql<number>`count(*)::int` })
      .from(authorizedContacts)
      .where(sql`${inArray(authorizedContacts.districtId, ids)} and ${authorizedContacts.status} <> 'deactivated'`)
      .groupBy(authorizedContacts.districtId, authorizedContacts.type),
    db
      .select({ districtId: supportCases.districtId, n: sql<number>`count(*)::int` })
      .from(supportCases)
      .where(sql`${inArray(supportCases.districtId, ids)} and ${supportCases.status} not in ('resolved', 'closed')`)
      .groupBy(supportCases.districtId),
  ]);
  return rows.map((d) => {
    const designated = { support: 0, technical: 0 };
    for (const c of counts) if (c.districtId === d.id) designated[c.type] = Number(c.n);
    return {
      id: d.id,
      slug: d.slug,
      name: d.name,
      cloudChoice: d.cloudChoice,
      addOnProducts: d.addOnProducts,
      products: products.filter((p) => p.districtId === d.id).map((p) => p.product),
      allowance: contactAllowance(d.addOnProducts),
      designated,
      openCases: Number(open.find((o) => o.districtId === d.id)?.n ?? 0),
      version: d.version,
    };
  });
}

export async function getDistrict(db: Db, districtId: string) {
  const rows = await db.select().from(districts).where(eq(districts.id, districtId)).limit(1);
  if (rows.length === 0) throw notFound("District");
  const [summary] = await summarize(db, rows);
  return { ...summary!, contacts: await listContacts(db, { districtId }) };
}
