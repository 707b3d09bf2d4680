/**
 * HTTP benchmark (not a test): `npx tsx bench/http-bench.ts [--size state]`.
 * On PGlite (a data folder) and PostgreSQL (BENCH_DATABASE_URL, default the local server; skipped
 * when unreachable) it builds a district of 20,000 users and 2,000 students (state: 100,000 users
 * and 100,000 students), starts the real server signed in as a reader, and drives with autocannon
 * (50 connections, in a process of its own, on 127.0.0.1) in turn, three times over:
 *   - bare: a Fastify route answering a constant (the framework's own ceiling);
 *   - pk: a Fastify route doing one primary-key SELECT of a student on the same database;
 *   - summary: GET /api/sis/students/:id/summary (the guarded read: session, rights, the record);
 *   - groups: GET /api/groups;
 *   - preview: POST /api/adhoc/preview of a four-field filter.
 * Students are read in turn from 500 ids. Reports req/s and p99 as min / median / max.
 */
import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { randomBytes } from "node:crypto";
import Fastify from "fastify";
import pg from "pg";
import { createApp } from "../src/platform/app.js";
import { systemClock } from "../src/platform/clock.js";
import { loadConfig } from "../src/platform/config.js";
import { connectDatabase, type Database } from "../src/platform/db/connect.js";
import { migrateDatabase } from "../src/platform/db/migrate.js";
import { createRightsProvider } from "../src/platform/rights-provider.js";
import { benchSize } from "./support/bench-size.js";
import { buildHttpDistrict, READER } from "./support/http-district.js";
import type { LoadResult, LoadSpec } from "./support/load-client.js";
import { recordResults } from "./support/record-results.js";
import { formatSpread, spread } from "./support/stats.js";

const size = benchSize();
const SIZES = { quick: { users: 20_000, students: 2_000, seconds: 5 }, state: { users: 100_000, students: 100_000, seconds: 10 } };
const { users, students, seconds } = SIZES[size];
const CONNECTIONS = 50;
const REPETITIONS = Number(process.env.BENCH_REPETITIONS ?? 3);
// BENCH_TARGETS=pk,summary narrows the run (for profiling with --cpu-prof)
const ONLY_TARGETS = process.env.BENCH_TARGETS?.split(",");
// bench/, also when this file runs bundled from bench/.build (npm run bench, as the server ships)
const benchDir = path.dirname(new URL(import.meta.url).pathname).replace(/\/\.build$/, "");

function load(spec: LoadSpec): Promise<LoadResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["--import", "tsx", path.join(benchDir, "support/load-client.ts"), JSON.stringify(spec)], { stdio: ["ignore", "pipe", "inherit"] });
    let out = "";
    child.stdout.on("data", (c: Buffer) => (out += c.toString()));
    child.once("exit", (code) => (code === 0 ? resolve(JSON.parse(out.trim().split("\n").pop()!) as LoadResult) : reject(new Error(`load client exited ${code}`))));
  });
}

/** The baselines: Fastify with nothing of Gatehouse, one route constant and one doing a primary-key read. */
async function startBare(database: Database) {
  const bare = Fastify({ logger: false });
  bare.get("/bare", async () => ({ ok: true }));
  bare.get<{ Params: { id: string } }>("/pk/:id", async (request) => {
    const [row] = await database.query("select id, local_id, first_name, last_name, birth_date from sis_people where id = $1", [request.params.id]);
    return row;
  });
  return { url: await bare.listen({ port: 0, host: "127.0.0.1" }), close: () => bare.close() };
}

async function signIn(url: string, slug: string) {
  const res = await fetch(`${url}/api/auth/sign-in`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ district: slug, username: READER.username, password: READER.password }),
  });
  if (res.status !== 200) throw new Error(`sign-in answered ${res.status}: ${await res.text()}`);
  const cookie = res.headers.get("set-cookie")!.split(";")[0]!;
  const me = (await (await fetch(`${url}/api/auth/me`, { headers: { cookie } })).json()) as { csrfToken: string };
  return { cookie, csrf: me.csrfToken };
}

async function run(label: string, database: Database) {
  await migrateDatabase(database);
  const built = performance.now();
  const district = await buildHttpDistrict(database, { users, students });
  console.log(`${label}: district of ${users.toLocaleString("en-US")} users and ${students.toLocaleString("en-US")} students built in ${((performance.now() - built) / 1000).toFixed(1)} s`);
  const config = loadConfig({ LOG_LEVEL: process.env.BENCH_LOG_LEVEL ?? "silent", GATEHOUSE_WEB_DIR: "dist/web" });
  const { app } = await createApp({ config, database, clock: systemClock, rights: createRightsProvider(database) });
  const appUrl = await app.listen({ port: 0, host: "127.0.0.1" });
  const bare = await startBare(database);
  try {
    const { cookie, csrf } = await signIn(appUrl, district.slug);
    const preview = JSON.stringify({ definition: { fields: ["student.localId", "student.lastName", "student.firstName", "enrollment.grade"], sort: [{ field: "student.lastName" }] } });
    const targets: Record<string, Omit<LoadSpec, "connections" | "seconds">> = {
      bare: { url: bare.url, paths: ["/bare"] },
      pk: { url: bare.url, paths: district.students.map((id) => `/pk/${id}`) },
      summary: { url: appUrl, paths: district.students.map((id) => `/api/sis/students/${id}/summary`), headers: { cookie } },
      groups: { url: appUrl, paths: ["/api/groups"], headers: { cookie } },
      preview: { url: appUrl, paths: ["/api/adhoc/preview"], method: "POST", body: preview, headers: { cookie, "x-csrf-token": csrf, "content-type": "application/json" } },
    };
    for (const name of Object.keys(targets)) if (ONLY_TARGETS && !ONLY_TARGETS.includes(name)) delete targets[name];
    // warm-up: the first request compiles the district's rights; each route once before timing
    for (const t of Object.values(targets)) {
      const res = await fetch(`${t.url}${t.paths[0]}`, { method: t.method ?? "GET", headers: t.headers, body: t.body });
      if (res.status !== 200) throw new Error(`${t.paths[0]} answered ${res.status}: ${(await res.text()).slice(0, 300)}`);
    }
    const results: Record<string, LoadResult[]> = Object.fromEntries(Object.keys(targets).map((k) => [k, []]));
    for (let rep = 0; rep < REPETITIONS; rep++) {
      for (const [name, t] of Object.entries(targets)) results[name]!.push(await load({ ...t, connections: CONNECTIONS, seconds }));
    }
    const pkMedian = spread(results.pk!.map((r) => r.rps)).median;
    const figures: Record<string, unknown> = {};
    console.log(`\n| ${label} | req/s min / median / max | p99 ms min / median / max | ÷ pk median | errors + timeouts + non-2xx |`);
    console.log("|---|---|---|---|---|");
    for (const [name, runs] of Object.entries(results)) {
      const rps = spread(runs.map((r) => r.rps));
      const p99 = spread(runs.map((r) => r.p99));
      const failures = runs.reduce((n, r) => n + r.errors + r.timeouts + r.non2xx, 0);
      figures[name] = { rps, p99, failures, ratioToPk: rps.median / pkMedian };
      console.log(`| ${name} | ${formatSpread(rps, (n) => n.toFixed(0))} | ${formatSpread(p99, (n) => n.toFixed(0))} | ${(rps.median / pkMedian).toFixed(2)} | ${failures} |`);
    }
    return figures;
  } finally {
    await bare.close();
    await app.close();
  }
}

async function reachable(url: string) {
  const client = new pg.Client({ connectionString: url });
  try {
    await client.connect();
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

console.log(`Node ${process.version}, ${os.cpus().length} × ${os.cpus()[0]?.model ?? "cpu"}, ${os.platform()} ${os.release()}, size ${size}, ${CONNECTIONS} connections, ${seconds} s per run`);
const figures: Record<string, unknown> = { size, users, students, connections: CONNECTIONS, seconds };
if (!process.env.BENCH_ONLY || process.env.BENCH_ONLY === "pglite") {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "gh-http-bench-"));
  const pglite = await connectDatabase({ dataDir: dir });
  try {
    figures.pglite = await run("PGlite", pglite);
  } finally {
    await pglite.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
const serverUrl = process.env.BENCH_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";
if ((!process.env.BENCH_ONLY || process.env.BENCH_ONLY === "postgres") && (await reachable(serverUrl))) {
  const name = `gh_bench_${randomBytes(4).toString("hex")}`;
  const admin = async (sql: string) => {
    const c = new pg.Client({ connectionString: serverUrl });
    await c.connect();
    await c.query(sql).finally(() => c.end());
  };
  await admin(`create database ${name}`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const postgres = await connectDatabase({ databaseUrl: url.toString(), poolSize: 20 });
  try {
    figures.postgres = await run("PostgreSQL", postgres);
  } finally {
    await postgres.close();
    await admin(`drop database if exists ${name} with (force)`);
  }
}
recordResults(`http-${size}`, figures);
