/**
 * Start-up benchmark (not a test): `npx tsx bench/startup-bench.ts`.
 * Times, interleaved and three times over, beside their baselines:
 *   - `npm start` a second time on an unchanged checkout (the web app and server already built,
 *     the demo already seeded in a data folder) until GET /healthz answers, beside a bare Fastify
 *     start (`node -e` importing fastify and listening) until the same;
 *   - `gatehouse serve` (node bin/gatehouse.js) on the same data folder until /healthz answers;
 *   - `gatehouse --help` until it exits, beside `node -e 0`.
 * Each figure is wall time and CPU time (user + system of every process the start ran, npm
 * included, read from /proc at the moment /healthz answers): on a shared machine CPU time is the
 * comparable one. The first run seeds the data folder (BENCH_DATA_DIR, default a temporary one).
 */
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { recordResults } from "./support/record-results.js";
import { formatSpread, spread } from "./support/stats.js";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const REPETITIONS = Number(process.env.BENCH_REPETITIONS ?? 3);
const PORT = Number(process.env.BENCH_PORT ?? 4190);
const TICKS = 100; // USER_HZ on Linux
const dataDir = process.env.BENCH_DATA_DIR ?? fs.mkdtempSync(path.join(os.tmpdir(), "gatehouse-startup-"));
const env = { ...process.env, GATEHOUSE_DATA_DIR: dataDir, PORT: String(PORT), HOST: "127.0.0.1", LOG_LEVEL: "warn" };

type Sample = { wallMs: number; cpuMs: number };

/** CPU time of every process in the group (its own and that of its reaped children). */
function groupCpuMs(pgid: number): number {
  let ticks = 0;
  for (const pid of fs.readdirSync("/proc")) {
    if (!/^\d+$/.test(pid)) continue;
    let stat: string;
    try {
      stat = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
    } catch {
      continue;
    }
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    if (Number(fields[2]) !== pgid) continue; // field 5: process group
    ticks += Number(fields[11]) + Number(fields[12]) + Number(fields[13]) + Number(fields[14]); // utime stime cutime cstime
  }
  return (ticks * 1000) / TICKS;
}

function start(command: string[]): ChildProcess {
  return spawn(command[0]!, command.slice(1), { cwd: root, env, stdio: ["ignore", "ignore", "inherit"], detached: true });
}

/** Stops the whole group and waits until none of it is left (npm exits before the server it ran has closed the database). */
async function stop(child: ChildProcess) {
  process.kill(-child.pid!, "SIGTERM");
  while (groupAlive(child.pid!)) await new Promise((resolve) => setTimeout(resolve, 20));
}

function groupAlive(pgid: number): boolean {
  try {
    process.kill(-pgid, 0);
    return true;
  } catch {
    return false;
  }
}

/** Starts `command` and waits for /healthz; returns wall and CPU time to the first answer. */
async function untilHealthy(command: string[]): Promise<Sample> {
  const started = performance.now();
  const child = start(command);
  let exited = false;
  child.once("exit", () => (exited = true));
  for (;;) {
    if (exited) throw new Error(`${command.join(" ")} exited before answering /healthz`);
    try {
      if ((await fetch(`http://127.0.0.1:${PORT}/healthz`)).ok) break;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
  const sample = { wallMs: performance.now() - started, cpuMs: groupCpuMs(child.pid!) };
  await stop(child);
  return sample;
}

/** Runs `command` to its end under a shell that then prints its own /proc stat: the command's
 * CPU time is the shell's reaped-children time (cutime + cstime). */
async function untilExit(command: string[]): Promise<Sample> {
  const quoted = command.map((a) => `'${a.replaceAll("'", "'\\''")}'`).join(" ");
  const started = performance.now();
  const child = spawn("/bin/sh", ["-c", `${quoted} >/dev/null || exit 1; cat /proc/$$/stat`], { cwd: root, env, stdio: ["ignore", "pipe", "inherit"] });
  let out = "";
  child.stdout!.on("data", (chunk: Buffer) => (out += chunk.toString()));
  const code = await new Promise<number | null>((resolve) => child.once("exit", resolve));
  const wallMs = performance.now() - started;
  if (code !== 0) throw new Error(`${command.join(" ")} exited ${code}`);
  const fields = out.slice(out.lastIndexOf(")") + 2).split(" ");
  return { wallMs, cpuMs: ((Number(fields[13]) + Number(fields[14])) * 1000) / TICKS };
}

const BARE_FASTIFY = [
  process.execPath,
  "--input-type=module",
  "-e",
  `import Fastify from "fastify"; const app = Fastify(); app.get("/healthz", async () => ({ ok: true })); await app.listen({ port: ${PORT}, host: "127.0.0.1" });`,
];

async function main() {
  console.log(`Start-up, data folder ${dataDir}; load average ${os.loadavg().map((l) => l.toFixed(1)).join(" ")}`);
  const first = await untilHealthy(["npm", "start"]);
  console.log(`first start (builds if needed, seeds the demo): ${(first.wallMs / 1000).toFixed(1)} s`);
  const cases: Record<string, { command: string[]; run: (command: string[]) => Promise<Sample> }> = {
    "bare Fastify start (baseline)": { command: BARE_FASTIFY, run: untilHealthy },
    "npm start, second start": { command: ["npm", "start"], run: untilHealthy },
    "gatehouse serve": { command: [process.execPath, "bin/gatehouse.js", "serve"], run: untilHealthy },
    "node -e 0 (baseline)": { command: [process.execPath, "-e", "0"], run: untilExit },
    "gatehouse --help": { command: [process.execPath, "bin/gatehouse.js", "--help"], run: untilExit },
  };
  const samples: Record<string, Sample[]> = Object.fromEntries(Object.keys(cases).map((k) => [k, []]));
  for (let i = 0; i < REPETITIONS; i++) {
    for (const [name, c] of Object.entries(cases)) samples[name]!.push(await c.run(c.command));
  }
  const figures: Record<string, unknown> = { loadAverage: os.loadavg() };
  console.log(`\n| run | wall ms min / median / max | CPU ms min / median / max |\n|---|---|---|`);
  for (const [name, list] of Object.entries(samples)) {
    const wall = spread(list.map((s) => s.wallMs));
    const cpu = spread(list.map((s) => s.cpuMs));
    figures[name] = { wallMs: wall, cpuMs: cpu };
    console.log(`| ${name} | ${formatSpread(wall, (n) => n.toFixed(0))} | ${formatSpread(cpu, (n) => n.toFixed(0))} |`);
  }
  console.log(`load average after: ${os.loadavg().map((l) => l.toFixed(1)).join(" ")}`);
  recordResults("startup", figures);
  if (!process.env.BENCH_DATA_DIR) fs.rmSync(dataDir, { recursive: true, force: true });
}

await main();
