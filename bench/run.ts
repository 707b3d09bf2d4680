// `npm run bench [name…]`: runs every benchmark in bench/ (or the named ones) one after another,
// each in its own process so one's memory and JIT state do not colour the next.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const dir = path.dirname(fileURLToPath(import.meta.url));
const all = fs.readdirSync(dir).filter((f) => f.endsWith("-bench.ts")).sort();
// `--size state` (and any other flag) goes to every benchmark; other words pick benchmarks by name
const args = process.argv.slice(2);
const flags = args.flatMap((a, i) => (a.startsWith("--") ? [a, ...(args[i + 1] && !args[i + 1]!.startsWith("--") ? [args[i + 1]!] : [])] : []));
const wanted = args.filter((a) => !flags.includes(a));
const chosen = wanted.length ? all.filter((f) => wanted.some((w) => f.startsWith(w))) : all;
if (!chosen.length) {
  console.error(`No benchmark matches ${wanted.join(", ")}; there are: ${all.map((f) => f.replace("-bench.ts", "")).join(", ")}`);
  process.exit(2);
}
let failed = 0;
for (const file of chosen) {
  console.log(`\n### ${file}\n`);
  const result = spawnSync(process.execPath, ["--import", "tsx", path.join(dir, file), ...flags], { stdio: "inherit" });
  if (result.status !== 0) failed++;
}
process.exit(failed ? 1 : 0);
