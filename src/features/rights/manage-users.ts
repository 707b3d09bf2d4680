import { eq, sql } from "drizzle-orm";
import { isActiveAt } from "../../domain/rights/model.js";
import { recordAudit } from "../../platform/audit.js";
import type { Db } from "../../platform/db/connect.js";
import { users, type ProductSecurityRole } from "../../platform/db/schema/users.js";
import type { DistrictScope } from "../../platform/db/tenancy.js";
import type { DistrictActor } from "../../platform/http/actor.js";
import { notFound } from "../../platform/http/errors.js";
import { auditActor } from "./guards.js";
import { readEntries, readGrants, writeEntries } from "./repo-groups.js";
import { findUserAccount, readUserGroups } from "./repo-users.js";
import { bumpRightsVersion } from "./rights-version.js";
import type { EntryInput } from "./schema.js";
import { lockUserAtVersion } from "./user-version.js";
import { refusePastUntilEntries } from "./past-until.js";
import { normaliseEntries } from "./validate-entries.js";

/** The seed's advice, returned whenever individual rights are saved. */
export const INDIVIDUAL_RIGHTS_WARNING =
  "Individual rights are allowed but discouraged: rights given to one person are easy to forget and are listed in the review report. " +
  "Prefer a user group, so the same rights go to everyone in the same role.";

const bounds = (m: { from: Date | null; until: Date | null }) => ({ ...(m.from ? { from: m.from } : {}), ...(m.until ? { until: m.until } : {}) });

export async function getUserRights(db: Db, scope: DistrictScope, userId: string, now: Date) {
  const account = await findUserAccount(db, scope, userId);
  if (!account) throw notFound("That user");
  const groups = await readUserGroups(db, scope, userId);
  return {
    ...account,
    groups: groups.map((g) => ({ ...g, active: isActiveAt(bounds(g), now) })),
    entries: await readEntries(db, scope, { userId }),
    calendarGrants: await readGrants(db, scope, { userId }),
  };
}

/** Gives or takes a Product Security Role; only a holder of the Student Information System role may. */
export async function setUserRole(db: Db, actor: DistrictActor, userId: string, input: { role: ProductSecurityRole; version: number }) {
  return db.transaction(async (tx) => {
    const user = await lockUserAtVersion(tx, actor, userId, input.version);
    const [updated] = await tx
      .update(users)
      .set({ productSecurityRole: input.role, version: sql`${users.version} + 1` })
      .where(eq(users.id, userId))
      .returning({ version: users.version, productSecurityRole: users.productSecurityRole });
    await recordAudit(tx, {
      districtId: actor.districtId,
      actor: auditActor(actor),
      action: "user.role-changed",
      target: { type: "user", id: userId, name: user.username },
      before: { productSecurityRole: user.productSecurityRole },
      after: { productSecurityRole: updated!.productSecurityRole },
    });
    await bumpRightsVersion(tx, actor, { users: [userId] });
    return updated!;
  });
}

/** Replaces one user's individual rights; saved, with the seed's advice to use groups instead. */
export async function replaceUserRights(db: Db, actor: DistrictActor, userId: string, input: { version: number; entries: EntryInput[]; confirmPastUntil?: boolean }, now: Date) {
  const entries = normaliseEntries(input.entries, "body.entries");
  return db.transaction(async (tx) => {
    const user = await lockUserAtVersion(tx, actor, userId, input.version);
    const before = await readEntries(tx, actor, { userId });
    if (!input.confirmPastUntil) refusePastUntilEntries(entries, before, now, "body.entries");
    await writeEntries(tx, actor, { userId }, entries);
    const [updated] = await tx.update(users).set({ version: sql`${users.version} + 1` }).where(eq(users.id, userId)).returning({ version: users.version });
    await recordAudit(tx, {
      districtId: actor.districtId,
      actor: auditActor(actor),
      action: "user.rights-replaced",
      target: { type: "user", id: userId, name: user.username },
      before: { version: user.version, entries: before },
      after: { version: updated!.version, entries },
    });
    await bumpRightsVersion(tx, actor, { users: [userId] });
    return { version: updated!.version, entries: await readEntries(tx, actor, { userId }), warning: entries.length > 0 ? INDIVIDUAL_RIGHTS_WARNING : null };
  });
}
