/**
 * Student data and Ad hoc export benchmark (not a test). Run: npx tsx bench/adhoc-bench.ts
 * For PGlite (a temporary data folder) and PostgreSQL (BENCH_DATABASE_URL, default the local server):
 *   1. generates a BENCH_STUDENTS-student district (default 100,000) with the seed generator;
 *   2. starts the real HTTP server, signs in as a district administrator, saves a filter with
 *      12 fields (6 of them federally protected, so every row also writes the access log) sorted
 *      by last and first name, and streams its CSV export over HTTP, discarding the bytes;
 *   3. reports rows/s, MB/s and the process's peak RSS sampled every 25 ms during the export.
 * Each figure comes with a baseline measured in the same run on the same database (machines are
 * shared and noisy: compare the ratios):
 *   - generation: one INSERT … SELECT generate_series of as many rows into an unlogged table
 *     shaped like sis_attendance (uuid key, three uuids, a date, two short texts);
 *   - export, measured right after it: the least any export of those rows could cost — one plain
 *     SELECT of the same 12 field expressions over the same joins and in the same order, without
 *     rights gating, keyset batches or access-log writes, read fully through the same driver and
 *     turned into CSV text in-process (no HTTP). Its CSV must be as many bytes as the export's.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { randomBytes } from "node:crypto";
import pg from "pg";
import { createApp } from "../src/platform/app.js";
import { systemClock } from "../src/platform/clock.js";
import { loadConfig } from "../src/platform/config.js";
import { connectDatabase, type Database } from "../src/platform/db/connect.js";
import { migrateDatabase } from "../src/platform/db/migrate.js";
import { districts } from "../src/platform/db/schema/districts.js";
import { createRightsProvider } from "../src/platform/rights-provider.js";
import { createUser } from "../src/features/users/create-user.js";
import { seedSisDistrict } from "../src/features/demo/seed-sis.js";
import type { KeyValue } from "../src/features/adhoc/build-query.js";
import { csvLine } from "../src/features/adhoc/run-filter.js";
import { findField } from "../src/features/sis/field-catalog.js";
import { benchSize } from "./support/bench-size.js";
import { recordResults } from "./support/record-results.js";
import { formatSpread, spread } from "./support/stats.js";

const STUDENTS = Number(process.env.BENCH_STUDENTS ?? (benchSize() === "state" ? 1_000_000 : 100_000));
const REPETITIONS = 3;
const PASSWORD = "bench-password-42-long";
const FIELDS = [
  "student.localId", "student.lastName", "student.firstName", "student.birthDate", "enrollment.school", "enrollment.grade",
  "enrollment.homeless", "enrollment.wardOfState", "enrollment.serviceHours", "el.status", "health.conditions", "fram.eligibility",
];
const mb = (bytes: number) => (bytes / 1024 / 1024).toFixed(0);
const count = (n: number) => n.toLocaleString("en-US");
const secondsSince = (start: number) => (performance.now() - start) / 1000;
const ratio = (seconds: number, baseline: number) => `${(seconds / baseline).toFixed(1)}×`;

/** Baseline for generation: the same number of rows of similar width, in one plain statement. */
async function generationBaseline(database: Database, districtId: string, rows: number) {
  await database.query(
    "create unlogged table bench_baseline (id uuid primary key default gen_random_uuid(), district_id uuid not null, " +
      "person_id uuid not null, calendar_id uuid not null, date date not null, status text not null, excuse text not null)",
  );
  const start = performance.now();
  await database.query(
    "insert into bench_baseline (district_id, person_id, calendar_id, date, status, excuse) " +
      "select $1, gen_random_uuid(), gen_random_uuid(), date '2025-08-20' + i % 180, 'absent', 'excused' from generate_series(1, $2::int) i",
    [districtId, rows],
  );
  const seconds = secondsSince(start);
  await database.query("drop table bench_baseline");
  return seconds;
}

/** Baseline for the export: the same columns, rows and order in one SELECT, made into CSV in-process. */
async function exportBaseline(database: Database, districtId: string) {
  const fields = FIELDS.map((id) => findField(id)!);
  const columns = fields.map((f, i) => `${f.type === "date" ? `(${f.expr})::text` : f.expr} as f${i}`);
  const start = performance.now();
  const rows = await database.query<Record<string, KeyValue>>(
    `select ${columns.join(", ")}
     from sis_enrollments e join sis_people p on p.id = e.person_id join sis_calendars c on c.id = e.calendar_id
     where e.district_id = $1 and p.kind = 'student'
     order by p.last_name nulls last, p.first_name nulls last, e.id`,
    [districtId],
  );
  const csv = csvLine(fields.map((f) => f.label)) + rows.map((row) => csvLine(fields.map((_, i) => row[`f${i}`] ?? null))).join("");
  return { bytes: Buffer.byteLength(csv), seconds: secondsSince(start) };
}

async function run(label: string, database: Database) {
  await migrateDatabase(database);
  const [district] = await database.db.insert(districts).values({ slug: `bench-${randomBytes(3).toString("hex")}`, name: `Bench ${Date.now()}` }).returning();
  await createUser(database.db, { districtId: district!.id, username: "bench-admin", displayName: "Bench Admin", password: PASSWORD, productSecurityRole: "student-information-system" }, null);

  const seedStart = performance.now();
  const seeded = await database.db.transaction((tx) => seedSisDistrict(tx, district!.id, { students: STUDENTS, seed: 42 }));
  const seedSeconds = secondsSince(seedStart);
  const seedBaseline = await generationBaseline(database, district!.id, seeded.rows);
  await database.query("analyze"); // as any deployment's autovacuum would have by now

  const config = loadConfig({ LOG_LEVEL: "silent", GATEHOUSE_WEB_DIR: "dist/web" });
  const { app } = await createApp({ config, database, clock: systemClock, rights: createRightsProvider(database) });
  const address = await app.listen({ port: 0, host: "127.0.0.1" });
  try {
    const signIn = await fetch(`${address}/api/auth/sign-in`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ district: district!.slug, username: "bench-admin", password: PASSWORD }),
    });
    const cookie = signIn.headers.get("set-cookie")!.split(";")[0]!;
    const me = (await (await fetch(`${address}/api/auth/me`, { headers: { cookie } })).json()) as { csrfToken: string };
    const headers = { cookie, "x-csrf-token": me.csrfToken, "content-type": "application/json" };
    const saved = await fetch(`${address}/api/adhoc/filters`, {
      method: "POST",
      headers,
      body: JSON.stringify({ name: "Bench export", definition: { fields: FIELDS, sort: [{ field: "student.lastName" }, { field: "student.firstName" }] } }),
    });
    const filter = (await saved.json()) as { id: string };

    // the export and its baseline in turn, three times: the machine's load hits both alike
    const exports: { seconds: number; rows: number; bytes: number; rssBefore: number; peak: number }[] = [];
    const baselines: number[] = [];
    for (let rep = 0; rep < REPETITIONS; rep++) {
      global.gc?.();
      const rssBefore = process.memoryUsage().rss;
      let peak = rssBefore;
      const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 25);
      const start = performance.now();
      const res = await fetch(`${address}/api/adhoc/filters/${filter.id}/export.csv`, { headers: { cookie } });
      let bytes = 0;
      let lines = 0;
      for await (const chunk of res.body as unknown as AsyncIterable<Uint8Array>) {
        bytes += chunk.byteLength;
        for (const b of chunk) if (b === 10) lines++;
      }
      exports.push({ seconds: secondsSince(start), rows: lines - 1, bytes, rssBefore, peak });
      clearInterval(sampler);
      const baseline = await exportBaseline(database, district!.id);
      if (baseline.bytes !== bytes) throw new Error(`the baseline made ${baseline.bytes} bytes of CSV, the export ${bytes}`);
      baselines.push(baseline.seconds);
    }
    const rows = exports[0]!.rows;
    const time = spread(exports.map((e) => e.seconds));
    const base = spread(baselines);
    const rate = spread(exports.map((e) => e.rows / e.seconds));
    const baseRate = spread(baselines.map((b) => rows / b));
    const growth = spread(exports.map((e) => (e.peak - e.rssBefore) / 1024 / 1024));
    // entries as the access log's page lists them: one a protected field read of one student
    const [log] = await database.query<{ n: number; rows: number }>("select sum(cardinality(fields))::int as n, count(*)::int as rows from sis_access_log where district_id = $1", [district!.id]);
    console.log(
      `| ${label} | ${count(STUDENTS)} | ${count(seeded.rows)} | ${seedSeconds.toFixed(1)} s | ${seedBaseline.toFixed(1)} s | ${ratio(seedSeconds, seedBaseline)} | ` +
        `${count(rows)} | ${formatSpread(time, (n) => n.toFixed(1))} s | ${formatSpread(base, (n) => n.toFixed(2))} s | ` +
        `${formatSpread(rate, (n) => count(Math.round(n)))} | ${formatSpread(baseRate, (n) => count(Math.round(n)))} | ${(rate.median / baseRate.median * 100).toFixed(0)} % | ` +
        `+${formatSpread(growth, (n) => n.toFixed(0))} MB | ${count(log!.n)} (${count(log!.rows)} rows) |`,
    );
    return { students: STUDENTS, generated: seeded.rows, seedSeconds, seedBaseline, rows, seconds: time, baselineSeconds: base, rowsPerSecond: rate, baselineRowsPerSecond: baseRate, ratio: rate.median / baseRate.median, rssGrowthMb: growth, accessLogEntries: log!.n, accessLogRows: log!.rows };
  } finally {
    await app.close();
  }
}

console.log(`Node ${process.version}, ${os.cpus().length} × ${os.cpus()[0]?.model ?? "cpu"}, ${os.platform()} ${os.release()}, ${count(STUDENTS)} students\n`);
console.log(
  "| database | students | rows generated | generation | baseline: INSERT … SELECT generate_series | ratio | " +
    "rows exported | export time (min / median / max) | baseline: one SELECT + CSV in-process | export rows/s | baseline rows/s | export ÷ baseline (medians) | RSS growth | access-log entries (all runs) |",
);
console.log(`|${"---|".repeat(14)}`);
const results: Record<string, unknown> = {};

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "gh-adhoc-bench-"));
// BENCH_ONLY=pglite|postgres runs one database
if (process.env.BENCH_ONLY !== "postgres") {
  const pglite = await connectDatabase({ dataDir: dir });
  try {
    results.pglite = await run("PGlite", pglite);
  } finally {
    await pglite.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

const serverUrl = process.env.BENCH_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";
if (serverUrl && process.env.BENCH_ONLY !== "pglite") {
  const name = `gh_bench_${randomBytes(4).toString("hex")}`;
  const admin = async (q: string) => {
    const c = new pg.Client({ connectionString: serverUrl });
    await c.connect();
    await c.query(q).finally(() => c.end());
  };
  await admin(`create database ${name}`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const postgres = await connectDatabase({ databaseUrl: url.toString() });
  try {
    results.postgres = await run("PostgreSQL", postgres);
  } finally {
    await postgres.close();
    await admin(`drop database if exists ${name} with (force)`);
  }
}
recordResults(`adhoc-${benchSize()}`, results);
