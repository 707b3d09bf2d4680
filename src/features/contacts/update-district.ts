import { and, eq, sql } from "drizzle-orm";
import { recordAudit } from "../../platform/audit.js";
import type { Db } from "../../platform/db/connect.js";
import { districts } from "../../platform/db/schema/districts.js";
import { districtAddOnProducts } from "../../platform/db/schema/support.js";
import type { Actor } from "../../platform/http/actor.js";
import { AppError, conflict, notFound } from "../../platform/http/errors.js";
import { getDistrict } from "./list-districts.js";
import type { DistrictUpdate } from "./schema.js";

/**
 * Vendor staff set a district's hosting and licensed add-on products. The product count is
 * stored on the district too, because the allowance (and policy files) work from the count.
 */
export async function updateDistrict(db: Db, actor: Actor, districtId: string, input: DistrictUpdate) {
  const products = [...new Set(input.products.map((p) => p.trim()))];
  if (products.length !== input.products.length) {
    throw new AppError(400, "duplicate-product", "Each add-on product may be listed once.", { path: "body.products" });
  }
  await db.transaction(async (tx) => {
    const [before] = await tx.select().from(districts).where(eq(districts.id, districtId)).for("update");
    if (!before) throw notFound("District");
    if (before.version !== input.version) {
      throw conflict("version-conflict", "Someone else changed this district while you were editing. Review the current values and save again.", { current: await getDistrict(tx, districtId) });
    }
    const beforeProducts = (await tx.select().from(districtAddOnProducts).where(eq(districtAddOnProducts.districtId, districtId))).map((p) => p.product).sort();
    await tx
      .update(districts)
      .set({ cloudChoice: input.cloudChoice, addOnProducts: products.length, version: sql`${districts.version} + 1` })
      .where(and(eq(districts.id, districtId), eq(districts.version, input.version)));
    await tx.delete(districtAddOnProducts).where(eq(districtAddOnProducts.districtId, districtId));
    if (products.length) await tx.insert(districtAddOnProducts).values(products.map((product) => ({ districtId, product })));
    await recordAudit(tx, {
      districtId,
      actor: { id: actor.userId, name: actor.username },
      action: "district.products-updated",
      target: { type: "district", id: districtId, name: before.name },
      before: { cloudChoice: before.cloudChoice, products: beforeProducts },
      after: { cloudChoice: input.cloudChoice, products: [...products].sort() },
    });
  });
  return getDistrict(db, districtId);
}
