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
    command: `npx tsx ${path.relative(process.cwd(), process.argv[1] ?? "")} ${process.argv.slice(2).join(" ")}`.trim(),
    figures,
  };
  fs.writeFileSync(file, `${JSON.stringify(all, null, 2)}\n`);
}
