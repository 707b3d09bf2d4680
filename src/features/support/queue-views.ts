import { and, asc, eq } from "drizzle-orm";
import { z } from "zod";
import { recordAudit } from "../../platform/audit.js";
import type { Db } from "../../platform/db/connect.js";
import { queueViews } from "../../platform/db/schema/vendor-desk.js";
import type { Actor } from "../../platform/http/actor.js";
import { AppError, notFound } from "../../platform/http/errors.js";
import { CASE_SORTS, ZCaseFilters } from "./schema.js";

/**
 * A saved view is the queue's query string in named form: the same filters and sort the queue
 * route takes, checked by the same schema, so a view always opens a list the route accepts.
 */
export const ZQueueViewParams = z.strictObject({
  ...ZCaseFilters.omit({ districtId: true }).partial().shape,
  sort: z.enum(CASE_SORTS).optional(),
  order: z.enum(["asc", "desc"]).optional(),
});
export const ZNewQueueView = z.object({
  name: z.string({ error: "Give the view a name" }).trim().min(1, "Give the view a name").max(80, "Keep the view's name to 80 characters"),
  params: ZQueueViewParams,
});
export const ZQueueView = z.object({ id: z.string(), name: z.string(), params: z.record(z.string(), z.string()), createdAt: z.date() });

const MAX_VIEWS_PER_AGENT = 50;

export async function listQueueViews(db: Db, actor: Actor) {
  return db.select({ id: queueViews.id, name: queueViews.name, params: queueViews.params, createdAt: queueViews.createdAt }).from(queueViews).where(eq(queueViews.userId, actor.userId)).orderBy(asc(queueViews.name));
}

/** Saves the agent's view under a name; a name the agent already uses is refused, not overwritten. */
export async function saveQueueView(db: Db, actor: Actor, input: z.infer<typeof ZNewQueueView>) {
  const params = Object.fromEntries(Object.entries(input.params).filter(([, v]) => v !== undefined && v !== "")) as Record<string, string>;
  return db.transaction(async (tx) => {
    const mine = await listQueueViews(tx, actor);
    if (mine.some((v) => v.name.toLowerCase() === input.name.toLowerCase())) throw new AppError(409, "view-name-taken", `You already have a view called "${input.name}". Choose another name or delete that view first.`, { path: "body.name" });
    if (mine.length >= MAX_VIEWS_PER_AGENT) throw new AppError(409, "too-many-views", `You can keep at most ${MAX_VIEWS_PER_AGENT} views; delete one you no longer use.`, { path: "body.name" });
    const [row] = await tx.insert(queueViews).values({ userId: actor.userId, name: input.name, params }).returning();
    await recordAudit(tx, { districtId: null, actor: { id: actor.userId, name: actor.displayName }, action: "queue-view.saved", target: { type: "queue-view", id: row!.id, name: row!.name }, after: { params } });
    return { id: row!.id, name: row!.name, params: row!.params, createdAt: row!.createdAt };
  });
}

/** Deletes one of the agent's own views; another agent's view does not exist for them (404). */
export async function deleteQueueView(db: Db, actor: Actor, viewId: string) {
  await db.transaction(async (tx) => {
    const [row] = await tx.delete(queueViews).where(and(eq(queueViews.id, viewId), eq(queueViews.userId, actor.userId))).returning();
    if (!row) throw notFound("View");
    await recordAudit(tx, { districtId: null, actor: { id: actor.userId, name: actor.displayName }, action: "queue-view.deleted", target: { type: "queue-view", id: row.id, name: row.name }, before: { params: row.params } });
  });
}
