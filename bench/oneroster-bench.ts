/**
 * OneRoster import benchmark (not a test): `npm run bench -- oneroster [--size state]`.
 * Generates a bulk set in a temporary folder (5 % staff, 95 % students with 10 class enrollments
 * each, plus one per teacher and class: 5,000 users quick, 100,000 at state size, about 10
 * enrollments a user; BENCH_USERS overrides), then on PGlite (in memory) and PostgreSQL
 * (BENCH_DATABASE_URL, default the local server; a database is created and dropped;
 * BENCH_ONLY=pglite|postgres narrows) runs, interleaved, BENCH_REPETITIONS (3) times:
 * - the first import into an empty district, beside its baseline: the same rows (one link per
 *   CSV row, one person per user, one calendar enrollment per student) written with one plain
 *   `INSERT … SELECT FROM unnest` per 20,000 rows into like-shaped tables (no conflict checks,
 *   no foreign keys, nothing read back);
 * - the unchanged re-import, beside its baseline: reading and checking the CSV files plus one
 *   SELECT of the district's link digests, the least a compare can cost.
 * Wall time and this process's CPU time (on PostgreSQL the server's CPU is not counted).
 */
import { randomBytes, randomUUID } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { parseSet, type ParsedSet } from "../src/domain/oneroster/parse-set.js";
import { importOneRoster } from "../src/features/oneroster/import-oneroster.js";
import { openSetPath } from "../src/features/oneroster/read-source.js";
import { connectDatabase, type Database } from "../src/platform/db/connect.js";
import { migrateDatabase } from "../src/platform/db/migrate.js";
import { insertColumns } from "../src/platform/db/insert-columns.js";
import { districts } from "../src/platform/db/schema/districts.js";
import { benchSize, machine, record, runMode, stats, type Figure } from "./lib/measure.js";

const size = benchSize();
const USERS = Number(process.env.BENCH_USERS ?? (size === "state" ? 100_000 : 5_000));
const REPETITIONS = Number(process.env.BENCH_REPETITIONS ?? 3);
const SCHOOLS = Math.max(2, Math.round(USERS / 1000));
const PER_STUDENT = 10;

function write(dir: string, name: string, header: string, rows: Iterable<string>) {
  const fd = fs.openSync(path.join(dir, name), "w");
  let buf = header + "\n";
  for (const r of rows) {
    buf += r + "\n";
    if (buf.length > 1 << 20) (fs.writeSync(fd, buf), (buf = ""));
  }
  fs.writeSync(fd, buf);
  fs.closeSync(fd);
}

function generateSet(dir: string) {
  const staff = Math.round(USERS * 0.05);
  const classesPerSchool = Math.max(10, Math.round(((USERS - staff) * PER_STUDENT) / SCHOOLS / 25));
  fs.writeFileSync(path.join(dir, "manifest.csv"), ["propertyName,value", "manifest.version,1.0", "oneroster.version,1.2", ...["orgs", "academicSessions", "users", "roles", "courses", "classes", "enrollments", "demographics"].map((f) => `file.${f},bulk`)].join("\n") + "\n");
  write(dir, "orgs.csv", "sourcedId,status,dateLastModified,name,type,identifier,parentSourcedId", (function* () {
    yield "d,,,Bench District,district,D,";
    for (let s = 0; s < SCHOOLS; s++) yield `s${s},,,School ${s} ${s % 3 === 0 ? "Elementary" : s % 3 === 1 ? "Middle" : "High"},school,${s},d`;
  })());
  write(dir, "academicSessions.csv", "sourcedId,status,dateLastModified,title,type,startDate,endDate,parentSourcedId,schoolYear", ["y,,,2025-2026,schoolYear,2025-08-20,2026-06-12,,2026", "t,,,Fall,term,2025-08-20,2025-12-19,y,2026"]);
  write(dir, "courses.csv", "sourcedId,status,dateLastModified,schoolYearSourcedId,title,courseCode,grades,orgSourcedId,subjects,subjectCodes", (function* () {
    for (let s = 0; s < SCHOOLS; s++) yield `c${s},,,y,Course ${s},C${s},09,s${s},Math,`;
  })());
  write(dir, "classes.csv", "sourcedId,status,dateLastModified,title,grades,courseSourcedId,classCode,classType,location,schoolSourcedId,termSourcedIds,subjects,subjectCodes,periods", (function* () {
    for (let s = 0; s < SCHOOLS; s++) for (let k = 0; k < classesPerSchool; k++) yield `k${s}-${k},,,Class ${k},09,c${s},K${k},scheduled,,s${s},t,,,`;
  })());
  const schoolOf = (u: number) => u % SCHOOLS;
  write(dir, "users.csv", "sourcedId,status,dateLastModified,enabledUser,username,givenName,familyName,identifier,email,grades", (function* () {
    for (let u = 0; u < USERS; u++) yield `u${u},,,true,${u < staff ? `staff${u}` : ""},Given${u},Family${u},L${u},${u < staff ? `staff${u}@example.org` : ""},09`;
  })());
  write(dir, "roles.csv", "sourcedId,status,dateLastModified,userSourcedId,roleType,role,beginDate,endDate,orgSourcedId,userProfileSourcedId", (function* () {
    for (let u = 0; u < USERS; u++) yield `r${u},,,u${u},primary,${u < staff ? (u % 10 === 0 ? "aide" : "teacher") : "student"},,,s${schoolOf(u)},`;
  })());
  write(dir, "demographics.csv", "sourcedId,status,dateLastModified,birthDate,sex", (function* () {
    for (let u = staff; u < USERS; u++) yield `u${u},,,2010-0${1 + (u % 9)}-1${u % 9},${u % 2 ? "female" : "male"}`;
  })());
  let enrollments = 0;
  write(dir, "enrollments.csv", "sourcedId,status,dateLastModified,classSourcedId,schoolSourcedId,userSourcedId,role,primary,beginDate,endDate", (function* () {
    for (let u = 0; u < USERS; u++) {
      const s = schoolOf(u);
      const n = u < staff ? Math.max(1, Math.round(classesPerSchool / Math.max(1, Math.round(staff / SCHOOLS)))) : PER_STUDENT;
      for (let i = 0; i < n; i++) {
        enrollments++;
        yield `e${u}-${i},,,k${s}-${(u * 7 + i * 13) % classesPerSchool},s${s},u${u},${u < staff ? "teacher" : "student"},false,2025-08-20,`;
      }
    }
  })());
  return { users: USERS, enrollments, schools: SCHOOLS };
}

type Target = { kind: "pglite" | "postgres"; database: Database; drop(): Promise<void> };

async function open(kind: Target["kind"]): Promise<Target> {
  if (kind === "pglite") {
    const database = await connectDatabase({});
    await migrateDatabase(database);
    return { kind, database, drop: async () => database.close() };
  }
  const server = process.env.BENCH_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";
  const name = `gh_bench_${randomBytes(4).toString("hex")}`;
  const admin = new pg.Client({ connectionString: server });
  await admin.connect();
  await admin.query(`create database ${name}`);
  const url = new URL(server);
  url.pathname = `/${name}`;
  const database = await connectDatabase({ databaseUrl: url.toString() });
  await migrateDatabase(database);
  return { kind, database, drop: async () => (await database.close(), await admin.query(`drop database ${name} with (force)`), await admin.end()) };
}

type Cost = { wall: number; cpu: number };
async function measure(work: () => Promise<unknown>): Promise<Cost> {
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  await work();
  const c = process.cpuUsage(c0);
  return { wall: (performance.now() - t0) / 1000, cpu: (c.user + c.system) / 1e6 };
}

/** The baseline of a first import: the same rows, plainly inserted into tables shaped like the import's. */
async function baselineWrite(database: Database, set: ParsedSet) {
  const all = Object.entries(set.rows).flatMap(([file, rows]) => rows.map((r) => ({ file, r })));
  const districtId = randomUUID();
  const students = set.rows.users.filter((_, i) => i >= Math.round(USERS * 0.05));
  await insertColumns(database.db, "bench_links", [
    { name: "district_id", type: "uuid", values: all.map(() => districtId) },
    { name: "kind", type: "text", values: all.map((x) => x.file) },
    { name: "sourced_id", type: "text", values: all.map((x) => x.r.sourcedId!) },
    { name: "digest", type: "text", values: all.map(() => "0123456789012345678901234567") },
    { name: "data", type: "jsonb", values: all.map((x) => JSON.stringify(x.r)) },
  ]);
  await insertColumns(database.db, "bench_people", [
    { name: "district_id", type: "uuid", values: set.rows.users.map(() => districtId) },
    { name: "kind", type: "text", values: set.rows.users.map(() => "student") },
    { name: "local_id", type: "text", values: set.rows.users.map((u) => u.identifier!) },
    { name: "first_name", type: "text", values: set.rows.users.map((u) => u.givenName!) },
    { name: "last_name", type: "text", values: set.rows.users.map((u) => u.familyName!) },
    { name: "birth_date", type: "date", values: set.rows.users.map(() => "2010-01-01") },
    { name: "gender", type: "text", values: set.rows.users.map(() => "X") },
  ]);
  await insertColumns(database.db, "bench_enrollments", [
    { name: "district_id", type: "uuid", values: students.map(() => districtId) },
    { name: "person_id", type: "uuid", values: students.map(() => randomUUID()) },
    { name: "calendar_id", type: "uuid", values: students.map(() => districtId) },
    { name: "grade", type: "text", values: students.map(() => "09") },
    { name: "start_date", type: "date", values: students.map(() => "2025-08-20") },
  ]);
}

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "oneroster-bench-"));
const only = process.env.BENCH_ONLY;
const figures: Figure[] = [];
const details: Record<string, unknown> = { users: USERS, repetitions: REPETITIONS };
try {
  const t = Date.now();
  const setSize = generateSet(dir);
  Object.assign(details, setSize);
  console.log(`generated ${setSize.users.toLocaleString("en-US")} users, ${setSize.enrollments.toLocaleString("en-US")} enrollments, ${setSize.schools} schools in ${((Date.now() - t) / 1000).toFixed(1)} s; ${machine()}; ${runMode()}`);
  const set = await parseSet(await openSetPath(dir));
  for (const kind of (["pglite", "postgres"] as const).filter((k) => !only || only === k)) {
    const target = await open(kind);
    const { database } = target;
    try {
      for (const [table, like] of [["bench_links", "oneroster_links"], ["bench_people", "sis_people"], ["bench_enrollments", "sis_enrollments"]]) {
        await database.query(`create table ${table} (like ${like} including defaults including indexes)`);
      }
      const runs: Record<"first" | "firstBase" | "again" | "againBase", Cost[]> = { first: [], firstBase: [], again: [], againBase: [] };
      let stages: string[] = [];
      let lastDistrict = "";
      for (let r = 0; r < REPETITIONS; r++) {
        const [district] = await database.db.insert(districts).values({ slug: `bench-${r}`, name: `Bench District ${r}`, preferences: { automaticStaffAccounts: true } }).returning();
        lastDistrict = district!.id;
        const importOnce = async () => {
          stages = [];
          let stage = "";
          let since = performance.now();
          const onProgress = (name: string) => {
            if (name === stage) return;
            if (stage) stages.push(`${stage} ${((performance.now() - since) / 1000).toFixed(1)} s`);
            (stage = name), (since = performance.now());
          };
          const result = await importOneRoster(database.db, { districtId: lastDistrict }, await openSetPath(dir), { dryRun: false, by: null, now: new Date(), onProgress });
          stages.push(`${stage} + commit ${((performance.now() - since) / 1000).toFixed(1)} s`);
          if (!result.ok) throw new Error(`bench set invalid: ${JSON.stringify(result.problems.slice(0, 3))}`);
          return result.summary;
        };
        runs.first.push(await measure(importOnce));
        console.log(`  ${kind} first import ${r + 1}: ${stages.join("; ")}`);
        runs.firstBase.push(await measure(() => baselineWrite(database, set)));
        for (const table of ["bench_links", "bench_people", "bench_enrollments"]) await database.query(`truncate ${table}`);
        let summary: Awaited<ReturnType<typeof importOnce>> | undefined;
        runs.again.push(await measure(async () => (summary = await importOnce())));
        if (summary!.links.created + summary!.links.changed + summary!.links.ended > 0) throw new Error(`the unchanged re-import changed rows: ${JSON.stringify(summary!.links)}`);
        console.log(`  ${kind} unchanged re-import ${r + 1}: ${stages.join("; ")}`);
        runs.againBase.push(await measure(async () => {
          await parseSet(await openSetPath(dir));
          await database.query("select kind, sourced_id, digest from oneroster_links where district_id = $1", [lastDistrict]);
        }));
        console.log(`  ${kind} ${r + 1}: first ${runs.first[r]!.wall.toFixed(1)} s (cpu ${runs.first[r]!.cpu.toFixed(1)}), baseline ${runs.firstBase[r]!.wall.toFixed(1)} s (cpu ${runs.firstBase[r]!.cpu.toFixed(1)}); unchanged ${runs.again[r]!.wall.toFixed(1)} s (cpu ${runs.again[r]!.cpu.toFixed(1)}), baseline ${runs.againBase[r]!.wall.toFixed(1)} s (cpu ${runs.againBase[r]!.cpu.toFixed(1)})`);
      }
      const name = kind === "pglite" ? "PGlite" : "PostgreSQL";
      const label = { first: "first import", firstBase: "first import's baseline (plain unnest insert of the same rows)", again: "unchanged re-import", againBase: "unchanged re-import's baseline (read the CSV + select the digests)" };
      for (const k of Object.keys(runs) as (keyof typeof runs)[]) {
        figures.push({ label: `${name} ${label[k]}, wall`, unit: "s", stats: stats(runs[k].map((c) => c.wall)), baseline: k.endsWith("Base") });
        figures.push({ label: `${name} ${label[k]}, CPU of this process`, unit: "s", stats: stats(runs[k].map((c) => c.cpu)), baseline: k.endsWith("Base") });
      }
      const ratio = (a: Cost[], b: Cost[]) => stats(a.map((c, i) => c.wall / b[i]!.wall)).median;
      details[`${kind} ratios (median of per-repetition wall ratios)`] = { first: ratio(runs.first, runs.firstBase), unchanged: ratio(runs.again, runs.againBase) };
      details[`${kind} last stages`] = stages;
      console.log(`  ${name}: first import ÷ baseline ${ratio(runs.first, runs.firstBase).toFixed(1)}×, unchanged ÷ baseline ${ratio(runs.again, runs.againBase).toFixed(1)}×; RSS ${(process.memoryUsage().rss / 2 ** 20).toFixed(0)} MiB`);
    } finally {
      await target.drop();
    }
  }
  const firstMedians = figures.filter((f) => f.label.endsWith("first import, wall")).map((f) => f.stats.median);
  record("oneroster", {
    title: "OneRoster bulk import into an empty district and its unchanged re-import, beside plain inserts of the same rows",
    size,
    details,
    figures,
    goal: "100,000 users and 1,000,000 enrollments in minutes (first import < 5 min)",
    met: size === "state" && firstMedians.length > 0 && firstMedians.every((m) => m < 300),
  });
} finally {
  fs.rmSync(dir, { recursive: true, force: true });
}
