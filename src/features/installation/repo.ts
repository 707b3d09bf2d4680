import { eq } from "drizzle-orm";
import type { Db } from "../../platform/db/connect.js";
import { installation } from "../../platform/db/schema/installation.js";

export async function findInstallation(db: Db) {
  const [row] = await db.select().from(installation).where(eq(installation.id, true));
  return row ?? null;
}

export async function savePublicUrl(db: Db, publicUrl: string, at: Date) {
  await db
    .insert(installation)
    .values({ id: true, publicUrl, updatedAt: at })
    .onConflictDoUpdate({ target: installation.id, set: { publicUrl, updatedAt: at } });
}
