import { spawn } from "node:child_process";

export type Progress = { start(total: number): void; increment(): void; stop(): void };

/** pg_dump/pg_restore refuse (or silently mis-handle) a server newer than themselves. */
export async function checkClientVersion(tool: "pg_dump" | "pg_restore", serverVersionNum: number): Promise<void> {
  const text = await output(tool, ["--version"]).catch(() => {
    throw new Error(`${tool} is not installed; install the PostgreSQL client tools of the server's major version (Debian: postgresql-client)`);
  });
  const client = Number(/(\d+)(?:\.\d+)?/.exec(text)?.[1]);
  const server = Math.floor(serverVersionNum / 10_000);
  if (client < server) throw new Error(`${tool} ${client} cannot handle PostgreSQL ${server}; install ${tool} ${server} or later`);
}

/**
 * The URL for a client tool's `--dbname` without its password, and the password in `PGPASSWORD`:
 * a command line is readable by every user of the machine (`ps`), a process's environment is not.
 */
export function clientConnection(url: string): { dbname: string; env: NodeJS.ProcessEnv } {
  const parsed = new URL(url);
  const password = parsed.searchParams.get("password") ?? (parsed.password ? decodeURIComponent(parsed.password) : undefined);
  parsed.password = "";
  parsed.searchParams.delete("password");
  return { dbname: parsed.toString(), env: password === undefined ? {} : { PGPASSWORD: password } };
}

/** `pg_dump -Fc` of the whole database into `file`; progress counts the tables as they are dumped. */
export async function dumpPostgres(url: string, file: string, tables: number, progress: Progress): Promise<void> {
  const { dbname, env } = clientConnection(url);
  progress.start(tables);
  try {
    await run("pg_dump", ["--format=custom", "--no-owner", "--no-privileges", "--verbose", `--file=${file}`, `--dbname=${dbname}`], env, (line) => {
      if (/dumping contents of table/.test(line)) progress.increment();
    });
  } finally {
    progress.stop();
  }
}

/** Restores a `pg_dump -Fc` file in one transaction, replacing what the database holds. */
export async function restorePostgres(url: string, file: string, progress: Progress): Promise<void> {
  const { dbname, env } = clientConnection(url);
  const entries = (await output("pg_restore", ["--list", file])).split("\n").filter((l) => l && !l.startsWith(";")).length;
  progress.start(entries);
  try {
    await run("pg_restore", ["--clean", "--if-exists", "--no-owner", "--no-privileges", "--single-transaction", "--exit-on-error", "--verbose", `--dbname=${dbname}`, file], env, (line) => {
      if (/^pg_restore: (creating|processing|dropping)/.test(line)) progress.increment();
    });
  } finally {
    progress.stop();
  }
}

function output(command: string, args: string[]): Promise<string> {
  let text = "";
  return run(command, args, {}, () => undefined, (d) => (text += d)).then(() => text);
}

/** Runs a client tool; its stderr lines go to `onLine`; a failure carries the tool's last words. */
function run(command: string, args: string[], env: NodeJS.ProcessEnv, onLine: (line: string) => void, onStdout?: (d: string) => void): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: ["ignore", "pipe", "pipe"], env: { ...process.env, ...env } });
    const tail: string[] = [];
    let buffered = "";
    child.stdout.on("data", (d: Buffer) => onStdout?.(d.toString()));
    child.stderr.on("data", (d: Buffer) => {
      buffered += d.toString();
      const lines = buffered.split("\n");
      buffered = lines.pop()!;
      for (const line of lines) {
        onLine(line);
        if (!/^pg_(dump|restore): (creating|processing|dumping|reading|saving|dropping|executing|last built-in|identifying|finding|flagging|implied)/.test(line)) tail.push(line);
      }
    });
    child.on("error", reject);
    child.on("close", (code) => (code === 0 ? resolve() : reject(new Error(`${command} failed (exit ${code}): ${tail.slice(-3).join(" ").replace(/postgres(ql)?:\/\/[^\s]*/g, "<DATABASE_URL>")}`))));
  });
}
