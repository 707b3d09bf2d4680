import { Option, type Command } from "commander";
import { findDistrictBySlug } from "../features/auth/repo.js";
import { csvLine, EXPORT_COLUMNS, exportAudit, jsonLine } from "../features/audit/export-audit.js";
import { withDatabase } from "./context.js";
import { cli, type CliStream, fail } from "./io.js";

const EXIT_BAD_INPUT = 2;

export function registerAudit(program: Command) {
  const cmd = program.command("audit").description("The audit log and FERPA's record of access");
  cmd
    .command("export")
    .description("Stream the audit log and the FERPA access log from a date, for a SIEM or an auditor (one entry per line)")
    .requiredOption("--since <date>", "entries at or after this date or moment, e.g. 2026-09-01 or 2026-09-01T08:00:00Z")
    .option("--district <slug>", "only this district's entries (the vendor's own entries have no district)")
    .addOption(new Option("--format <format>", "jsonl: one JSON object per line; csv: a header and one row per entry").choices(["jsonl", "csv"]).default("jsonl"))
    .action(async (o: { since: string; district?: string; format: "jsonl" | "csv" }) => {
      const since = new Date(o.since);
      if (Number.isNaN(since.getTime())) return fail(`--since "${o.since}" is not a date; use e.g. 2026-09-01`, EXIT_BAD_INPUT);
      await withDatabase(async (database) => {
        const district = o.district ? await findDistrictBySlug(database.db, o.district) : undefined;
        if (o.district && !district) return fail(`There is no district "${o.district}".`);
        const stdout = cli().stdout;
        if (o.format === "csv") await write(stdout, EXPORT_COLUMNS.join(",") + "\r\n");
        for await (const batch of exportAudit(database, { since, districtId: district?.id })) {
          await write(stdout, batch.map(o.format === "csv" ? csvLine : jsonLine).join(""));
        }
      });
    });
}

/** Writes and waits while the reader is behind, so a slow pipe does not pile the log up in memory. */
function write(stream: CliStream, text: string): Promise<void> {
  return new Promise((resolve) => (stream.write(text) ? resolve() : stream.once("drain", () => resolve())));
}
