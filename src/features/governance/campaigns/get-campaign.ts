import { eq } from "drizzle-orm";
import type { Db } from "../../../platform/db/connect.js";
import { users } from "../../../platform/db/schema/users.js";
import type { DistrictActor } from "../../../platform/http/actor.js";
import { notFound } from "../../../platform/http/errors.js";
import { findCampaign, listItems, presentItems } from "./campaigns-repo.js";

/** A campaign with every item, its decision and (once closed) what was done: the evidence. */
export async function getCampaign(db: Db, actor: DistrictActor, id: string) {
  const c = await findCampaign(db, actor, id);
  if (!c) throw notFound("That campaign");
  const [reviewer] = await db.select({ id: users.id, username: users.username, displayName: users.displayName }).from(users).where(eq(users.id, c.reviewerId)).limit(1);
  const items = await presentItems(db, actor, c, await listItems(db, actor, id));
  return { ...c, reviewer: reviewer ?? null, youReview: c.reviewerId === actor.userId || items.some((i) => i.youDecide), items };
}
