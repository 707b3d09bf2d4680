import { eq } from "drizzle-orm";
import { recordAudit } from "../../platform/audit.js";
import type { Db } from "../../platform/db/connect.js";
import { releases } from "../../platform/db/schema/support.js";
import type { Actor } from "../../platform/http/actor.js";
import { AppError } from "../../platform/http/errors.js";
import type { z } from "zod";
import type { ZNewRelease } from "./schema.js";

/** Vendor staff publish a release that Cloud Choice districts may then ask to update to. */
export async function createRelease(db: Db, actor: Actor, input: z.infer<typeof ZNewRelease>) {
  return db.transaction(async (tx) => {
    const [existing] = await tx.select({ id: releases.id }).from(releases).where(eq(releases.version, input.version)).limit(1);
    if (existing) throw new AppError(409, "release-exists", `Release ${input.version} is already listed.`, { path: "body.version" });
    const [row] = await tx.insert(releases).values(input).returning();
    await recordAudit(tx, { districtId: null, actor: { id: actor.userId, name: actor.displayName }, action: "release.created", target: { type: "release", id: row!.id, name: row!.version }, after: input });
    return { id: row!.id, version: row!.version, name: row!.name, releasedOn: row!.releasedOn, available: row!.available };
  });
}
