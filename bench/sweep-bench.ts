/**
 * Contact inactivity sweep benchmark (not a test), on PostgreSQL.
 * Run: npx tsx bench/sweep-bench.ts
 * (server: BENCH_DATABASE_URL, default postgres://postgres@127.0.0.1:5432/postgres; a database is
 * created there and dropped at the end. 100,000 contacts by default, 1,000,000 with --size state; BENCH_CONTACTS overrides.)
 *
 * 1,000 districts and 1,000,000 authorized contacts, generated set-based (INSERT … SELECT
 * generate_series), last activity spread evenly over the 240 days before day 0. Then the sweeps:
 * day 0 is a first sweep after a long outage (every contact past 180 days gets its notice at
 * once: the worst day), days 1–30 are the daily sweeps that follow it, with every stage.
 *
 * Baseline, measured in the same run on the same machine: after each sweep, a plain set-based
 * UPDATE (status and version, nothing else) of exactly the contacts that sweep acted on, in a copy
 * of authorized_contacts with the same indexes. It is the least any sweep could cost to touch
 * those rows, so the ratio says what the sweep's guarantees cost on top: finding who is due,
 * the unique stage record, the outbox message, the audit row, one transaction per stage.
 * Prints per-day figures and the markdown section for BENCHMARKS.md.
 */
import { randomBytes } from "node:crypto";
import os from "node:os";
import pg from "pg";
import { formatDay, parseDay } from "../src/domain/contacts/calendar-day.js";
import { sweepContacts, type SweepResult } from "../src/features/lifecycle/sweep-contacts.js";
import { connectDatabase, type Database } from "../src/platform/db/connect.js";
import { migrateDatabase } from "../src/platform/db/migrate.js";
import { benchSize } from "./support/bench-size.js";
import { recordResults } from "./support/record-results.js";
import { spread } from "./support/stats.js";

const SERVER = process.env.BENCH_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";
const CONTACTS = Number(process.env.BENCH_CONTACTS ?? (benchSize() === "state" ? 1_000_000 : 100_000));
const DISTRICTS = 1_000;
const DAY0 = "2027-01-01";
const PUBLIC_URL = "https://gatehouse.example";

const fmt = (n: number) => n.toLocaleString("en-US", { maximumFractionDigits: 0 });
const secs = (ms: number) => (ms < 1_000 ? `${ms.toFixed(0)} ms` : `${(ms / 1000).toFixed(ms < 10_000 ? 2 : 1)} s`);
const ratio = (a: number, b: number) => `${(a / Math.max(b, 0.001)).toFixed(1)}×`;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

async function admin(sql: string) {
  const client = new pg.Client({ connectionString: SERVER });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

async function generate(database: Database) {
  await database.query(`insert into districts (slug, name) select 'bench-' || i, 'Bench District ' || i from generate_series(1, ${DISTRICTS}) i`);
  await database.query(
    `insert into users (district_id, username, display_name, email)
     select d.id, 'contact' || g, 'Contact ' || g, 'contact' || g || '@bench.example'
     from generate_series(1, ${CONTACTS}) g
     join (select id, row_number() over (order by slug) as n from districts) d on d.n = (g % ${DISTRICTS}) + 1`,
  );
  // Last activity: an even spread over the 240 days before day 0 (mid-day UTC).
  await database.query(
    `insert into authorized_contacts (district_id, user_id, type, last_activity_at, designated_at)
     select u.district_id, u.id, case when substr(u.username, 8)::int % 3 = 0 then 'technical' else 'support' end,
       $1::timestamptz - ((substr(u.username, 8)::int % 240) * interval '1 day') + interval '12 hours',
       $1::timestamptz - interval '400 days'
     from users u where u.username like 'contact%'`,
    [`${DAY0}T00:00:00Z`],
  );
  // The baseline's table: the same rows and the same indexes, touched by nothing else.
  await database.query("create table baseline_contacts (like authorized_contacts including all)");
  await database.query("insert into baseline_contacts select * from authorized_contacts");
  await database.query("analyze");
}

/** The plain UPDATE of the rows one sweep acted on (ids gathered first, untimed). */
async function baselineFor(database: Database, day: string): Promise<{ rows: number; ms: number }> {
  const ids = (await database.query<{ id: string }>("select contact_id as id from contact_notices where sent_on = $1::date", [day])).map((r) => r.id);
  const started = performance.now();
  const updated = await database.query(
    `update baseline_contacts set status = case when status = 'active' then 'pending-deactivation' else 'deactivated' end, version = version + 1
     where id = any($1::uuid[]) returning 1`,
    [ids],
  );
  return { rows: updated.length, ms: performance.now() - started };
}

type Run = { offset: number; result: SweepResult; ms: number; baseline: { rows: number; ms: number } };

const name = `gh_bench_sweep_${randomBytes(4).toString("hex")}`;
await admin(`create database ${name}`);
const url = new URL(SERVER);
url.pathname = `/${name}`;
const database = await connectDatabase({ databaseUrl: url.toString() });
try {
  await migrateDatabase(database);
  const [{ version }] = (await database.query<{ version: string }>("select version()")) as [{ version: string }];
  const t = performance.now();
  await generate(database);
  const generateMs = performance.now() - t;
  console.log(`Generated ${fmt(DISTRICTS)} districts and ${fmt(CONTACTS)} contacts in ${secs(generateMs)}.`);

  const runs: Run[] = [];
  for (let offset = 0; offset <= 30; offset++) {
    const asOf = parseDay(DAY0) + offset;
    const started = performance.now();
    const result = await sweepContacts(database, { asOf, at: new Date(asOf * 86_400_000 + 2 * 3_600_000), publicUrl: PUBLIC_URL });
    const ms = performance.now() - started;
    const baseline = await baselineFor(database, formatDay(asOf));
    if (baseline.rows !== result.actions.length) throw new Error(`day ${offset}: baseline touched ${baseline.rows} rows, the sweep acted on ${result.actions.length}`);
    runs.push({ offset, result, ms, baseline });
    const parts = result.stages.map((s) => `${s.stage} ${fmt(s.count)} in ${s.ms} ms`).join(", ");
    console.log(`day ${String(offset).padStart(2)} (${result.asOf}) ${secs(ms).padStart(8)}  baseline ${secs(baseline.ms).padStart(7)}  ${ratio(ms, baseline.ms).padStart(6)}  ${parts}`);
  }
  const rerunStart = performance.now();
  const rerun = await sweepContacts(database, { asOf: parseDay(DAY0) + 30, at: new Date(), publicUrl: PUBLIC_URL });
  const rerunMs = performance.now() - rerunStart;
  // What a no-op sweep must at least do: look the due contacts up through the same index.
  const scanStart = performance.now();
  await database.query("select count(*) from authorized_contacts where status = 'active' and last_activity_at < $1::timestamptz", [
    new Date((parseDay(DAY0) + 30 - 179) * 86_400_000).toISOString(),
  ]);
  const scanMs = performance.now() - scanStart;
  const [counts] = (await database.query<{ outbox: number; notices: number; pending: number; deactivated: number }>(
    `select (select count(*)::int from outbox) as outbox, (select count(*)::int from contact_notices) as notices,
       (select count(*)::int from authorized_contacts where status = 'pending-deactivation') as pending,
       (select count(*)::int from authorized_contacts where status = 'deactivated') as deactivated`,
  )) as [{ outbox: number; notices: number; pending: number; deactivated: number }];

  const first = runs[0]!;
  const daily = runs.slice(1);
  const stageTotal = (stage: string) => daily.reduce((n, r) => n + r.result.stages.find((s) => s.stage === stage)!.count, 0);
  const dailyActions = daily.reduce((n, r) => n + r.result.actions.length, 0);
  const dailySweep = daily.reduce((n, r) => n + r.ms, 0);
  const dailyBase = daily.reduce((n, r) => n + r.baseline.ms, 0);
  const notices0 = first.result.stages.find((s) => s.stage === "notice")!;
  const cpu = os.cpus()[0]?.model ?? "unknown CPU";
  const md = [
    `## Contact inactivity sweep (\`bench/sweep-bench.ts\`)`,
    ``,
    "```",
    `npx tsx bench/sweep-bench.ts     # BENCH_DATABASE_URL (default postgres://postgres@127.0.0.1:5432/postgres), BENCH_CONTACTS`,
    "```",
    ``,
    `${fmt(DISTRICTS)} districts, ${fmt(CONTACTS)} authorized contacts generated with \`INSERT … SELECT generate_series\` (${secs(generateMs)}),`,
    `last activity spread evenly over the 240 days before day 0, in a database of its own that is dropped afterwards.`,
    `Day 0 is a first sweep after a long outage (every contact past 180 days gets its notice at once);`,
    `days 1–30 are the daily sweeps after it, which send reminders, final notices and deactivations.`,
    `Each stage is one set-based statement per share of the districts (stage record + outbox message + status change + audit row), each in its own transaction.`,
    ``,
    `**Baseline**, measured in the same run: after each sweep, a plain set-based \`UPDATE … SET status, version WHERE id = ANY(…)\``,
    `of exactly the contacts that sweep acted on, in a copy of \`authorized_contacts\` with the same indexes — the least`,
    `any sweep could spend to touch those rows. The ratio is what finding the due contacts, the unique stage record,`,
    `the outbox message (its subject and the values that fill its template), the audit row and a transaction per stage cost on top of that.`,
    ``,
    `Machine: ${cpu}, ${os.cpus().length} cores (shared with other work), ${fmt(os.totalmem() / 2 ** 30)} GiB, ${os.type()} ${os.release()}, Node ${process.version}.`,
    `Database: ${version.split(" on ")[0]}, local, default settings (shared_buffers 128 MB). Measured ${new Date().toISOString().slice(0, 10)}; one run.`,
    ``,
    `| sweep | contacts acted on | sweep | baseline (plain UPDATE of the same rows) | sweep ÷ baseline |`,
    `|---|---|---|---|---|`,
    `| day 0, after an outage | ${fmt(first.result.actions.length)} (${fmt(notices0.count)} notices) | ${secs(first.ms)} | ${secs(first.baseline.ms)} | ${ratio(first.ms, first.baseline.ms)} |`,
    `| days 1–30, daily, in total | ${fmt(dailyActions)} (${fmt(stageTotal("notice"))} notices, ${fmt(stageTotal("reminder"))} reminders, ${fmt(stageTotal("final-notice"))} final notices, ${fmt(stageTotal("deactivate"))} deactivations) | ${secs(dailySweep)} | ${secs(dailyBase)} | ${ratio(dailySweep, dailyBase)} |`,
    `| one daily sweep, median | ${fmt(median(daily.map((r) => r.result.actions.length)))} | ${secs(median(daily.map((r) => r.ms)))} | ${secs(median(daily.map((r) => r.baseline.ms)))} | ${ratio(median(daily.map((r) => r.ms)), median(daily.map((r) => r.baseline.ms)))} (median of daily ratios ${ratio(median(daily.map((r) => r.ms / Math.max(r.baseline.ms, 0.001))), 1)}) |`,
    `| second sweep of day 30 (nothing to do) | 0 | ${secs(rerunMs)} | ${secs(scanMs)} (count of the contacts due, same index) | ${ratio(rerunMs, scanMs)} |`,
    ``,
    `Throughput: day 0 ${fmt(first.result.actions.length / (first.ms / 1000))} contacts/s (baseline ${fmt(first.baseline.rows / (first.baseline.ms / 1000))}/s).`,
    `Afterwards: ${fmt(counts.notices)} stage records, ${fmt(counts.outbox)} outbox messages (one per record), ${fmt(counts.pending)} contacts pending deactivation, ${fmt(counts.deactivated)} deactivated.`,
    ``,
  ].join("\n");
  console.log("\n" + md);
  const worst = daily.reduce((w, r) => (r.ms > w.ms ? r : w), daily[0]!);
  console.log(`Worst daily sweep: day ${worst.offset}, ${fmt(worst.result.actions.length)} contacts in ${secs(worst.ms)} (baseline ${secs(worst.baseline.ms)}).`);
  recordResults(`sweep-${benchSize()}`, {
    contacts: CONTACTS,
    day0: { actions: first.result.actions.length, ms: first.ms, baselineMs: first.baseline.ms },
    dailyMs: spread(daily.map((r) => r.ms)),
    dailyBaselineMs: spread(daily.map((r) => r.baseline.ms)),
    worstDay: { day: worst.offset, actions: worst.result.actions.length, ms: worst.ms, baselineMs: worst.baseline.ms },
    noOpMs: rerunMs,
  });
} finally {
  await database.close();
  await admin(`drop database if exists ${name} with (force)`);
}
