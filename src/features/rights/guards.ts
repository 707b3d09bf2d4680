import { isDistrictActor, type Actor, type DistrictActor } from "../../platform/http/actor.js";
import { notFound } from "../../platform/http/errors.js";

/** Rights administration lives in a district; the access hook already refused vendor staff. */
export function districtActor(actor: Actor | undefined): DistrictActor {
  if (!actor || !isDistrictActor(actor)) throw notFound("This tool");
  return actor;
}

/** The audit log's actor shape. */
export const auditActor = (actor: Actor) => ({ id: actor.userId, name: actor.username });
