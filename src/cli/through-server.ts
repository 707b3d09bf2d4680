import net from "node:net";
import { readLockHolder } from "../platform/db/data-dir-lock.js";
import { jsonLines, type AdminFrame, type AdminRequest } from "./admin-frames.js";

/**
 * The one decision of `gatehouse`: run a command here, or through the server that owns the
 * embedded database. When a live server holds the data folder, the command line goes through
 * its admin socket (see admin-channel.ts) and this returns the command's exit code; otherwise
 * null, and the command runs in this process (taking the folder's lock itself).
 */
export async function runThroughServer(argv: string[]): Promise<number | null> {
  const command = argv[2];
  if (!command || command.startsWith("-") || command === "serve" || command === "help") return null;
  let dataDir: string;
  try {
    // loaded here, not at the top: `gatehouse --help` and `serve` never need it before the command runs
    const { loadConfig } = await import("../platform/config.js");
    const config = loadConfig();
    if (config.databaseUrl) return null; // PostgreSQL: every process may write
    dataDir = config.dataDir;
  } catch {
    return null; // the command itself reports the bad configuration
  }
  const holder = readLockHolder(dataDir);
  if (!holder?.socket) return null;
  return forward(holder.socket, {
    argv: argv.slice(2),
    cwd: process.cwd(),
    env: Object.fromEntries(Object.entries(process.env).filter((e): e is [string, string] => e[1] !== undefined)),
    stdout: { isTTY: Boolean(process.stdout.isTTY), columns: process.stdout.columns ?? null },
    stderr: { isTTY: Boolean(process.stderr.isTTY), columns: process.stderr.columns ?? null },
  });
}

function forward(socket: string, request: AdminRequest): Promise<number | null> {
  return new Promise((resolve) => {
    let answered = false;
    let exitCode: number | null = null;
    const conn = net.connect(socket);
    conn.on("connect", () => conn.write(JSON.stringify(request) + "\n"));
    conn.on(
      "data",
      jsonLines((frame: AdminFrame) => {
        answered = true;
        if (frame.t === "exit") return void (exitCode = frame.code);
        const stream = frame.t === "out" ? process.stdout : process.stderr;
        // Reads no faster than the operator's terminal or pipe takes it (the server waits too).
        if (!stream.write(frame.d)) {
          conn.pause();
          stream.once("drain", () => conn.resume());
        }
      }),
    );
    conn.on("error", (error: NodeJS.ErrnoException) => {
      // Nobody listens: the holder died. Run here; the lock is found stale and taken over.
      if (!answered && (error.code === "ECONNREFUSED" || error.code === "ENOENT")) return resolve(null);
      process.stderr.write(`gatehouse: the server's admin socket ${socket} failed: ${error.message}\n`);
      resolve(1);
    });
    conn.on("close", () => {
      if (exitCode === null && answered) process.stderr.write("gatehouse: the server closed the admin socket before the command finished\n");
      resolve(exitCode ?? (answered ? 1 : null));
    });
  });
}
