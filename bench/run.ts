// `npm run bench [name…] [--size state] [--tsx]`: runs the benchmarks below (or the named ones,
// by prefix) one after another, each in its own process so one's memory and JIT state do not
// colour the next. By default each file is first bundled with esbuild without keepNames (as a
// compiled build runs); --tsx runs the TypeScript through tsx instead (which wraps every named
// closure in __name()). BENCH_NODE_FLAGS adds node flags, e.g. "--cpu-prof --cpu-prof-dir=prof".
// To add a benchmark: one file in bench/, one line in this list.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

// tsx: run through tsx even by default (code that finds files relative to its own module, such
// as the database migrations, cannot be bundled into bench/.build)
const BENCHMARKS: { name: string; file: string; tsx?: boolean }[] = [
  { name: "rights-check", file: "rights/check.ts" },
  { name: "rights-string-api", file: "rights/string-api.ts" },
  { name: "rights-compile", file: "rights/compile.ts" },
  { name: "rights-recompile", file: "rights/recompile.ts" },
  { name: "rights-who-has-access", file: "rights/who-has-access.ts" },
  { name: "adhoc", file: "adhoc-bench.ts", tsx: true },
  { name: "sweep", file: "sweep-bench.ts", tsx: true },
  { name: "http", file: "http-bench.ts" },
  { name: "oneroster", file: "oneroster-bench.ts", tsx: true },
  { name: "scim-bulk", file: "scim-bulk-bench.ts", tsx: true },
  { name: "startup", file: "startup-bench.ts", tsx: true },
];

const dir = path.dirname(fileURLToPath(import.meta.url));
const args = process.argv.slice(2);
const useTsx = args.includes("--tsx");
const passOn: string[] = [];
const wanted: string[] = [];
for (let i = 0; i < args.length; i++) {
  if (args[i] === "--tsx") continue;
  if (args[i] === "--size") passOn.push("--size", args[++i] ?? "quick");
  else wanted.push(args[i]!);
}
const chosen = wanted.length ? BENCHMARKS.filter((b) => wanted.some((w) => b.name.startsWith(w))) : BENCHMARKS;
if (!chosen.length) {
  console.error(`No benchmark matches ${wanted.join(", ")}; there are: ${BENCHMARKS.map((b) => b.name).join(", ")}`);
  process.exit(2);
}

async function bundle(file: string, name: string): Promise<string> {
  const { build } = await import("esbuild");
  const outfile = path.join(dir, ".build", `${name}.mjs`);
  await build({ entryPoints: [path.join(dir, file)], outfile, bundle: true, platform: "node", format: "esm", target: "node20", packages: "external", keepNames: false, sourcemap: "linked", logLevel: "warning" });
  return outfile;
}

const nodeFlags = (process.env.BENCH_NODE_FLAGS ?? "").split(" ").filter(Boolean);
let failed = 0;
for (const b of chosen) {
  const tsx = useTsx || b.tsx === true;
  console.log(`\n### ${b.name} (${b.file}, ${tsx ? "tsx" : "esbuild bundle"})\n`);
  const entry = tsx ? ["--import", "tsx", path.join(dir, b.file)] : ["--enable-source-maps", await bundle(b.file, b.name)];
  const env = { ...process.env, BENCH_MODE: tsx ? "tsx" : "bundled (esbuild, no keepNames)" };
  const result = spawnSync(process.execPath, [...nodeFlags, ...entry, ...passOn], { stdio: "inherit", env });
  if (result.status !== 0) failed++;
}
fs.rmSync(path.join(dir, ".build"), { recursive: true, force: true });
process.exit(failed ? 1 : 0);
