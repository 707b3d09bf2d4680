import { isDistrictActor, type Actor, type DistrictActor } from "../../platform/http/actor.js";
import { notFound } from "../../platform/http/errors.js";

/** Student data lives in a district; the access hook already refused vendor staff, this narrows the type. */
export function districtActor(actor: Actor | undefined): DistrictActor {
  if (!actor || !isDistrictActor(actor)) throw notFound("This tool");
  return actor;
}
