import { AsyncLocalStorage } from "node:async_hooks";
import path from "node:path";
import type { Config } from "../platform/config.js";
import type { Database } from "../platform/db/connect.js";

/** A terminal-like output: what cli-progress and commander need to know about where text goes. */
export type CliStream = NodeJS.WritableStream & { isTTY?: boolean; columns?: number };

/**
 * Where a command's output goes and where it runs. A command run by `gatehouse` itself uses the
 * process's own; a command an operator sends to a running server through its admin socket uses
 * the socket, the operator's working folder and environment, and the server's database. Commands
 * reach it through `cli()` rather than a parameter so every command file keeps one shape.
 */
export type CliIo = {
  stdout: CliStream;
  stderr: CliStream;
  cwd: string;
  env: NodeJS.ProcessEnv;
  exitCode: number | undefined;
  /** Set when the command runs inside a server: its database and configuration. */
  server?: { database: Database; config: Config };
};

const processIo: CliIo = {
  stdout: process.stdout,
  stderr: process.stderr,
  get cwd() {
    return process.cwd();
  },
  env: process.env,
  get exitCode() {
    return typeof process.exitCode === "number" ? process.exitCode : undefined;
  },
  set exitCode(code) {
    process.exitCode = code;
  },
};

const current = new AsyncLocalStorage<CliIo>();

export function cli(): CliIo {
  return current.getStore() ?? processIo;
}

export function runWithIo<T>(io: CliIo, work: () => Promise<T>): Promise<T> {
  return current.run(io, work);
}

export const out = (text: string) => void cli().stdout.write(text);
export const err = (text: string) => void cli().stderr.write(text);
export const setExitCode = (code: number) => void (cli().exitCode = code);

/** Prints a one-line error the operator can act on and sets a failing exit code. */
export function fail(message: string, exitCode = 1): void {
  err(`gatehouse: ${message}\n`);
  setExitCode(exitCode);
}
/** A path the operator typed, from the folder they typed it in. */
export const resolvePath = (file: string) => path.resolve(cli().cwd, file);
