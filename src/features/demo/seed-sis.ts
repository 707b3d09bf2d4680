/**
 * A believable synthetic district: schools, calendars, staff, students and their enrollments,
 * with the federally protected fields filled at realistic rates. Seeded, so the same seed and
 * size give the same district; rows go in as column arrays through unnest (one statement per
 * 10,000 rows), which keeps 100,000 students to well under a few minutes even on PGlite.
 */
import { randomUUID } from "node:crypto";
import { sql } from "drizzle-orm";
import type { Db } from "../../platform/db/connect.js";
import { queryRows } from "../sis/query-rows.js";
import * as P from "./sis-names.js";

export type SeedSisOptions = { students: number; seed?: number; onProgress?: (done: number, total: number) => void };
export type SeedSisResult = { created: boolean; students: number; staff: number; enrollments: number; rows: number };

const BATCH = 10_000;
const YEAR = { name: "2025-26", start: "2025-08-25", end: "2026-06-12" };
const GRADES = ["KG", "01", "02", "03", "04", "05", "06", "07", "08", "09", "10", "11", "12"];
const LEVEL_OF = (g: number) => (g <= 5 ? "elementary" : g <= 8 ? "middle" : "high") as "elementary" | "middle" | "high";
const SCHOOL_SIZE = { elementary: 450, middle: 750, high: 1400 };
const SUFFIX = { elementary: "Elementary", middle: "Middle", high: "High" };

/** mulberry32: tiny, fast, good enough for synthetic data, and the same everywhere. */
export function createRandom(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (lo: number, hi: number) => lo + Math.floor(next() * (hi - lo + 1));
  const pick = <T>(list: readonly T[]) => list[Math.floor(next() * list.length)]!;
  const weighted = (list: readonly [string, number][]) => {
    let r = next() * list.reduce((s, [, w]) => s + w, 0);
    for (const [v, w] of list) if ((r -= w) < 0) return v;
    return list[list.length - 1]![0];
  };
  const date = (from: string, days: number) => new Date(Date.parse(from) + int(0, days) * 86_400_000).toISOString().slice(0, 10);
  return { next, int, pick, weighted, date, chance: (p: number) => next() < p };
}

type Columns = Record<string, { type: string; values: unknown[] }>;

/** Collects rows per table as column arrays and writes them with one unnest insert per batch. */
function createWriter(db: Db) {
  const tables = new Map<string, Columns>();
  let rows = 0;
  const flush = async (table: string) => {
    const cols = tables.get(table);
    const names = cols ? Object.keys(cols) : [];
    if (!cols || cols[names[0]!]!.values.length === 0) return;
    const list = sql.raw(names.join(", "));
    const arrays = sql.join(names.map((n) => sql`${sql.param(cols[n]!.values)}::${sql.raw(cols[n]!.type)}[]`), sql`, `);
    await db.execute(sql`insert into ${sql.raw(table)} (${list}) select * from unnest(${arrays})`);
    rows += cols[names[0]!]!.values.length;
    for (const n of names) cols[n]!.values = [];
  };
  return {
    async add(table: string, row: Record<string, [string, unknown]>) {
      let cols = tables.get(table);
      if (!cols) tables.set(table, (cols = Object.fromEntries(Object.entries(row).map(([k, [type]]) => [k, { type, values: [] as unknown[] }]))));
      for (const [k, [, v]] of Object.entries(row)) cols[k]!.values.push(v);
      // flush everything, in first-seen order (parents before children), so foreign keys hold
      if (cols[Object.keys(cols)[0]!]!.values.length >= BATCH) for (const t of tables.keys()) await flush(t);
    },
    async flushAll() {
      for (const t of tables.keys()) await flush(t);
    },
    rows: () => rows,
  };
}

export async function seedSisDistrict(db: Db, districtId: string, options: SeedSisOptions): Promise<SeedSisResult> {
  const [existing] = await queryRows<{ n: number }>(db, sql`select count(*)::int as n from sis_people where district_id = ${districtId}::uuid`);
  if (existing!.n > 0) return { created: false, students: 0, staff: 0, enrollments: 0, rows: 0 };
  const rnd = createRandom(options.seed ?? 20250825);
  const w = createWriter(db);
  const d: [string, unknown] = ["uuid", districtId];
  const uuid = (v: string): [string, unknown] => ["uuid", v];
  const text = (v: unknown): [string, unknown] => ["text", v];

  const yearId = randomUUID();
  await w.add("sis_school_years", { id: uuid(yearId), district_id: d, name: text(YEAR.name), start_date: ["date", YEAR.start], end_date: ["date", YEAR.end] });

  // schools by level, sized like real ones; each has one 2025-26 calendar
  const calendars: Record<"elementary" | "middle" | "high", { id: string; grades: number }[]> = { elementary: [], middle: [], high: [] };
  const share = { elementary: 6 / 13, middle: 3 / 13, high: 4 / 13 };
  const used = new Set<string>();
  for (const level of ["elementary", "middle", "high"] as const) {
    const count = Math.max(1, Math.round((options.students * share[level]) / SCHOOL_SIZE[level]));
    for (let i = 0; i < count; i++) {
      let name = `${rnd.pick(P.PLACE_NAMES)} ${SUFFIX[level]}`;
      for (let n = 2; used.has(name); n++) name = `${rnd.pick(P.PLACE_NAMES)} ${SUFFIX[level]}${n > 4 ? ` ${n}` : ""}`;
      used.add(name);
      const schoolId = randomUUID();
      const calendarId = randomUUID();
      await w.add("sis_schools", { id: uuid(schoolId), district_id: d, name: text(name), level: text(level) });
      await w.add("sis_calendars", {
        id: uuid(calendarId), district_id: d, school_id: uuid(schoolId), year_id: uuid(yearId),
        school_name: text(name), year_name: text(YEAR.name), name: text(`25-26 ${name}`),
      });
      calendars[level].push({ id: calendarId, grades: 0 });
    }
  }
  await w.flushAll(); // calendars before the rows that reference them

  const staffCount = Math.max(3, Math.round(options.students / 15));
  for (let i = 0; i < staffCount; i++) {
    const id = randomUUID();
    const level = rnd.weighted([["elementary", 6], ["middle", 3], ["high", 4]]) as keyof typeof calendars;
    await w.add("sis_people", person(rnd, id, districtId, "staff", `T${String(i + 1).padStart(6, "0")}`, rnd.date("1962-01-01", 14000), true));
    await w.add("sis_staff_assignments", { id: uuid(randomUUID()), district_id: d, person_id: uuid(id), calendar_id: uuid(rnd.pick(calendars[level]).id), title: text(rnd.chance(0.8) ? "Teacher" : rnd.pick(["Counselor", "Nurse", "Secretary", "Principal"])) });
  }

  let enrollments = 0;
  for (let i = 0; i < options.students; i++) {
    const id = randomUUID();
    const grade = rnd.int(0, 12);
    const level = LEVEL_OF(grade);
    const birth = rnd.date(`${2019 - grade}-09-01`, 364);
    await w.add("sis_people", person(rnd, id, districtId, "student", `S${String(i + 1).padStart(7, "0")}`, birth, rnd.chance(0.7)));
    const transfer = rnd.chance(0.04) && calendars[level].length > 1;
    const first = rnd.pick(calendars[level]);
    const spells = transfer ? [first, rnd.pick(calendars[level].filter((c) => c !== first))] : [first];
    const sped = rnd.chance(0.14);
    const homeless = rnd.chance(0.025) ? rnd.weighted(P.HOMELESS) : null;
    const ward = rnd.chance(0.004);
    const migrant = rnd.chance(0.008);
    let start = YEAR.start;
    for (const [n, cal] of spells.entries()) {
      const last = n === spells.length - 1;
      const end = last ? null : rnd.date("2025-10-01", 120);
      const enrollmentId = randomUUID();
      await w.add("sis_enrollments", {
        id: uuid(enrollmentId), district_id: d, person_id: uuid(id), calendar_id: uuid(cal.id), grade: text(GRADES[grade]),
        start_date: ["date", start], end_date: ["date", end], start_status: text(n === 0 ? "E1 Continuing" : "E2 Transfer in district"),
        end_status: text(end ? "W1 Transfer in district" : null), service_type: text("P"),
        ward_of_state: ["boolean", ward], homeless: text(homeless), migrant: ["boolean", migrant],
        service_hours: ["numeric", sped ? rnd.int(1, 60) * 30 : null], service_hours_percent: ["numeric", sped ? rnd.int(5, 100) : null],
      });
      await w.add("sis_enrollment_history", {
        id: uuid(randomUUID()), district_id: d, enrollment_id: uuid(enrollmentId), changed_at: ["timestamptz", `${start}T15:00:00Z`],
        field: text("Enrollment"), old_value: text(null), new_value: text(`created, grade ${GRADES[grade]}`), changed_by: text("registrar"),
      });
      enrollments++;
      await studentRecords(w, rnd, districtId, id, cal.id, level);
      if (end) start = end;
    }
    if (rnd.chance(0.15)) {
      const el = rnd.chance(0.67);
      await w.add("sis_english_learners", {
        id: uuid(randomUUID()), district_id: d, person_id: uuid(id), status: text(el ? "EL" : "Exited EL"),
        identified_date: ["date", rnd.date(`${2019 - grade + 5}-09-01`, 300)], exit_date: ["date", el ? null : rnd.date("2024-06-01", 60)],
        proficiency_level: ["int4", el ? rnd.int(1, 4) : 5], program_type: text(rnd.pick(["Sheltered English", "Dual language", "Pull-out ESL"])),
      });
    }
    for (const [condition, rate] of P.CONDITIONS) {
      if (!rnd.chance(rate)) continue;
      await w.add("sis_health_conditions", {
        id: uuid(randomUUID()), district_id: d, person_id: uuid(id), condition: text(condition),
        start_date: ["date", rnd.date(birth, 2500)], end_date: ["date", null], instructions: text(null),
      });
    }
    const fram = rnd.weighted([["Free", 0.42], ["Reduced", 0.07], ["Paid", 0.12], ["none", 0.39]]);
    if (fram !== "none") {
      await w.add("sis_fram_eligibility", {
        id: uuid(randomUUID()), district_id: d, person_id: uuid(id), year_id: uuid(yearId), eligibility: text(fram),
        source: text(rnd.chance(0.5) ? "Direct certification" : "Application"), start_date: ["date", rnd.date("2025-07-15", 40)],
      });
    }
    if ((i + 1) % BATCH === 0) options.onProgress?.(i + 1, options.students);
  }
  await w.flushAll();
  options.onProgress?.(options.students, options.students);
  return { created: true, students: options.students, staff: staffCount, enrollments, rows: w.rows() };
}

function person(rnd: ReturnType<typeof createRandom>, id: string, districtId: string, kind: string, localId: string, birth: string, hasSsn: boolean) {
  const ssn = hasSsn ? `${rnd.int(100, 665)}${String(rnd.int(1, 99)).padStart(2, "0")}${String(rnd.int(1, 9999)).padStart(4, "0")}` : null;
  return {
    id: ["uuid", id] as [string, unknown], district_id: ["uuid", districtId] as [string, unknown], kind: ["text", kind] as [string, unknown],
    local_id: ["text", localId] as [string, unknown], first_name: ["text", rnd.pick(P.FIRST_NAMES)] as [string, unknown],
    middle_name: ["text", rnd.chance(0.6) ? rnd.pick(P.FIRST_NAMES) : null] as [string, unknown], last_name: ["text", rnd.pick(P.LAST_NAMES)] as [string, unknown],
    birth_date: ["date", birth] as [string, unknown], gender: ["text", rnd.chance(0.49) ? "F" : rnd.chance(0.99) ? "M" : "X"] as [string, unknown],
    race_ethnicity: ["text", rnd.weighted(P.RACES)] as [string, unknown], home_language: ["text", rnd.weighted(P.LANGUAGES)] as [string, unknown],
    ssn: ["text", ssn] as [string, unknown],
  };
}

async function studentRecords(w: ReturnType<typeof createWriter>, rnd: ReturnType<typeof createRandom>, districtId: string, personId: string, calendarId: string, level: keyof typeof P.COURSES) {
  const base = { district_id: ["uuid", districtId] as [string, unknown], person_id: ["uuid", personId] as [string, unknown], calendar_id: ["uuid", calendarId] as [string, unknown] };
  // absences are skewed: most students miss a few days, a chronic few miss many
  const absences = rnd.chance(0.12) ? rnd.int(8, 20) : rnd.int(0, 3);
  for (let a = 0; a < absences; a++) {
    await w.add("sis_attendance", { id: ["uuid", randomUUID()], ...base, date: ["date", rnd.date("2025-08-25", 100)], status: ["text", rnd.chance(0.8) ? "absent" : "tardy"], excuse: ["text", rnd.chance(0.6) ? "excused" : "unexcused"], comments: ["text", null] });
  }
  if (rnd.chance(0.12)) {
    await w.add("sis_behavior_events", { id: ["uuid", randomUUID()], ...base, event_date: ["date", rnd.date("2025-08-25", 100)], event_type: ["text", rnd.pick(P.BEHAVIOR_TYPES)], resolution: ["text", rnd.pick(["Warning", "Parent contact", "Detention", "Suspension"])], details: ["text", null] });
  }
  for (const course of P.COURSES[level].slice(0, 2)) {
    const score = Math.min(100, Math.max(40, Math.round((78 + (rnd.next() + rnd.next() + rnd.next() - 1.5) * 24) * 10) / 10));
    await w.add("sis_grades", { id: ["uuid", randomUUID()], ...base, course: ["text", course], term: ["text", "Q1"], score: ["numeric", score], letter: ["text", score >= 90 ? "A" : score >= 80 ? "B" : score >= 70 ? "C" : score >= 60 ? "D" : "F"] });
  }
}
