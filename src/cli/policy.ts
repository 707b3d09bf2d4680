import { readFile } from "node:fs/promises";
import type { Command } from "commander";
import { LineCounter, parseDocument } from "yaml";
import { getCatalog } from "../domain/rights/catalog.js";
import { parsePolicy } from "../domain/policy/parse-policy.js";
import { formatPolicyError, type PolicyDocument } from "../domain/policy/policy-document.js";
import { formatAssertionReport, runAssertions } from "../domain/policy/run-assertions.js";
import { locate } from "../domain/policy/yaml-locate.js";
import { applyPolicy, PolicyApplyError } from "../features/rights/policy/apply-policy.js";
import { exportDistrictYaml } from "../features/rights/policy/export-district.js";
import type { Database } from "../platform/db/connect.js";
import { issueMissingPasswordLinks } from "../features/users/password-links.js";
import { portalBaseUrl } from "../features/lifecycle/sweep-options.js";
import { loadConfig } from "../platform/config.js";
import { withDatabase } from "./context.js";
import { err, fail, out, resolvePath, setExitCode } from "./io.js";
import { formatPasswordLinks } from "./password-link-output.js";

/** Exit code for a file that is not a valid policy (as opposed to assertions that fail). */
export const EXIT_BAD_FILE = 2;

export type Output = { out(text: string): void; err(text: string): void };
const stdio: Output = { out, err };

/** Reads and validates a policy file; prints every error (file:line:col, message, suggestion). */
async function loadPolicy(file: string, io: Output): Promise<{ policy: PolicyDocument; text: string } | null> {
  let text: string;
  try {
    text = await readFile(resolvePath(file), "utf8");
  } catch (error) {
    io.err(`${file}: cannot read the file (${(error as NodeJS.ErrnoException).code ?? String(error)})\n`);
    return null;
  }
  const parsed = parsePolicy(text, file);
  if (parsed.ok) return { policy: parsed.policy, text };
  for (const e of parsed.errors) io.err(`${formatPolicyError(e)}${e.suggestion && !e.message.includes("did you mean") ? ` (did you mean "${e.suggestion}"?)` : ""}\n`);
  io.err(`${file}: ${parsed.errors.length} error${parsed.errors.length === 1 ? "" : "s"}; nothing was checked or applied\n`);
  return null;
}

/** `policy test`: pure, no database. Returns the exit code. */
export async function runPolicyTest(file: string, io: Output = stdio, now?: Date): Promise<number> {
  const loaded = await loadPolicy(file, io);
  if (!loaded) return EXIT_BAD_FILE;
  const report = runAssertions(loaded.policy, getCatalog(), now ? { now } : {});
  io.out(`${formatAssertionReport(report)}\n`);
  return report.failed === 0 ? 0 : 1;
}

/** `policy apply`: validate fully, then change the database in one transaction. Returns the exit code. */
export async function runPolicyApply(database: Database, file: string, io: Output = stdio): Promise<number> {
  const loaded = await loadPolicy(file, io);
  if (!loaded) return EXIT_BAD_FILE;
  const { policy } = loaded;
  try {
    io.err(`Applying ${file} to district "${policy.district}"…\n`);
    const result = await applyPolicy(database.db, policy);
    for (const c of result.changes) io.err(`  ${c}\n`);
    io.out(
      result.changes.length === 0
        ? `No changes: district "${policy.district}" already matches ${file}.\n`
        : `Applied ${file}: ${result.changes.length} change${result.changes.length === 1 ? "" : "s"} to district "${policy.district}".\n`,
    );
    // Users the file created have no password: each gets a one-time link (and an email).
    const links = await issueMissingPasswordLinks(database.db, portalBaseUrl(loadConfig()), result.districtId, new Date());
    io.out(formatPasswordLinks(links));
    return 0;
  } catch (error) {
    if (!(error instanceof PolicyApplyError)) throw error;
    const lc = new LineCounter();
    const doc = parseDocument(loaded.text, { lineCounter: lc });
    for (const p of error.problems) {
      const at = locate(doc, lc, p.path);
      io.err(`${file}:${at.line}:${at.column}: ${p.message}\n`);
    }
    io.err(`${file}: ${error.problems.length} problem${error.problems.length === 1 ? "" : "s"} this database cannot hold; nothing was applied\n`);
    return EXIT_BAD_FILE;
  }
}

/** `policy export`: the district as YAML on stdout. Returns the exit code. */
export async function runPolicyExport(database: Database, district: string, io: Output = stdio): Promise<number> {
  const yaml = await exportDistrictYaml(database.db, district);
  if (yaml === null) {
    io.err(`There is no district named "${district}".\n`);
    return 1;
  }
  io.out(yaml);
  return 0;
}

export function registerPolicy(program: Command) {
  const cmd = program.command("policy").description("Policy as code: test, apply and export a district's rights as YAML");
  cmd
    .command("test")
    .description("Check a policy file's assertions against the rules (no database); exit 0 only when all hold")
    .argument("<file>", "policy file (YAML)")
    .option("--as-of <date>", "evaluate assertions without asOf at this date instead of now")
    .action(async (file: string, o: { asOf?: string }) => {
      const now = o.asOf ? new Date(o.asOf) : undefined;
      if (now && Number.isNaN(now.getTime())) return fail(`--as-of "${o.asOf}" is not a date; use e.g. 2026-08-15`);
      setExitCode(await runPolicyTest(file, stdio, now));
    });
  cmd
    .command("apply")
    .description("Make the database (DATABASE_URL, or GATEHOUSE_DATA_DIR) match a policy file, in one transaction; a bad file changes nothing")
    .argument("<file>", "policy file (YAML)")
    .action(async (file: string) => {
      setExitCode(await withDatabase((database) => runPolicyApply(database, file)));
    });
  cmd
    .command("export")
    .description("Print a district's groups, rights, users and contacts as a policy file")
    .requiredOption("--district <name>", "the district's name, as in the policy file")
    .action(async (o: { district: string }) => {
      setExitCode(await withDatabase((database) => runPolicyExport(database, o.district)));
    });
}
