import { dayOf, formatDay } from "../../domain/contacts/calendar-day.js";
import type { Database } from "../../platform/db/connect.js";
import { isDistrictActor, type Actor } from "../../platform/http/actor.js";
import { findOwnContactLifecycle } from "./lifecycle-repo.js";
import { toContactLifecycle } from "./list-contact-lifecycles.js";

/** The signed-in user's own contact status and deadline; contact is null for anyone else. */
export async function getMyLifecycle(database: Database, actor: Actor, now: Date) {
  const today = dayOf(now);
  if (!isDistrictActor(actor)) return { asOf: formatDay(today), contact: null };
  const row = await findOwnContactLifecycle(database, actor, actor.userId);
  if (!row) return { asOf: formatDay(today), contact: null };
  const { contactId: _c, districtId: _d, ...mine } = toContactLifecycle(row, today);
  return { asOf: formatDay(today), contact: mine };
}
