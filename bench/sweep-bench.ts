/**
 * Contact inactivity sweep benchmark (not a test), on PostgreSQL.
 * Run: BENCH_DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres npx tsx bench/sweep-bench.ts
 * (BENCH_CONTACTS=100000 for a quicker run). Creates its own database on that server and drops it.
 *
 * 1,000 districts and 1,000,000 authorized contacts, generated set-based (INSERT … SELECT
 * generate_series), last activity spread evenly over the 240 days before day 0. Then the sweeps:
 * day 0 is a first sweep after a long outage (every contact past 180 days gets its notice at
 * once: the worst day), days 1–30 are the daily sweeps that follow it, with every stage.
 * Prints per-stage times and the markdown section for BENCHMARKS.md.
 */
import { randomBytes } from "node:crypto";
import os from "node:os";
import pg from "pg";
import { parseDay } from "../src/domain/contacts/calendar-day.js";
import { sweepContacts, type SweepResult } from "../src/features/lifecycle/sweep-contacts.js";
import { connectDatabase } from "../src/platform/db/connect.js";
import { migrateDatabase } from "../src/platform/db/migrate.js";

const SERVER = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL;
const CONTACTS = Number(process.env.BENCH_CONTACTS ?? 1_000_000);
const DISTRICTS = 1_000;
const DAY0 = "2027-01-01";
if (!SERVER) throw new Error("Set BENCH_DATABASE_URL to a PostgreSQL server URL (a database is created there and dropped).");

const fmt = (n: number) => n.toLocaleString("en-US", { maximumFractionDigits: 0 });
const secs = (ms: number) => `${(ms / 1000).toFixed(ms < 10_000 ? 2 : 1)} s`;

async function admin(sql: string) {
  const client = new pg.Client({ connectionString: SERVER });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

const name = `gh_bench_sweep_${randomBytes(4).toString("hex")}`;
await admin(`create database ${name}`);
const url = new URL(SERVER);
url.pathname = `/${name}`;
const database = await connectDatabase({ databaseUrl: url.toString() });
try {
  await migrateDatabase(database);
  const [{ version }] = (await database.query<{ version: string }>("select version()")) as [{ version: string }];

  let t = performance.now();
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
  await database.query("analyze");
  const generateMs = performance.now() - t;

  const runs: { label: string; result: SweepResult; ms: number }[] = [];
  const sweep = async (offset: number, label: string) => {
    const asOf = parseDay(DAY0) + offset;
    const started = performance.now();
    const result = await sweepContacts(database, { asOf, at: new Date(asOf * 86_400_000 + 2 * 3_600_000), publicUrl: "https://gatehouse.example" });
    const ms = performance.now() - started;
    runs.push({ label, result, ms });
    const parts = result.stages.map((s) => `${s.stage} ${fmt(s.count)} in ${s.ms} ms`).join(", ");
    console.log(`day ${String(offset).padStart(2)} (${result.asOf}) ${secs(ms).padStart(8)}  ${parts}`);
    return result;
  };

  console.log(`Generated ${fmt(DISTRICTS)} districts and ${fmt(CONTACTS)} contacts in ${secs(generateMs)}.`);
  await sweep(0, "day 0: first sweep after an outage");
  let steady = 0;
  for (let d = 1; d <= 30; d++) {
    const r = await sweep(d, `day ${d}`);
    steady += r.actions.length;
  }
  const rerunStart = performance.now();
  const rerun = await sweepContacts(database, { asOf: parseDay(DAY0) + 30, at: new Date(), publicUrl: "https://gatehouse.example" });
  const rerunMs = performance.now() - rerunStart;
  const [counts] = (await database.query<{ outbox: number; notices: number; pending: number; deactivated: number }>(
    `select (select count(*)::int from outbox) as outbox, (select count(*)::int from contact_notices) as notices,
       (select count(*)::int from authorized_contacts where status = 'pending-deactivation') as pending,
       (select count(*)::int from authorized_contacts where status = 'deactivated') as deactivated`,
  )) as [{ outbox: number; notices: number; pending: number; deactivated: number }];

  const daily = runs.slice(1);
  const stageMax = (stage: string) => Math.max(...daily.map((r) => r.result.stages.find((s) => s.stage === stage)!.ms));
  const stageCount = (stage: string) => daily.reduce((n, r) => n + r.result.stages.find((s) => s.stage === stage)!.count, 0);
  const dailyMs = daily.map((r) => r.ms).sort((a, b) => a - b);
  const first = runs[0]!;
  const cpu = os.cpus()[0]?.model ?? "unknown CPU";
  const md = [
    `## Contact inactivity sweep (\`bench/sweep-bench.ts\`)`,
    ``,
    "```",
    `BENCH_DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres npx tsx bench/sweep-bench.ts`,
    "```",
    ``,
    `${fmt(DISTRICTS)} districts, ${fmt(CONTACTS)} authorized contacts generated with \`INSERT … SELECT generate_series\` (${secs(generateMs)}),`,
    `last activity spread evenly over the 240 days before day 0. Day 0 is a first sweep after a long`,
    `outage (every contact past 180 days gets its notice at once); days 1–30 are the daily sweeps after`,
    `it, which send reminders, final notices and deactivations. Each stage is one set-based statement`,
    `(contact_notices + outbox message + status change + audit row) in its own transaction.`,
    ``,
    `Machine: ${cpu}, ${os.cpus().length} cores, ${fmt(os.totalmem() / 2 ** 30)} GiB, ${os.type()} ${os.release()}, Node ${process.version}.`,
    `Database: ${version.split(" on ")[0]}, local, default settings. Measured ${new Date().toISOString().slice(0, 10)}; one run on a shared machine.`,
    ``,
    `| sweep | actions | time |`,
    `|---|---|---|`,
    `| day 0, notices after an outage | ${fmt(first.result.stages.find((s) => s.stage === "notice")!.count)} notices (+ ${fmt(first.result.actions.length - first.result.stages.find((s) => s.stage === "notice")!.count)} other) | ${secs(first.ms)} (notice stage ${secs(first.result.stages.find((s) => s.stage === "notice")!.ms)}) |`,
    `| days 1–30, daily | ${fmt(steady)} actions in total (${fmt(stageCount("notice"))} notices, ${fmt(stageCount("reminder"))} reminders, ${fmt(stageCount("final-notice"))} final notices, ${fmt(stageCount("deactivate"))} deactivations) | median ${secs(dailyMs[Math.floor(dailyMs.length / 2)]!)}, slowest ${secs(dailyMs.at(-1)!)} |`,
    `| slowest daily stage | notice ${secs(stageMax("notice"))}, reminder ${secs(stageMax("reminder"))}, final notice ${secs(stageMax("final-notice"))}, deactivate ${secs(stageMax("deactivate"))} | |`,
    `| second sweep of day 30 (nothing to do) | ${fmt(rerun.actions.length)} | ${secs(rerunMs)} |`,
    ``,
    `Afterwards: ${fmt(counts.notices)} stage records, ${fmt(counts.outbox)} outbox messages (one per record), ${fmt(counts.pending)} contacts pending deactivation, ${fmt(counts.deactivated)} deactivated.`,
    ``,
  ].join("\n");
  console.log("\n" + md);
} finally {
  await database.close();
  await admin(`drop database if exists ${name} with (force)`);
}
