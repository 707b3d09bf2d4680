/**
 * Shared by every benchmark: the size flag, interleaved repetitions, min/median/max, and
 * bench/results.json (merged by benchmark name, so each benchmark writes only its own entry).
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

export type Size = "quick" | "state";

/** `--size state` (or BENCH_SIZE=state): the 100,000-user district; default quick. */
export function benchSize(): Size {
  const i = process.argv.indexOf("--size");
  const v = i >= 0 ? process.argv[i + 1] : process.env.BENCH_SIZE;
  return v === "state" ? "state" : "quick";
}

export type Stats = { min: number; median: number; max: number; runs: number[] };

export function stats(runs: number[]): Stats {
  const s = [...runs].sort((a, b) => a - b);
  return { min: s[0]!, median: s[Math.floor(s.length / 2)]!, max: s[s.length - 1]!, runs };
}

/**
 * Runs each measurement once per repetition, in turn (a, b, c, a, b, c, …), so a burst of load
 * on the shared machine hits all of them alike. Each function returns its figure for that run.
 */
export async function interleave<K extends string>(reps: number, fns: Record<K, () => number | Promise<number>>): Promise<Record<K, Stats>> {
  const runs = Object.fromEntries(Object.keys(fns).map((k) => [k, [] as number[]])) as Record<K, number[]>;
  for (let r = 0; r < reps; r++) for (const k of Object.keys(fns) as K[]) runs[k].push(await fns[k]());
  return Object.fromEntries(Object.entries(runs).map(([k, v]) => [k, stats(v as number[])])) as Record<K, Stats>;
}

/** Wall-clock milliseconds taken by fn. */
export function timeMs(fn: () => unknown): number {
  const t0 = process.hrtime.bigint();
  fn();
  return Number(process.hrtime.bigint() - t0) / 1e6;
}

/**
 * CPU milliseconds (user + system, this process) taken by fn: what a synchronous computation
 * costs one core, much less disturbed than wall time when other work shares the machine.
 */
export function cpuMs(fn: () => unknown): number {
  const c0 = process.cpuUsage();
  fn();
  const c = process.cpuUsage(c0);
  return (c.user + c.system) / 1000;
}

/** Runs each function `times` times first, so the JIT has settled before anything is measured. */
export async function warmUp(times: number, fns: Record<string, () => unknown>): Promise<void> {
  for (let i = 0; i < times; i++) for (const f of Object.values(fns)) await f();
}

export function machine(): string {
  const cpu = os.cpus()[0]?.model ?? "unknown CPU";
  return `${cpu.trim()}, ${os.cpus().length} cores, ${os.platform()} ${os.release()}, Node ${process.version}`;
}

/** How the benchmark's code was run: the runner's bundle (names not kept) or tsx. */
export const runMode = (): string => process.env.BENCH_MODE ?? "tsx";

const fmtNum = (n: number) => (n >= 100 ? n.toFixed(0) : n >= 10 ? n.toFixed(1) : n.toPrecision(3));
export const fmtStats = (s: Stats, unit: string) => `min ${fmtNum(s.min)} / median ${fmtNum(s.median)} / max ${fmtNum(s.max)} ${unit}`;

export type Figure = { label: string; unit: string; stats: Stats; baseline?: boolean };

export type Result = {
  /** what is measured, in a sentence */
  title: string;
  size: Size;
  details: Record<string, unknown>;
  figures: Figure[];
  goal: string;
  met: boolean;
};

const resultsFile = path.join(path.dirname(fileURLToPath(import.meta.url)), "..", "results.json");

/** Prints the figures and merges this benchmark's entry (per name and size) into bench/results.json. */
export function record(name: string, result: Result): void {
  console.log(`\n${name} (${result.size}): ${result.title}`);
  for (const f of result.figures) console.log(`  ${f.baseline ? "baseline " : ""}${f.label}: ${fmtStats(f.stats, f.unit)}`);
  console.log(`  goal: ${result.goal} → ${result.met ? "met" : "NOT met"}`);
  let all: Record<string, unknown> = {};
  try {
    all = JSON.parse(fs.readFileSync(resultsFile, "utf8")) as Record<string, unknown>;
  } catch {
    // first benchmark to write
  }
  const tsx = runMode() === "tsx";
  const command = `npm run bench -- ${name}${result.size === "state" ? " --size state" : ""}${tsx ? " --tsx" : ""}`;
  all[`${name}/${result.size}${tsx ? "/tsx" : ""}`] = { ...result, machine: machine(), mode: runMode(), date: new Date().toISOString(), command };
  const sorted = Object.fromEntries(Object.entries(all).sort(([a], [b]) => a.localeCompare(b)));
  fs.writeFileSync(resultsFile, `${JSON.stringify(sorted, null, 2)}\n`);
}
