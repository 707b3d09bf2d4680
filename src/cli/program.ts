import { Command, CommanderError } from "commander";
import { DataDirLockedError } from "../platform/db/data-dir-lock.js";
import { cli, err, fail, out } from "./io.js";
import { COMMANDS } from "./commands.js";

/** Every `gatehouse` command, writing through `cli()` so the same program runs in a server. */
export async function createProgram(argv: string[]): Promise<Command> {
  const program = new Command()
    .name("gatehouse")
    .description("Gatehouse: tool rights, calendar rights, protected data and authorized support contacts for a student information system")
    .showHelpAfterError()
    // Set before the commands are added: subcommands inherit both.
    .exitOverride()
    .configureOutput({ writeOut: out, writeErr: err, getOutHelpWidth: () => cli().stdout.columns ?? 80, getErrHelpWidth: () => cli().stderr.columns ?? 80 });

  // The program has no options of its own, so the first word is the command (`help serve` names
  // serve); only that command is loaded, so `--help` and each command load only what they use.
  const words = argv.slice(2).filter((a) => !a.startsWith("-"));
  const named = COMMANDS.find((c) => c.name === (words[0] === "help" ? words[1] : words[0]));
  if (named) (await named.load())(program);
  else for (const c of COMMANDS) program.command(c.name).summary(c.summary);
  return program;
}

/** Parses and runs one command line (`argv` as in process.argv); returns its exit code. */
export async function runProgram(argv: string[]): Promise<number> {
  const program = await createProgram(argv);
  try {
    await program.parseAsync(argv);
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode;
    if (!(error instanceof DataDirLockedError)) throw error;
    fail(error.message);
  }
  return cli().exitCode ?? 0;
}
