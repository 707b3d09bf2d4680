import type { Database } from "../../platform/db/connect.js";
import type { DistrictScope } from "../../platform/db/tenancy.js";
import type { ContactFilter } from "./schema.js";

/** A contact and the stages carried out in its current inactivity cycle (days as YYYY-MM-DD). */
export type ContactLifecycleRow = {
  contact_id: string;
  district_id: string;
  district: string;
  username: string;
  name: string;
  type: "support" | "technical";
  status: "active" | "pending-deactivation" | "deactivated";
  last_activity_at: Date;
  deactivated_at: Date | null;
  notice_on: string | null;
  reminder_on: string | null;
  final_on: string | null;
  deactivate_on: string | null;
};

const SELECT_CONTACTS = `
  select c.id as contact_id, c.district_id, d.name as district, u.username, u.display_name as name, c.type, c.status,
    c.last_activity_at, c.deactivated_at,
    max(n.sent_on) filter (where n.stage = 'notice')::text as notice_on,
    max(n.sent_on) filter (where n.stage = 'reminder')::text as reminder_on,
    max(n.sent_on) filter (where n.stage = 'final-notice')::text as final_on,
    max(n.sent_on) filter (where n.stage = 'deactivate')::text as deactivate_on
  from authorized_contacts c
  join districts d on d.id = c.district_id
  join users u on u.id = c.user_id and u.district_id = c.district_id
  left join contact_notices n on n.contact_id = c.id and n.district_id = c.district_id and n.inactivity_cycle = c.inactivity_cycle`;

const FILTERS: Record<ContactFilter, string> = {
  all: "true",
  active: "c.status = 'active'",
  "due-soon": "c.status = 'active' and c.last_activity_at < $3::timestamptz",
  pending: "c.status = 'pending-deactivation'",
  deactivated: "c.status = 'deactivated'",
};

/**
 * Contacts across districts (vendor view), the most urgent first: pending ones by notice day,
 * then active ones by last activity, then deactivated. `dueSoonBefore`: last activity before
 * this moment means the notice falls due within 30 days.
 */
export async function listContactLifecycles(
  database: Database,
  input: { districtId?: string; filter: ContactFilter; dueSoonBefore: Date; limit: number },
): Promise<ContactLifecycleRow[]> {
  return database.query<ContactLifecycleRow>(
    `${SELECT_CONTACTS}
     where ($1::uuid is null or c.district_id = $1::uuid) and ${FILTERS[input.filter]}
     group by c.id, d.name, u.username, u.display_name
     order by case c.status when 'pending-deactivation' then 0 when 'active' then 1 else 2 end,
       min(n.sent_on) filter (where n.stage = 'notice'), c.last_activity_at, d.name, u.username
     limit $2`,
    // $3 only when the filter uses it: PostgreSQL cannot type a parameter that appears nowhere.
    [input.districtId ?? null, input.limit, ...(input.filter === "due-soon" ? [input.dueSoonBefore.toISOString()] : [])],
  );
}

/** The caller's own contact record in their district, if they are a contact. */
export async function findOwnContactLifecycle(database: Database, scope: DistrictScope, userId: string): Promise<ContactLifecycleRow | null> {
  const [row] = await database.query<ContactLifecycleRow>(
    `${SELECT_CONTACTS}
     where c.district_id = $1 and c.user_id = $2
     group by c.id, d.name, u.username, u.display_name`,
    [scope.districtId, userId],
  );
  return row ?? null;
}

/**
 * The pending deactivation the contact's activity cleared, while the deadline it announced is
 * still ahead (or today): the stages of the previous cycle, if that cycle did not end in a
 * deactivation. Null when there is none.
 */
export async function findClearedDeactivation(
  database: Database,
  scope: DistrictScope,
  userId: string,
  today: string,
): Promise<{ notice_on: string; deadline_on: string } | null> {
  const [row] = await database.query<{ notice_on: string; deadline_on: string }>(
    `select min(n.sent_on)::text as notice_on, max(n.deadline_on)::text as deadline_on
     from authorized_contacts c
     join contact_notices n on n.contact_id = c.id and n.district_id = c.district_id and n.inactivity_cycle = c.inactivity_cycle - 1
     where c.district_id = $1 and c.user_id = $2 and c.status = 'active'
     group by c.id
     having bool_and(n.stage <> 'deactivate') and max(n.deadline_on) >= $3::date`,
    [scope.districtId, userId, today],
  );
  return row ?? null;
}

export type DistrictCountsRow = { district_id: string; district: string; active: number; due_soon: number; pending: number; deactivated: number };

/** Contacts per district and status; one grouped scan over the status/activity index. */
export async function countByDistrict(database: Database, dueSoonBefore: Date): Promise<DistrictCountsRow[]> {
  return database.query<DistrictCountsRow>(
    `select c.district_id, d.name as district,
       count(*) filter (where c.status = 'active')::int as active,
       count(*) filter (where c.status = 'active' and c.last_activity_at < $1::timestamptz)::int as due_soon,
       count(*) filter (where c.status = 'pending-deactivation')::int as pending,
       count(*) filter (where c.status = 'deactivated')::int as deactivated
     from authorized_contacts c join districts d on d.id = c.district_id
     group by c.district_id, d.name
     order by d.name`,
    [dueSoonBefore.toISOString()],
  );
}
