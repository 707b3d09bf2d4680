import { dayOf, formatDay, parseDay, startOfDay, type Day } from "../../domain/contacts/calendar-day.js";
import { describeLifecycle, LIFECYCLE, noticeDueDay, type LifecycleFacts } from "../../domain/contacts/lifecycle-rules.js";
import type { Database } from "../../platform/db/connect.js";
import { countByDistrict, listContactLifecycles, type ContactLifecycleRow } from "./lifecycle-repo.js";
import type { ContactLifecycle, LifecycleQuery } from "./schema.js";

const DUE_SOON_DAYS = 30;

/** Moment before which a last activity puts the notice within DUE_SOON_DAYS of `today`. */
function dueSoonBefore(today: Day): Date {
  return startOfDay(today + DUE_SOON_DAYS - LIFECYCLE.noticeAfterDays + 1);
}

const day = (text: string | null) => (text === null ? undefined : parseDay(text));

/** Turns a contact row into where it stands today, through the same rules the sweep follows. */
export function toContactLifecycle(row: ContactLifecycleRow, today: Day): ContactLifecycle {
  const facts: LifecycleFacts = {
    status: row.status,
    lastActivityDay: dayOf(new Date(row.last_activity_at)),
    sent: { notice: day(row.notice_on), reminder: day(row.reminder_on), "final-notice": day(row.final_on), deactivate: day(row.deactivate_on) },
  };
  for (const k of Object.keys(facts.sent) as (keyof typeof facts.sent)[]) if (facts.sent[k] === undefined) delete facts.sent[k];
  const view = describeLifecycle(facts, today);
  const deactivatedOn = row.deactivate_on ?? (row.deactivated_at ? formatDay(dayOf(new Date(row.deactivated_at))) : null);
  return {
    contactId: row.contact_id,
    districtId: row.district_id,
    district: row.district,
    username: row.username,
    name: row.name,
    type: row.type,
    status: row.status,
    stage: view.stage,
    lastActivityOn: formatDay(facts.lastActivityDay),
    noticeDueOn: formatDay(noticeDueDay(facts.lastActivityDay)),
    noticeOn: row.notice_on,
    reminderOn: row.reminder_on,
    finalNoticeOn: row.final_on,
    deactivationOn: row.status === "deactivated" ? deactivatedOn : view.deactivationDay === null ? null : formatDay(view.deactivationDay),
    daysLeft: view.daysLeft,
  };
}

/** Vendor view: contacts by lifecycle stage with days left, most urgent first. */
export async function listLifecycle(database: Database, now: Date, query: LifecycleQuery) {
  const today = dayOf(now);
  const rows = await listContactLifecycles(database, { districtId: query.districtId, filter: query.filter, dueSoonBefore: dueSoonBefore(today), limit: query.limit + 1 });
  return { asOf: formatDay(today), contacts: rows.slice(0, query.limit).map((r) => toContactLifecycle(r, today)), truncated: rows.length > query.limit };
}

/** Vendor view: per district, how many contacts are active, due soon, pending and deactivated. */
export async function countLifecycleByDistrict(database: Database, now: Date) {
  const rows = await countByDistrict(database, dueSoonBefore(dayOf(now)));
  return rows.map((r) => ({ districtId: r.district_id, district: r.district, active: r.active, dueSoon: r.due_soon, pending: r.pending, deactivated: r.deactivated }));
}
