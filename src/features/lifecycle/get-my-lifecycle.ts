import { dayOf, formatDay } from "../../domain/contacts/calendar-day.js";
import type { Database } from "../../platform/db/connect.js";
import { isDistrictActor, type Actor } from "../../platform/http/actor.js";
import { findClearedDeactivation, findOwnContactLifecycle } from "./lifecycle-repo.js";
import { toContactLifecycle } from "./list-contact-lifecycles.js";

/**
 * The signed-in user's own contact status and deadline; contact is null for anyone else.
 * `cleared` tells a contact whose sign-in (or case activity) just cleared a pending deactivation
 * that it did, until the deadline it had been given has passed.
 */
export async function getMyLifecycle(database: Database, actor: Actor, now: Date) {
  const asOf = formatDay(dayOf(now));
  if (!isDistrictActor(actor)) return { asOf, contact: null, cleared: null };
  const row = await findOwnContactLifecycle(database, actor, actor.userId);
  if (!row) return { asOf, contact: null, cleared: null };
  const { contactId: _c, districtId: _d, ...mine } = toContactLifecycle(row, dayOf(now));
  const cleared = await findClearedDeactivation(database, actor, actor.userId, asOf);
  return { asOf, contact: mine, cleared: cleared ? { noticeOn: cleared.notice_on, deactivationOn: cleared.deadline_on } : null };
}
