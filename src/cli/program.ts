import { Command, CommanderError } from "commander";
import { DataDirLockedError } from "../platform/db/data-dir-lock.js";
import { fail } from "./context.js";
import { cli, err, out } from "./io.js";
import { registerMigrate } from "./migrate.js";
import { registerSeed } from "./seed.js";
import { registerServe } from "./serve.js";
import { registerUsers } from "./users.js";

/** Every `gatehouse` command, writing through `cli()` so the same program runs in a server. */
export async function createProgram(): Promise<Command> {
  const program = new Command()
    .name("gatehouse")
    .description("Gatehouse: tool rights, calendar rights, protected data and authorized support contacts for a student information system")
    .showHelpAfterError()
    // Set before the commands are added: subcommands inherit both.
    .exitOverride()
    .configureOutput({ writeOut: out, writeErr: err, getOutHelpWidth: () => cli().stdout.columns ?? 80, getErrHelpWidth: () => cli().stderr.columns ?? 80 });

  registerServe(program);
  registerMigrate(program);
  registerSeed(program);
  registerUsers(program);
  (await import("./contacts.js")).registerContacts(program);
  (await import("./policy.js")).registerPolicy(program);
  (await import("./backup.js")).registerBackup(program);
  (await import("./audit.js")).registerAudit(program);
  return program;
}

/** Parses and runs one command line (`argv` as in process.argv); returns its exit code. */
export async function runProgram(argv: string[]): Promise<number> {
  const program = await createProgram();
  try {
    await program.parseAsync(argv);
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode;
    if (!(error instanceof DataDirLockedError)) throw error;
    fail(error.message);
  }
  return cli().exitCode ?? 0;
}
