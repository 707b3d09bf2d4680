import { sql, type SQL } from "drizzle-orm";
import { LIFECYCLE, type LifecycleStage } from "../../domain/contacts/lifecycle-rules.js";
import { outboxTemplateKey } from "../../platform/mail/outbox-bodies.js";
import { noticeTemplate } from "./notice-messages.js";

/**
 * The set-based SQL of the inactivity sweep: one statement per stage, each a chain of
 * data-modifying CTEs — pick the contacts due (`acted`), record the stage with
 * INSERT … ON CONFLICT DO NOTHING RETURNING (`noted`), and write the outbox message and audit row
 * only for the rows actually recorded. So however many sweepers run, and however often, the
 * unique (contact, cycle, stage) key lets each notice through once, and its email with it.
 *
 * Stages after the notice are driven from contacts that are pending deactivation (a small set,
 * found through the status index), never from the ever-growing history of notices.
 */
export type StageParams = {
  asOf: string;
  at: Date;
  publicUrl: string;
  /** This statement's share of the districts (`index` of `of`): shares run side by side on separate connections. */
  share: { index: number; of: number };
};

const { noticeAfterDays, reminderAfterDays, deactivateAfterDays, finalNoticeDaysBefore } = LIFECYCLE;
const finalAfterDays = deactivateAfterDays - finalNoticeDaysBefore;

/**
 * No stage of the contact's current cycle was carried out today: one action per contact per day.
 * `offset 0` keeps every NOT EXISTS here a probe of the (contact, cycle, stage) index per
 * candidate; turned into an anti-join, the planner may hash every notice ever recorded instead.
 */
const nothingToday = (p: StageParams, stages: LifecycleStage[]) => sql`not exists (
  select 1 from contact_notices x
  where x.contact_id = c.id and x.district_id = c.district_id and x.inactivity_cycle = c.inactivity_cycle
    and (x.stage in (${sql.join(stages.map((s) => sql`${s}`), sql`, `)}) or x.sent_on = ${p.asOf}::date)
  offset 0)`;

/**
 * The contacts of this statement's share of the districts. A district's contacts are always in
 * the same share, so shares never lock the same rows and each district's actions stay in order.
 */
const inShare = (p: StageParams) =>
  p.share.of === 1 ? sql`true` : sql`(hashtext(c.district_id::text) & 2147483647) % ${p.share.of}::int = ${p.share.index}::int`;

/** The current cycle's notice of a contact, joined as `n`. */
const noticeOf = sql`join contact_notices n on n.contact_id = c.id and n.district_id = c.district_id
  and n.inactivity_cycle = c.inactivity_cycle and n.stage = 'notice'`;

/** Which contacts each stage acts on; each returns id, district_id, user_id, inactivity_cycle, due_on, deadline_on. */
function actedCte(stage: LifecycleStage, p: StageParams): SQL {
  switch (stage) {
    case "notice": {
      // Contacts last active before the start of (asOf - 179 days) have 180 full calendar days without activity.
      const cutoff = new Date(Date.parse(`${p.asOf}T00:00:00Z`) - (noticeAfterDays - 1) * 86_400_000);
      // Only active contacts: a pending one has its notice already (only this stage makes a
      // contact pending), and leaving them out keeps the daily work to the contacts newly due
      // instead of everyone already pending. The NOT EXISTS guard is kept all the same: an active
      // contact with a notice in its current cycle is never flagged a second time.
      const inactive = sql`c.status = 'active' and c.last_activity_at < ${cutoff.toISOString()}::timestamptz`;
      // One UPDATE, no self-join: it re-checks its condition on rows changed meanwhile, so a
      // contact who signs in while the sweep runs is not flagged (activity takes the same row lock).
      return sql`acted as (
        update authorized_contacts c
        set status = 'pending-deactivation', version = c.version + 1
        where ${inactive} and ${inShare(p)} and not exists (
          select 1 from contact_notices x where x.contact_id = c.id and x.district_id = c.district_id
            and x.inactivity_cycle = c.inactivity_cycle and x.stage = 'notice' offset 0)
        returning c.id, c.district_id, c.user_id, c.inactivity_cycle,
          (c.last_activity_at at time zone 'UTC')::date + ${noticeAfterDays}::int as due_on,
          ${p.asOf}::date + ${deactivateAfterDays}::int as deadline_on
      )`;
    }
    case "reminder":
      // FOR UPDATE waits for a concurrent activity on the contact and re-checks status and cycle.
      return sql`acted as (
        select c.id, c.district_id, c.user_id, c.inactivity_cycle,
          n.sent_on + ${reminderAfterDays}::int as due_on, n.sent_on + ${deactivateAfterDays}::int as deadline_on
        from authorized_contacts c ${noticeOf}
        where c.status = 'pending-deactivation' and ${inShare(p)}
          and n.sent_on <= ${p.asOf}::date - ${reminderAfterDays}::int
          and n.sent_on > ${p.asOf}::date - ${finalAfterDays}::int
          and ${nothingToday(p, ["reminder", "final-notice", "deactivate"])}
        for update of c
      )`;
    case "final-notice":
      return sql`acted as (
        select c.id, c.district_id, c.user_id, c.inactivity_cycle,
          n.sent_on + ${finalAfterDays}::int as due_on,
          greatest(n.sent_on + ${deactivateAfterDays}::int, ${p.asOf}::date + ${finalNoticeDaysBefore}::int) as deadline_on
        from authorized_contacts c ${noticeOf}
        where c.status = 'pending-deactivation' and ${inShare(p)}
          and n.sent_on <= ${p.asOf}::date - ${finalAfterDays}::int
          and ${nothingToday(p, ["final-notice", "deactivate"])}
        for update of c
      )`;
    case "deactivate":
      return sql`acted as (
        update authorized_contacts c
        set status = 'deactivated', deactivated_at = ${p.at.toISOString()}::timestamptz, deactivated_reason = 'inactivity', version = c.version + 1
        from contact_notices n, contact_notices f
        where c.status = 'pending-deactivation' and ${inShare(p)}
          and n.contact_id = c.id and n.district_id = c.district_id and n.inactivity_cycle = c.inactivity_cycle and n.stage = 'notice'
          and f.contact_id = c.id and f.district_id = c.district_id and f.inactivity_cycle = c.inactivity_cycle and f.stage = 'final-notice'
          and n.sent_on <= ${p.asOf}::date - ${deactivateAfterDays}::int
          and f.sent_on <= ${p.asOf}::date - ${finalNoticeDaysBefore}::int
          and ${nothingToday(p, ["deactivate"])}
        returning c.id, c.district_id, c.user_id, c.inactivity_cycle, n.sent_on + ${deactivateAfterDays}::int as due_on, ${p.asOf}::date as deadline_on
      )`;
  }
}

const AUDITED: Partial<Record<LifecycleStage, { action: string; before: string; after: string }>> = {
  notice: { action: "contact.pending-deactivation", before: "active", after: "pending-deactivation" },
  deactivate: { action: "contact.deactivated", before: "pending-deactivation", after: "deactivated" },
};

/** The whole statement for one stage; it returns one row per action: district, username, action. */
export function stageStatement(stage: LifecycleStage, p: StageParams): SQL {
  const t = noticeTemplate(stage);
  const templateKey = outboxTemplateKey(t.text, t.html);
  const deadline = sql`to_char(w.deadline_on, 'FMDay, FMMonth FMDD, YYYY')`;
  const link = sql`${p.publicUrl}::text || '/login/' || w.slug`;
  const audit = AUDITED[stage];
  const auditCte = audit
    ? sql`, audited as (
        insert into audit_log (district_id, actor_name, action, target_type, target_id, target_name, before, after)
        select w.district_id, 'inactivity sweep', ${audit.action}, 'authorized-contact', w.contact_id::text, w.username,
          jsonb_build_object('status', ${audit.before}::text),
          jsonb_build_object('status', ${audit.after}::text, 'deadline', w.deadline_on, 'inactivityCycle', w.inactivity_cycle)
        from who w
      )`
    : sql``;
  return sql`with ${actedCte(stage, p)},
    noted as (
      insert into contact_notices (district_id, contact_id, inactivity_cycle, stage, sent_on, due_on, deadline_on, acted_at)
      select a.district_id, a.id, a.inactivity_cycle, ${stage}, ${p.asOf}::date, a.due_on, a.deadline_on, ${p.at.toISOString()}::timestamptz
      from acted a
      -- The sort makes \`acted\` run to the end before the first record is inserted. Without it
      -- the two interleave, and a plan that scans contact_notices once per contact (chosen when
      -- the table looked small, e.g. the first sweep after many contacts were loaded) rescans
      -- every page this statement has added so far: quadratic, minutes instead of seconds at 250,000.
      order by a.id
      on conflict (contact_id, inactivity_cycle, stage) do nothing
      returning contact_id, district_id, inactivity_cycle, deadline_on
    ),
    who as (
      select n.contact_id, n.district_id, n.inactivity_cycle, n.deadline_on, d.name as district, d.slug, cu.username, cu.display_name, cu.email
      from noted n
      -- By primary key, not by joining the two CTEs (CTE joins can go quadratic); user_id never
      -- changes. LATERAL … LIMIT 1 keeps it one index lookup per recorded contact: as a plain
      -- join the planner, misled by the CTE's estimated size, hashes every contact and user.
      cross join lateral (
        select u.username, u.display_name, u.email
        from authorized_contacts c join users u on u.id = c.user_id and u.district_id = c.district_id
        where c.id = n.contact_id and c.district_id = n.district_id
        limit 1
      ) cu
      join districts d on d.id = n.district_id
    ),
    -- The bodies are the stage's template, stored once; each message keeps only the values that
    -- fill it (outbox-bodies.ts), a tenth of the bytes the rendered text and HTML took.
    stored_template as (
      insert into outbox_templates (key, text_body, html_body) values (${templateKey}, ${t.text}, ${t.html})
      on conflict (key) do nothing
    ),
    mailed as (
      insert into outbox (district_id, dedupe_key, kind, to_address, subject, template_key, template_values)
      select w.district_id, 'contact-lifecycle:' || w.contact_id || ':' || w.inactivity_cycle || ':' || ${stage}::text, ${`contact-${stage}`}, w.email,
        format(${t.subject}::text, w.district, w.display_name, ${deadline}, ${link}),
        ${templateKey}, array[w.district, w.display_name, ${deadline}, ${link}]
      from who w
      where coalesce(w.email, '') <> ''
      on conflict (dedupe_key) do nothing
    )${auditCte}
    select w.district, w.username, ${stage}::text as action from who w order by w.district, w.username`;
}
