/**
 * The rights check through the server's string API — RightsView.has(tool path, letter,
 * calendar?) on the view the rights cache hands a request, found by user id — against node-casbin
 * on the same checks in the same run: CachedEnforcer with a warm cache, and enforceSync
 * uncached (casbin's model and policy: casbin-district.ts). Half the checks name a calendar, and
 * 2 % are by holders of the Student Information System role. A check with a calendar on a
 * calendar-scoped tool is two casbin requests (tool, then calendar), as casbin has no cap.
 */
import { compileDistrict } from "../../src/domain/rights/compile-district.js";
import type { CalendarRef } from "../../src/domain/rights/model.js";
import { RIGHT_LETTERS, type RightLetter } from "../../src/domain/rights/rights.js";
import { compiledView } from "../../src/features/rights/compiled-view.js";
import { benchSize, interleave, record } from "../lib/measure.js";
import { calendarObject, casbinEnforcer, DOM } from "./casbin-district.js";
import { ASOF, benchDistrict } from "./district.js";

const size = benchSize();
const d = benchDistrict(size);
const { catalog, model } = d;
const compiled = compileDistrict(catalog, model, ASOF);
const t0 = Date.now();
const { enforcer, pRules, gRules } = await casbinEnforcer(d);
const casbinLoadS = (Date.now() - t0) / 1000;
console.log(`casbin: ${pRules.toLocaleString()} p rules, ${gRules.toLocaleString()} g rules, loaded in ${casbinLoadS.toFixed(1)} s`);

type Check = { userId: string; tool: string; obj: string; scoped: boolean; right: RightLetter; calendar?: CalendarRef; calObj?: string };
const sis = model.users.filter((u) => u.productSecurityRole === "student-information-system");
const checks: Check[] = [];
for (let i = 0; i < 20_000; i++) {
  const u = d.rnd() < 0.02 ? sis[Math.floor(d.rnd() * sis.length)]! : model.users[Math.floor(d.rnd() * model.users.length)]!;
  const node = catalog.nodes[Math.floor(d.rnd() * catalog.nodes.length)]!;
  const calendar = d.rnd() < 0.5 ? d.calendars[Math.floor(d.rnd() * d.calendars.length)] : undefined;
  const right = RIGHT_LETTERS[Math.floor(d.rnd() * 4)]!;
  checks.push({ userId: u.id, tool: node.path, obj: node.id, scoped: node.calendarScoped, right, ...(calendar ? { calendar, calObj: calendarObject(calendar) } : {}) });
}

/** What the server does per check: the user's view, then has(). */
const ours = (c: Check) => compiledView(compiled, compiled.userIndex.get(c.userId)!).has(c.tool, c.right, c.calendar);
const casbinSync = (c: Check) => enforcer.enforceSync(c.userId, DOM, c.obj, c.right) && (!c.calObj || !c.scoped || enforcer.enforceSync(c.userId, DOM, c.calObj, c.right));
const casbinCached = async (c: Check) => (await enforcer.enforce(c.userId, DOM, c.obj, c.right)) && (!c.calObj || !c.scoped || (await enforcer.enforce(c.userId, DOM, c.calObj, c.right)));

// Warm casbin's cache on the first checks (each is evaluated uncached once, ~0.1–1 s apiece).
const warmCount = size === "state" ? 20 : 50;
const warm: Check[] = [];
let disagree = 0;
for (const c of checks.slice(0, warmCount)) {
  if ((await casbinCached(c)) !== ours(c)) disagree++;
  warm.push(c);
}
console.log(`casbin cache warmed on ${warm.length} checks; ${disagree} disagree with Gatehouse`);

let sink = 0;
const perSecond = (calls: number, ms: number) => calls / (ms / 1000);
const cpuNow = () => {
  const c = process.cpuUsage();
  return (c.user + c.system) / 1000;
};
function oursOver(list: Check[], calls: number): number {
  const start = cpuNow();
  let n = 0;
  while (n < calls) for (let i = 0; i < list.length && n < calls; i++, n++) if (ours(list[i]!)) sink++;
  return perSecond(n, cpuNow() - start) / 1e6;
}
async function cachedOver(list: Check[], calls: number): Promise<number> {
  const start = cpuNow();
  let n = 0;
  while (n < calls) for (let i = 0; i < list.length && n < calls; i++, n++) if (await casbinCached(list[i]!)) sink++;
  return perSecond(n, cpuNow() - start) / 1e6;
}
const syncBudgetMs = size === "state" ? 4_000 : 2_000;
let syncAt = warm.length; // uncached: checks casbin has not seen
let syncChecked: Check[] = [];
function casbinSyncRun(): number {
  const start = cpuNow();
  const end = Date.now() + syncBudgetMs;
  let n = 0;
  while (Date.now() < end) {
    const c = checks[syncAt++ % checks.length]!;
    if (casbinSync(c) !== ours(c)) disagree++;
    syncChecked.push(c);
    n++;
  }
  return perSecond(n, cpuNow() - start);
}

oursOver(checks, 2_000_000); // warm-up
oursOver(warm, 1_000_000);
await cachedOver(warm, 100_000);
const r = await interleave(3, {
  ours: () => oursOver(checks, 2_000_000),
  oursOnWarm: () => oursOver(warm, 2_000_000),
  casbinCached: () => cachedOver(warm, 200_000),
  oursOnSync: () => {
    const list = syncChecked.length ? syncChecked : checks.slice(0, 100);
    return oursOver(list, 1_000_000);
  },
  casbinSync: () => casbinSyncRun(),
});
const vsCached = r.oursOnWarm.median / r.casbinCached.median;
const vsSync = (r.oursOnSync.median * 1e6) / r.casbinSync.median;
console.log(`ratios (medians): ${vsCached.toFixed(1)}× casbin CachedEnforcer warm, ${Math.round(vsSync).toLocaleString()}× casbin enforceSync; ${disagree} disagreements`);
record("rights-string-api", {
  title: "RightsView.has(tool path, letter, calendar?) by user id, against node-casbin on the same checks",
  size,
  details: {
    users: model.users.length,
    groups: model.groups.length,
    casbinPRules: pRules,
    casbinGRules: gRules,
    casbinLoadSeconds: casbinLoadS,
    warmChecks: warm.length,
    enforceSyncChecks: syncChecked.length,
    disagreements: disagree,
    ratioVsCachedEnforcer: vsCached,
    ratioVsEnforceSync: vsSync,
  },
  figures: [
    { label: "Gatehouse has(), 20,000 sampled checks", unit: "M checks per CPU-second", stats: r.ours },
    { label: "Gatehouse has(), the checks casbin's cache holds", unit: "M checks per CPU-second", stats: r.oursOnWarm },
    { label: "casbin CachedEnforcer, warm, same checks", unit: "M checks per CPU-second", stats: r.casbinCached, baseline: true },
    { label: "Gatehouse has(), the checks given to enforceSync", unit: "M checks per CPU-second", stats: r.oursOnSync },
    { label: "casbin enforceSync uncached", unit: "checks per CPU-second", stats: r.casbinSync, baseline: true },
  ],
  goal: "≥ 20× casbin CachedEnforcer warm and ≥ 1000× casbin enforceSync uncached",
  met: vsCached >= 20 && vsSync >= 1000 && disagree === 0,
});
if (disagree > 0) process.exitCode = 1;
if (sink === -1) console.log(sink);
