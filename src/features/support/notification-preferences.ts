import { eq } from "drizzle-orm";
import { z } from "zod";
import { recordAudit } from "../../platform/audit.js";
import type { Db } from "../../platform/db/connect.js";
import { NEW_CASE_EMAILS, users } from "../../platform/db/schema/users.js";
import type { Actor } from "../../platform/http/actor.js";
import { notFound } from "../../platform/http/errors.js";

export const ZNotificationPreferences = z.object({
  newCaseEmails: z.enum(NEW_CASE_EMAILS, { error: "Choose none, emergency or all" }),
});
export type NotificationPreferences = z.infer<typeof ZNotificationPreferences>;

/** The signed-in agent's own choice of new-case emails. */
export async function getNotificationPreferences(db: Db, actor: Actor): Promise<NotificationPreferences> {
  const [row] = await db.select({ newCaseEmails: users.newCaseEmails }).from(users).where(eq(users.id, actor.userId));
  if (!row) throw notFound("User");
  return row;
}

/** Changes the agent's own choice; the audit row keeps what it was. */
export async function setNotificationPreferences(db: Db, actor: Actor, input: NotificationPreferences): Promise<NotificationPreferences> {
  return db.transaction(async (tx) => {
    const before = await getNotificationPreferences(tx, actor);
    await tx.update(users).set({ newCaseEmails: input.newCaseEmails }).where(eq(users.id, actor.userId));
    await recordAudit(tx, { districtId: null, actor: { id: actor.userId, name: actor.displayName }, action: "notification-preferences.updated", target: { type: "user", id: actor.userId, name: actor.displayName }, before, after: input });
    return { newCaseEmails: input.newCaseEmails };
  });
}
