/**
 * OneRoster import benchmark (not a test).
 * Run: npx tsx bench/oneroster-bench.ts            (PGlite in memory)
 *      BENCH_DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres npx tsx bench/oneroster-bench.ts
 * (a database is created there and dropped at the end). BENCH_USERS (default 100,000) sets the
 * size: 5% staff, 95% students with 10 class enrollments each, plus one per teacher and class,
 * so 100,000 users make about 1,000,000 enrollments. Generates a bulk set in a temporary folder,
 * imports it, then imports it again (nothing changed: the re-import's cost) and prints the times.
 */
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { importOneRoster } from "../src/features/oneroster/import-oneroster.js";
import { openSetPath } from "../src/features/oneroster/read-source.js";
import { connectDatabase, type Database } from "../src/platform/db/connect.js";
import { migrateDatabase } from "../src/platform/db/migrate.js";
import { districts } from "../src/platform/db/schema/districts.js";

const USERS = Number(process.env.BENCH_USERS ?? 100_000);
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

export function generateSet(dir: string) {
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

async function open(): Promise<{ database: Database; drop(): Promise<void>; driver: string }> {
  const server = process.env.BENCH_DATABASE_URL;
  if (!server) {
    const database = await connectDatabase({});
    await migrateDatabase(database);
    return { database, drop: async () => database.close(), driver: "PGlite" };
  }
  const name = `gh_bench_${randomBytes(4).toString("hex")}`;
  const admin = new pg.Client({ connectionString: server });
  await admin.connect();
  await admin.query(`create database ${name}`);
  const url = new URL(server);
  url.pathname = `/${name}`;
  const database = await connectDatabase({ databaseUrl: url.toString() });
  await migrateDatabase(database);
  return { database, driver: "PostgreSQL", drop: async () => (await database.close(), await admin.query(`drop database ${name} with (force)`), await admin.end()) };
}

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "oneroster-bench-"));
try {
  let t = Date.now();
  const size = generateSet(dir);
  console.log(`generated ${size.users.toLocaleString("en-US")} users, ${size.enrollments.toLocaleString("en-US")} enrollments, ${size.schools} schools in ${((Date.now() - t) / 1000).toFixed(1)} s`);
  const { database, drop, driver } = await open();
  try {
    const [district] = await database.db.insert(districts).values({ slug: "bench", name: "Bench District", preferences: { automaticStaffAccounts: true } }).returning();
    for (const label of ["first import", "re-import, nothing changed"]) {
      t = Date.now();
      const stages: string[] = [];
      let stage = "";
      let since = Date.now();
      const onProgress = (name: string) => {
        if (name === stage) return;
        if (stage) stages.push(`${stage} ${((Date.now() - since) / 1000).toFixed(1)} s`);
        stage = name;
        since = Date.now();
      };
      const result = await importOneRoster(database.db, { districtId: district!.id }, await openSetPath(dir), { dryRun: false, by: null, now: new Date(), onProgress });
      stages.push(`${stage} + commit ${((Date.now() - since) / 1000).toFixed(1)} s`);
      console.log(`  stages: ${stages.join("; ")}`);
      if (!result.ok) throw new Error(`bench set invalid: ${JSON.stringify(result.problems.slice(0, 3))}`);
      console.log(`${driver}: ${label}: ${((Date.now() - t) / 1000).toFixed(1)} s — students ${result.summary.students.created} created, staff ${result.summary.staff.created} created, enrollments ${result.summary.enrollments.created} created, rows ${result.summary.links.unchanged} unchanged; heap ${(process.memoryUsage().rss / 2 ** 20).toFixed(0)} MiB`);
    }
  } finally {
    await drop();
  }
} finally {
  fs.rmSync(dir, { recursive: true, force: true });
}
