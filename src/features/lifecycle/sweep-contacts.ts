import { sql } from "drizzle-orm";
import { formatDay, type Day } from "../../domain/contacts/calendar-day.js";
import type { LifecycleStage } from "../../domain/contacts/lifecycle-rules.js";
import type { Database } from "../../platform/db/connect.js";
import { stageStatement, type StageParams } from "./sweep-repo.js";
import { reportSweepRan } from "../../platform/metrics/events.js";

export type SweepAction = { district: string; username: string; action: LifecycleStage };
export type StageReport = { stage: LifecycleStage; count: number; ms: number };
export type SweepResult = { asOf: string; actions: SweepAction[]; stages: StageReport[] };

export type SweepOptions = {
  /** The calendar day (UTC) the sweep acts for. */
  asOf: Day;
  /** When the actions are recorded (deactivated_at, acted_at). */
  at: Date;
  /** Base of the portal link in the messages. */
  publicUrl: string;
};

/**
 * Deactivation first, the new notices last. With the one-action-a-day rule the order does not
 * change the outcome; it only means a crash part-way has already done the most urgent work.
 */
const STAGE_ORDER: LifecycleStage[] = ["deactivate", "final-notice", "reminder", "notice"];

/** Sweepers take turns per stage and share: two at once would otherwise lock the same contacts in different orders. */
export const SWEEP_LOCK = 727_275;
/**
 * On PostgreSQL each stage runs as this many statements side by side, each on a connection of
 * its own over its share of the districts, so a big day's writes use more than one core. The
 * number is fixed here, not configured, so that every sweeper splits the districts the same way
 * and two sweepers at once still take turns share by share. PGlite has one connection: one share.
 */
export const SWEEP_SHARES = 2;
const ANALYZE_AFTER_ROWS = 1_000;
const RETRYABLE = new Set(["40P01", "40001"]); // deadlock with a contact's activity; serialization failure

/**
 * Runs the inactivity lifecycle for every district on one day. Each stage is one transaction per
 * share holding one set-based statement, so a sweep killed part-way keeps the stages it finished
 * and the next run does the rest; running it again the same day does nothing.
 */
export async function sweepContacts(database: Database, options: SweepOptions): Promise<SweepResult> {
  const params = { asOf: formatDay(options.asOf), at: options.at, publicUrl: options.publicUrl.replace(/\/+$/, "") };
  const of = database.kind === "postgres" ? SWEEP_SHARES : 1;
  const actions: SweepAction[] = [];
  const stages: StageReport[] = [];
  for (const stage of STAGE_ORDER) {
    const started = performance.now();
    const shares = await allOrFirstError(Array.from({ length: of }, (_, index) => runStage(database, stage, { ...params, share: { index, of } })));
    const count = shares.reduce((n, rows) => n + rows.length, 0);
    // A stage that changed many rows leaves the planner's statistics stale (e.g. "nobody is
    // pending"), which can turn the next stage's joins into nested loops over every contact.
    if (count >= ANALYZE_AFTER_ROWS) await database.query("analyze authorized_contacts, contact_notices");
    // One at a time: spreading a stage's rows into push() overflows the stack past ~100,000.
    for (const rows of shares) for (const r of rows) actions.push({ district: r.district, username: r.username, action: r.action });
    stages.push({ stage, count, ms: Math.round(performance.now() - started) });
  }
  reportSweepRan({ stages });
  return { asOf: params.asOf, actions, stages };
}

function runStage(database: Database, stage: LifecycleStage, params: StageParams): Promise<SweepAction[]> {
  return withRetry(() =>
    database.db.transaction(async (tx) => {
      await tx.execute(sql`select pg_advisory_xact_lock(${SWEEP_LOCK}::int, ${params.share.index}::int)`);
      // The planner's estimates for the CTE chain run far above the rows actually due, which
      // pushes its cost past jit_above_cost: compiling took 1.5 s per stage, ten times the work.
      await tx.execute(sql`set local jit = off`);
      const result = await tx.execute(stageStatement(stage, params));
      return (result as unknown as { rows: SweepAction[] }).rows;
    }),
  );
}

/** Waits for every share to end (none is left running behind an error), then fails with the first error. */
async function allOrFirstError<T>(work: Promise<T>[]): Promise<T[]> {
  const settled = await Promise.allSettled(work);
  const failed = settled.find((s) => s.status === "rejected");
  if (failed) throw failed.reason;
  return settled.map((s) => (s as PromiseFulfilledResult<T>).value);
}

async function withRetry<T>(work: () => Promise<T>, attempts = 3): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await work();
    } catch (error) {
      const code = (error as { code?: string; cause?: { code?: string } }).cause?.code ?? (error as { code?: string }).code;
      if (attempt >= attempts || !code || !RETRYABLE.has(code)) throw error;
    }
  }
}
