import { asc, eq, sql } from "drizzle-orm";
import { z } from "zod";
import { PLACEHOLDERS } from "../../domain/support/fill-placeholders.js";
import { recordAudit } from "../../platform/audit.js";
import type { Db } from "../../platform/db/connect.js";
import { cannedReplies } from "../../platform/db/schema/vendor-desk.js";
import type { Actor } from "../../platform/http/actor.js";
import { AppError, conflict, notFound } from "../../platform/http/errors.js";
import { tooLongMessage } from "../../domain/validation/plain-message.js";

const UNKNOWN_PLACEHOLDER = /\{\{\s*([^}]*?)\s*\}\}/g;

export const ZCannedReplyInput = z.object({
  title: z.string({ error: "Give the reply a title" }).trim().min(1, "Give the reply a title").max(120, { error: (i) => tooLongMessage("title", 120, String(i.input ?? "").length) }),
  body: z
    .string({ error: "Write the reply" })
    .trim()
    .min(1, "Write the reply")
    .max(20_000, { error: (i) => tooLongMessage("reply", 20_000, String(i.input ?? "").length) })
    .refine((b) => [...b.matchAll(UNKNOWN_PLACEHOLDER)].every((m) => (PLACEHOLDERS as readonly string[]).includes(m[1]!)), {
      error: `A placeholder is not one of ${PLACEHOLDERS.map((p) => `{{${p}}}`).join(", ")}`,
    }),
});
export const ZCannedReplyUpdate = ZCannedReplyInput.extend({ version: z.int32().positive() });
export const ZCannedReply = z.object({ id: z.string(), title: z.string(), body: z.string(), updatedByName: z.string(), updatedAt: z.date(), version: z.number() });
type Input = z.infer<typeof ZCannedReplyInput>;

const audit = (db: Db, actor: Actor, action: string, row: { id: string; title: string }, change: { before?: unknown; after?: unknown }) =>
  recordAudit(db, { districtId: null, actor: { id: actor.userId, name: actor.displayName }, action, target: { type: "canned-reply", id: row.id, name: row.title }, ...change });

const titleTaken = (title: string) => new AppError(409, "canned-reply-exists", `A canned reply called "${title}" already exists; choose another title or edit that one.`, { path: "body.title" });

/** The vendor's shared library, by title. */
export async function listCannedReplies(db: Db) {
  return db.select().from(cannedReplies).orderBy(asc(sql`lower(${cannedReplies.title})`));
}

async function findByTitle(db: Db, title: string) {
  const [row] = await db.select({ id: cannedReplies.id }).from(cannedReplies).where(sql`lower(${cannedReplies.title}) = lower(${title})`).limit(1);
  return row ?? null;
}

export async function createCannedReply(db: Db, actor: Actor, input: Input) {
  return db.transaction(async (tx) => {
    if (await findByTitle(tx, input.title)) throw titleTaken(input.title);
    const [row] = await tx.insert(cannedReplies).values({ ...input, updatedByName: actor.displayName }).returning();
    await audit(tx, actor, "canned-reply.created", row!, { after: input });
    return row!;
  });
}

/** Edits a reply read at `version`; a stale version answers 409 with the reply as it is now. */
export async function updateCannedReply(db: Db, actor: Actor, id: string, input: Input & { version: number }) {
  return db.transaction(async (tx) => {
    const [current] = await tx.select().from(cannedReplies).where(eq(cannedReplies.id, id)).for("update");
    if (!current) throw notFound("Canned reply");
    if (current.version !== input.version) throw conflict("version-conflict", "Someone changed this reply since you opened it; here it is as it is now.", { current });
    const other = await findByTitle(tx, input.title);
    if (other && other.id !== id) throw titleTaken(input.title);
    const [row] = await tx
      .update(cannedReplies)
      .set({ title: input.title, body: input.body, updatedByName: actor.displayName, updatedAt: new Date(), version: current.version + 1 })
      .where(eq(cannedReplies.id, id))
      .returning();
    await audit(tx, actor, "canned-reply.updated", row!, { before: { title: current.title, body: current.body }, after: { title: input.title, body: input.body } });
    return row!;
  });
}

export async function deleteCannedReply(db: Db, actor: Actor, id: string) {
  await db.transaction(async (tx) => {
    const [row] = await tx.delete(cannedReplies).where(eq(cannedReplies.id, id)).returning();
    if (!row) throw notFound("Canned reply");
    await audit(tx, actor, "canned-reply.deleted", row, { before: { title: row.title, body: row.body } });
  });
}
