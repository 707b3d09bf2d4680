import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

const file = path.join(path.dirname(fileURLToPath(import.meta.url)), "..", "results.json");

/** Merges one benchmark's figures into bench/results.json under its name, keeping the others'. */
export function recordResults(name: string, figures: unknown): void {
  const all = fs.existsSync(file) ? (JSON.parse(fs.readFileSync(file, "utf8")) as Record<string, unknown>) : {};
  all[name] = {
    date: new Date().toISOString(),
    node: process.version,
    machine: `${os.cpus().length} × ${os.cpus()[0]?.model ?? "cpu"}, ${os.platform()} ${os.release()}`,
    command: commandLine(),
    figures,
  };
  fs.writeFileSync(file, `${JSON.stringify(all, null, 2)}\n`);
}

/** How to run it again: bench/run.ts runs a bundled benchmark from bench/.build/<name>.mjs. */
function commandLine(): string {
  const script = path.relative(process.cwd(), process.argv[1] ?? "");
  const args = process.argv.slice(2).join(" ");
  const bundled = /(?:^|\/)\.build\/([^/]+)\.mjs$/.exec(script);
  return (bundled ? `npm run bench -- ${bundled[1]} ${args}` : `npx tsx ${script} ${args}`).trim();
}
