import type { Command } from "commander";
import cliProgress from "cli-progress";
import { formatProblem } from "../domain/oneroster/csv-files.js";
import { findDistrictBySlug } from "../features/auth/repo.js";
import { refuseWhileImporting } from "../features/oneroster/import-lock.js";
import { startImportJob } from "../features/oneroster/import-jobs.js";
import type { ImportSummary } from "../features/oneroster/import-oneroster.js";
import { AppError } from "../platform/http/errors.js";
import { openSetPath } from "../features/oneroster/read-source.js";
import { cli, err, out, resolvePath, setExitCode } from "./io.js";
import { withDatabase } from "./context.js";

/** Exit code of a set that is not valid (nothing was written). */
export const EXIT_INVALID_SET = 2;

export function formatSummary(summary: ImportSummary): string {
  const lines = Object.entries(summary)
    .filter(([kind]) => kind !== "links")
    .map(([kind, t]) => `  ${kind.padEnd(17)} ${t.created} created, ${t.changed} changed, ${t.ended} ended`);
  return `${lines.join("\n")}\n  rows              ${summary.links.created} new, ${summary.links.changed} changed, ${summary.links.ended} ended, ${summary.links.unchanged} unchanged\n`;
}

export async function runOneRosterImport(file: string, o: { district: string; dryRun?: boolean }): Promise<number> {
  return withDatabase(async (database) => {
    const district = await findDistrictBySlug(database.db, o.district);
    if (!district) {
      err(`There is no district "${o.district}".\n`);
      return 1;
    }
    let source;
    try {
      source = await openSetPath(resolvePath(file));
    } catch (error) {
      err(`${file}: cannot read the OneRoster set (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})\n`);
      return 1;
    }
    // A bar per stage on a terminal (the stderr of the operator, also through the admin socket).
    const stream = cli().stderr as NodeJS.WritableStream & { isTTY?: boolean };
    const bar = new cliProgress.SingleBar({ stream, format: "{stage} [{bar}] {value}/{total}", hideCursor: true, noTTYOutput: false }, cliProgress.Presets.shades_classic);
    let stage = "";
    let failure: unknown = null;
    let started;
    try {
      // the server's job list: a web upload of the same district running meanwhile refuses this one, and the other way round
      await refuseWhileImporting(database.db, { districtId: district.id });
      started = startImportJob(database.db, { districtId: district.id }, source, {
        dryRun: Boolean(o.dryRun),
        by: null,
        now: new Date(),
        onFailure: (error) => void (failure = error),
        onProgress: (name, done, total) => {
          if (!stream.isTTY) return;
          if (name !== stage) {
            if (stage) bar.stop();
            stage = name;
            bar.start(Math.max(total, done, 1), done, { stage: name.padEnd(22) });
          } else bar.update(done, { stage: name.padEnd(22) });
        },
      });
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      err(`${error.message}\n`);
      return 1;
    }
    const job = await started.finished;
    if (stage) bar.stop();
    if (failure instanceof AppError && failure.status < 500) {
      err(`${failure.message}\n`);
      return 1;
    }
    if (failure) throw failure;
    if (job.problems) {
      for (const p of job.problems) err(`${formatProblem(p)}\n`);
      err(`${file}: ${job.problems.length} problem${job.problems.length === 1 ? "" : "s"}; nothing was imported\n`);
      return EXIT_INVALID_SET;
    }
    const result = job.result!;
    out(`${result.dryRun ? "Dry run (nothing was written): would import" : "Imported"} ${file} into ${district.slug}:\n${formatSummary(result.summary)}`);
    if (result.automation.ran) out(`Staff account automation: ${result.automation.actions} action${result.automation.actions === 1 ? "" : "s"} (see Staff automation > Run history).\n`);
    return 0;
  });
}

export function registerOneRoster(program: Command) {
  const cmd = program.command("oneroster").description("OneRoster 1.2 CSV: import a set from a student information system");
  cmd
    .command("import")
    .description("Import a OneRoster 1.2 CSV set (a folder or a .zip with manifest.csv); the whole set is checked first and an invalid set changes nothing (exit 2)")
    .argument("<path>", "folder or .zip holding manifest.csv, orgs.csv, academicSessions.csv, users.csv, roles.csv, …")
    .requiredOption("--district <slug>", "the district to import into")
    .option("--dry-run", "check and count what would change, write nothing")
    .action(async (file: string, o: { district: string; dryRun?: boolean }) => setExitCode(await runOneRosterImport(file, o)));
}
