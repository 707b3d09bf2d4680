/**
 * Rights engine benchmark (not a test). Run: npx tsx bench/rights-bench.ts
 * A seeded district of 50,000 users and 500 groups over the full catalog; Gatehouse's
 * compiled arrays against node-casbin (RBAC with domains, allow/deny effect) on the same
 * snapshot. Casbin gets the rights already expanded down the tree (it has no nearest-entry
 * inheritance) and only what is in force at asOf (it has no time bounds); calendar caps are
 * left out of the comparison for the same reason.
 */
import os from "node:os";
import { newEnforcer, newModelFromString, StringAdapter } from "casbin";
import { getCatalog } from "../src/domain/rights/catalog.js";
import { checkRight } from "../src/domain/rights/check-right.js";
import { compileDistrict, compileGrantee, recompileForGroup } from "../src/domain/rights/compile-district.js";
import { isActiveAt, type CalendarRef, type DistrictModel, type GroupModel, type UserModel } from "../src/domain/rights/model.js";
import { RIGHTS_BY_LEVEL, RIGHT_LETTERS, levelOfLetter } from "../src/domain/rights/rights.js";
import { whoHasAccess } from "../src/domain/rights/who-has-access.js";

const USERS = Number(process.env.BENCH_USERS ?? 50_000);
const GROUPS = Number(process.env.BENCH_GROUPS ?? 500);
const CASBIN_MAX_CHECKS = 20_000;
const CASBIN_TIME_BUDGET_MS = Number(process.env.BENCH_CASBIN_MS ?? 20_000);
const ASOF = new Date("2026-03-01T00:00:00Z");

function mulberry32(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const rnd = mulberry32(20260301);
const int = (lo: number, hi: number) => lo + Math.floor(rnd() * (hi - lo + 1));
const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!;
const ms = (ns: bigint) => Number(ns) / 1e6;
const fmt = (n: number) => n.toLocaleString("en-US", { maximumFractionDigits: 0 });

const catalog = getCatalog();
const N = catalog.nodes.length;
const day = (d: number) => new Date(ASOF.getTime() + d * 86_400_000);
const bounds = () => {
  const r = rnd();
  return r < 0.9 ? {} : r < 0.95 ? { until: day(int(-60, 120)) } : { from: day(int(-60, 120)) };
};

// ---- generate ------------------------------------------------------------------------
const schools = Array.from({ length: 20 }, (_, i) => `School ${i}`);
const years = ["2024-25", "2025-26"];
const calendars: CalendarRef[] = schools.flatMap((s) => years.map((y) => ({ school: s, year: y, calendar: `${y} ${s}` })));
// entries favour deeper tools, like real groups; Campus Instruction only ""/RWAD
const entry = () => {
  const node = pick(catalog.nodes);
  if (rnd() < 0.05) return { toolPath: node.path, rights: "" as const, deny: true, ...bounds() };
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
const model: DistrictModel = { users, groups };

console.log("Gatehouse rights benchmark");
console.log(`machine: ${os.cpus()[0]?.model ?? "unknown"}, ${os.cpus().length} cores, ${os.platform()} ${os.release()}, node ${process.version}`);
console.log(`district: ${fmt(USERS)} users, ${fmt(GROUPS)} groups, ${N} catalog nodes, ${fmt(groups.reduce((s, g) => s + g.entries.length, 0))} group entries`);

// ---- Gatehouse -----------------------------------------------------------------------
let t0 = process.hrtime.bigint();
const compiled = compileDistrict(catalog, model, ASOF);
const compileMs = ms(process.hrtime.bigint() - t0);
console.log(`\nfull compile: ${compileMs.toFixed(0)} ms (${fmt((USERS * N) / 1024 / 1024)} MiB of rights arrays)`);

const CHECKS = 2_000_000;
const qUser = new Uint32Array(CHECKS);
const qNode = new Uint16Array(CHECKS);
const qCal: (CalendarRef | undefined)[] = new Array(CHECKS);
for (let i = 0; i < CHECKS; i++) {
  qUser[i] = Math.floor(rnd() * USERS);
  qNode[i] = Math.floor(rnd() * N);
  qCal[i] = rnd() < 0.5 ? pick(calendars) : undefined;
}
let sink = 0;
for (let i = 0; i < 200_000; i++) sink += checkRight(compiled, qUser[i]!, qNode[i]!, qCal[i]); // warm-up
t0 = process.hrtime.bigint();
for (let i = 0; i < CHECKS; i++) sink += checkRight(compiled, qUser[i]!, qNode[i]!, qCal[i]);
const checkMs = ms(process.hrtime.bigint() - t0);
console.log(`checks: ${fmt(CHECKS / (checkMs / 1000))} checks/s (${fmt(CHECKS)} random checks, half with a calendar, in ${checkMs.toFixed(0)} ms)`);

const BATCH = 100;
const perCheck: number[] = [];
for (let b = 0; b + BATCH <= CHECKS; b += BATCH) {
  const s = process.hrtime.bigint();
  for (let i = b; i < b + BATCH; i++) sink += checkRight(compiled, qUser[i]!, qNode[i]!, qCal[i]);
  perCheck.push(Number(process.hrtime.bigint() - s) / BATCH);
}
perCheck.sort((a, b) => a - b);
const pct = (xs: number[], p: number) => xs[Math.min(xs.length - 1, Math.floor(xs.length * p))]!;
console.log(`latency per check (batches of ${BATCH}): p50 ${pct(perCheck, 0.5).toFixed(0)} ns, p99 ${pct(perCheck, 0.99).toFixed(0)} ns, max ${perCheck[perCheck.length - 1]!.toFixed(0)} ns`);
const single: number[] = [];
for (let i = 0; i < 200_000; i++) {
  const s = process.hrtime.bigint();
  sink += checkRight(compiled, qUser[i]!, qNode[i]!, qCal[i]);
  single.push(Number(process.hrtime.bigint() - s));
}
single.sort((a, b) => a - b);
console.log(`latency of one timed check (includes ~timer overhead): p50 ${pct(single, 0.5)} ns, p99 ${pct(single, 0.99)} ns`);

const changedGroup = groups[7]!;
const changedModel: DistrictModel = {
  users,
  groups: groups.map((g) => (g === changedGroup ? { ...g, entries: [...g.entries, { toolPath: "Census > People", rights: "RWAD" as const }] } : g)),
};
t0 = process.hrtime.bigint();
const re = recompileForGroup(compiled, changedModel, changedGroup.id);
const recompileMs = ms(process.hrtime.bigint() - t0);
console.log(
  `incremental recompile after one group change: ${recompileMs.toFixed(1)} ms (${compiled.groupMembers.get(changedGroup.id)?.size ?? 0} members recomputed)` +
    ` → ${(compileMs / recompileMs).toFixed(0)}× faster than the full compile of this run`,
);
sink += re.levels.length;

for (const [tool, min] of [["Student Information > Health > Conditions", "R"], ["Scheduling > Schedule Wizard", "D"]] as const) {
  t0 = process.hrtime.bigint();
  const holders = whoHasAccess(catalog, compiled, tool, min);
  console.log(`whoHasAccess("${tool}", ${min}): ${ms(process.hrtime.bigint() - t0).toFixed(0)} ms, ${fmt(holders.length)} users with their grants`);
}

// ---- casbin --------------------------------------------------------------------------
const CASBIN_MODEL = `
[request_definition]
r = sub, dom, obj, act
[policy_definition]
p = sub, dom, obj, act, eft
[role_definition]
g = _, _, _
[policy_effect]
e = some(where (p.eft == allow)) && !some(where (p.eft == deny))
[matchers]
m = r.obj == p.obj && r.act == p.act && r.dom == p.dom && g(r.sub, p.sub, r.dom)
`;
const DOM = "district1";
const lines: string[] = [];
const expand = (sub: string, entries: GroupModel["entries"]) => {
  const c = compileGrantee(catalog, entries, ASOF); // nearest-entry inheritance, pre-expanded
  for (let i = 0; i < N; i++) {
    const id = catalog.nodes[i]!.id;
    if (c.deny?.[i]) for (const a of RIGHT_LETTERS) lines.push(`p, ${sub}, ${DOM}, ${id}, ${a}, deny`);
    const l = c.levels[i]!;
    for (let k = 0; k < l; k++) lines.push(`p, ${sub}, ${DOM}, ${id}, ${RIGHT_LETTERS[k]}, allow`);
  }
};
t0 = process.hrtime.bigint();
for (const g of groups) expand(g.id, g.entries);
for (const u of users) {
  if (u.productSecurityRole === "student-information-system") continue; // not compared
  if (u.entries.length > 0) expand(u.id, u.entries);
  for (const m of u.memberships) if (isActiveAt(m, ASOF)) lines.push(`g, ${u.id}, ${m.groupId}, ${DOM}`);
}
const policyCount = lines.filter((l) => l.startsWith("p,")).length;
const enforcer = await newEnforcer(newModelFromString(CASBIN_MODEL), new StringAdapter(lines.join("\n")));
const casbinLoadMs = ms(process.hrtime.bigint() - t0);
console.log(`\ncasbin ${"5.x"}: ${fmt(policyCount)} p rules + ${fmt(lines.length - policyCount)} g rules, expanded and loaded in ${(casbinLoadMs / 1000).toFixed(1)} s`);
console.log(`ratio build: casbin expand + load / gatehouse full compile ≈ ${(casbinLoadMs / compileMs).toFixed(1)}×`);

const sample: { u: number; n: number; a: (typeof RIGHT_LETTERS)[number] }[] = [];
while (sample.length < CASBIN_MAX_CHECKS) {
  const u = Math.floor(rnd() * USERS);
  if (compiled.sisRole[u]) continue;
  sample.push({ u, n: Math.floor(rnd() * N), a: pick(RIGHT_LETTERS) });
}
let done = 0;
let disagree = 0;
let allowed = 0;
t0 = process.hrtime.bigint();
const deadline = Date.now() + CASBIN_TIME_BUDGET_MS;
for (const s of sample) {
  const ok = await enforcer.enforce(`u${s.u}`, DOM, catalog.nodes[s.n]!.id, s.a);
  const ours = checkRight(compiled, s.u, s.n) >= levelOfLetter(s.a);
  if (ok !== ours) disagree++;
  if (ok) allowed++;
  done++;
  if (Date.now() > deadline) break;
}
const casbinMs = ms(process.hrtime.bigint() - t0);
const casbinRate = done / (casbinMs / 1000);
t0 = process.hrtime.bigint();
for (let k = 0; k < 50; k++) for (let i = 0; i < done; i++) sink += checkRight(compiled, sample[i]!.u, sample[i]!.n);
const oursRate = (done * 50) / (ms(process.hrtime.bigint() - t0) / 1000);
console.log(`casbin: ${fmt(done)} of ${fmt(CASBIN_MAX_CHECKS)} sample checks in ${(casbinMs / 1000).toFixed(1)} s${done < CASBIN_MAX_CHECKS ? ` (stopped at the ${CASBIN_TIME_BUDGET_MS / 1000} s budget)` : ""} → ${fmt(casbinRate)} checks/s`);
console.log(`gatehouse on the same sample: ${fmt(oursRate)} checks/s → ratio gatehouse/casbin ≈ ${fmt(oursRate / casbinRate)}×`);
console.log(`agreement: ${fmt(done - disagree)} of ${fmt(done)} checks agree (${fmt(allowed)} allowed), ${disagree} disagree`);
if (disagree > 0) process.exitCode = 1;
if (sink === -1) console.log(sink);
