/**
 * The seeded district every rights benchmark uses (mulberry32, fixed seed: the same district
 * on every run). quick: 10,000 users and 100 groups; state: 100,000 users and 500 groups —
 * each user in 3–6 groups (≈900 members per group at state size), groups of 10–60 entries
 * (≈5 % denies, ≈10 % time-bounded), 0.2 % holders of the Student Information System role,
 * 2 % with individual entries, 40 calendars with grants on 30 % of groups and 10 % of users.
 */
import { getCatalog, type Catalog } from "../../src/domain/rights/catalog.js";
import type { CalendarRef, DistrictModel, GroupModel, RightEntry, UserModel } from "../../src/domain/rights/model.js";
import { RIGHTS_BY_LEVEL } from "../../src/domain/rights/rights.js";
import type { Size } from "../lib/measure.js";

export const ASOF = new Date("2026-03-01T00:00:00Z");

export function mulberry32(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export type BenchDistrict = { catalog: Catalog; model: DistrictModel; calendars: CalendarRef[]; rnd: () => number };

export const SIZES: Record<Size, { users: number; groups: number }> = {
  quick: { users: 10_000, groups: 100 },
  state: { users: 100_000, groups: 500 },
};

export function benchDistrict(size: Size): BenchDistrict {
  const { users: USERS, groups: GROUPS } = SIZES[size];
  const rnd = mulberry32(20260301);
  const int = (lo: number, hi: number) => lo + Math.floor(rnd() * (hi - lo + 1));
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!;
  const catalog = getCatalog();
  const day = (d: number) => new Date(ASOF.getTime() + d * 86_400_000);
  const bounds = () => {
    const r = rnd();
    return r < 0.9 ? {} : r < 0.95 ? { until: day(int(-60, 120)) } : { from: day(int(-60, 120)) };
  };
  const schools = Array.from({ length: 20 }, (_, i) => `School ${i}`);
  const years = ["2024-25", "2025-26"];
  const calendars: CalendarRef[] = schools.flatMap((s) => years.map((y) => ({ school: s, year: y, calendar: `${y} ${s}` })));
  // entries favour no tool in particular; Campus Instruction only ""/RWAD
  const entry = (): RightEntry => {
    const node = pick(catalog.nodes);
    if (rnd() < 0.05) return { toolPath: node.path, rights: "", deny: true, ...bounds() };
    const rights = node.allOrNothing ? pick(["", "RWAD"] as const) : pick(RIGHTS_BY_LEVEL);
    return { toolPath: node.path, rights, ...bounds() };
  };
  const groups: GroupModel[] = Array.from({ length: GROUPS }, (_, i) => ({
    id: `g${i}`,
    name: `Group ${i}`,
    entries: Array.from({ length: int(10, 60) }, entry),
    calendarGrants:
      rnd() < 0.3
        ? Array.from({ length: int(1, 3) }, () => {
            const c = pick(calendars);
            return { school: c.school, year: rnd() < 0.5 ? "*" : c.year, calendar: "*", modify: rnd() < 0.5, ...bounds() };
          })
        : [],
  }));
  const users: UserModel[] = Array.from({ length: USERS }, (_, i) => ({
    id: `u${i}`,
    username: `user${i}`,
    productSecurityRole: rnd() < 0.002 ? "student-information-system" : rnd() < 0.01 ? "sis-group-assignment" : "none",
    memberships: Array.from({ length: int(3, 6) }, () => ({ groupId: pick(groups).id, ...(rnd() < 0.05 ? bounds() : {}) })),
    entries: rnd() < 0.02 ? Array.from({ length: int(1, 3) }, entry) : [],
    calendarGrants: rnd() < 0.1 ? [{ school: pick(schools), year: "*", calendar: "*", modify: rnd() < 0.5 }] : [],
  }));
  return { catalog, model: { users, groups }, calendars, rnd };
}

/** The same district as fresh objects, as a reload from the database gives (no compile caches apply). */
export function freshCopy(model: DistrictModel): DistrictModel {
  return { groups: model.groups.map((g) => ({ ...g })), users: model.users.map((u) => ({ ...u })) };
}

/** Random checks: user index, node index, and (half of them) a calendar. */
export function sampleChecks(d: BenchDistrict, count: number) {
  const user = new Uint32Array(count);
  const node = new Uint16Array(count);
  const calendar: (CalendarRef | undefined)[] = new Array(count);
  const users = d.model.users.length;
  for (let i = 0; i < count; i++) {
    user[i] = Math.floor(d.rnd() * users);
    node[i] = Math.floor(d.rnd() * d.catalog.nodes.length);
    calendar[i] = d.rnd() < 0.5 ? d.calendars[Math.floor(d.rnd() * d.calendars.length)] : undefined;
  }
  return { user, node, calendar, count };
}
