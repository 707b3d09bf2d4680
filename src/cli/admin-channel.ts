import { createHash } from "node:crypto";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { Writable } from "node:stream";
import { z } from "zod";
import type { Config } from "../platform/config.js";
import type { Database } from "../platform/db/connect.js";
import { describeHolder } from "../platform/db/data-dir-lock.js";
import { jsonLines, type AdminFrame } from "./admin-frames.js";
import { runWithIo, type CliStream } from "./io.js";

const ZTerminal = z.object({ isTTY: z.boolean(), columns: z.number().int().positive().nullable() });
const ZAdminRequest = z.object({ argv: z.array(z.string()), cwd: z.string(), env: z.record(z.string(), z.string()), stdout: ZTerminal, stderr: ZTerminal });

// Unix socket paths are limited to 108 bytes (sun_path), the terminating NUL included.
const MAX_SOCKET_PATH = 107;

export type AdminChannel = { socket: string; close(): Promise<void> };

/**
 * The local admin channel of a server on an embedded database: a Unix socket (mode 0600 in a
 * folder of the user's own with mode 0700, so only the machine's own user can open it; its path
 * is in the data folder's lock file). It is not inside the data folder itself: PGlite's backup
 * (dumpDataDir) tars that folder and fails on a socket. The CLI, finding
 * the folder held by this server, sends its command line here; the server runs the same command
 * in-process on its own database and streams the output and exit code back. Writes therefore
 * happen in the one process that owns the database, and mail they cause is delivered by it.
 */
export async function startAdminChannel(input: { database: Database; config: Config }): Promise<AdminChannel> {
  const lock = input.database.dataDirLock;
  if (!lock) throw new Error("the admin channel belongs to a server on an embedded database");
  const socket = socketPathFor(lock.dir);
  fs.rmSync(socket, { force: true }); // we hold the folder's lock: a socket left here is a dead holder's
  const open = new Set<net.Socket>();
  const server = net.createServer((conn) => {
    open.add(conn);
    conn.on("close", () => open.delete(conn));
    conn.on("error", () => undefined); // the operator pressed Ctrl-C: the command still finishes
    let started = false;
    conn.on(
      "data",
      jsonLines((request: unknown) => {
        if (started) return;
        started = true;
        void serve(conn, request, input);
      }),
    );
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(socket, () => resolve());
  });
  fs.chmodSync(socket, 0o600);
  lock.update({ socket });
  return {
    socket,
    close: async () => {
      lock.update({ socket: null });
      for (const conn of open) conn.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      fs.rmSync(socket, { force: true });
    },
  };
}

/** `$TMPDIR/gatehouse-<uid>/<hash of the data folder>.sock`, in a folder that must be the user's own. */
function socketPathFor(dataDir: string): string {
  const uid = process.getuid?.() ?? 0;
  const dir = path.join(os.tmpdir(), `gatehouse-${uid}`);
  fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
  const st = fs.lstatSync(dir);
  if (!st.isDirectory() || st.uid !== uid || (st.mode & 0o077) !== 0) throw new Error(`${dir} must be a folder of your own with mode 0700 (it holds Gatehouse's admin sockets); remove it and start again`);
  const socket = path.join(dir, `${createHash("sha256").update(dataDir).digest("hex").slice(0, 16)}.sock`);
  if (Buffer.byteLength(socket) > MAX_SOCKET_PATH) throw new Error(`TMPDIR is too long for the admin socket (${socket}); use a shorter TMPDIR`);
  return socket;
}

async function serve(conn: net.Socket, raw: unknown, input: { database: Database; config: Config }) {
  const send = (frame: AdminFrame) => conn.destroyed || conn.write(JSON.stringify(frame) + "\n");
  const parsed = ZAdminRequest.safeParse(raw);
  if (!parsed.success) {
    send({ t: "err", d: "gatehouse: the admin channel did not understand the request\n" });
    return void conn.end(JSON.stringify({ t: "exit", code: 1 }) + "\n");
  }
  const request = parsed.data;
  let code: number;
  const stderr = stream("err", send, request.stderr, conn);
  if (request.argv[0] === "serve") {
    stderr.write(`gatehouse: the embedded database in ${input.config.dataDir} is in use by ${describeHolder(input.database.dataDirLock!.holder)}\n`);
    code = 1;
  } else {
    const io = { stdout: stream("out", send, request.stdout, conn), stderr, cwd: request.cwd, env: request.env, exitCode: undefined, server: input };
    try {
      // Loaded here: program.ts imports every command, and this module is part of `serve`.
      const { runProgram } = await import("./program.js");
      code = await runWithIo(io, () => runProgram(["node", "gatehouse", ...request.argv]));
    } catch (error) {
      stderr.write(`${(error as Error).stack ?? String(error)}\n`);
      code = 1;
    }
  }
  if (!conn.destroyed) conn.end(JSON.stringify({ t: "exit", code } satisfies AdminFrame) + "\n");
}

/**
 * A stream that sends what is written as frames; it looks like the operator's terminal. It
 * finishes a write only when the socket has taken it, so a command that waits for "drain" (a
 * long export) runs at the operator's pace instead of piling output up in the server.
 */
function stream(t: "out" | "err", send: (f: AdminFrame) => boolean, terminal: z.infer<typeof ZTerminal>, conn: net.Socket): CliStream {
  const w = new Writable({
    decodeStrings: false,
    write(chunk: Buffer | string, _encoding, callback) {
      if (send({ t, d: chunk.toString() }) || conn.destroyed) return callback();
      const done = () => {
        conn.off("drain", done).off("close", done);
        callback();
      };
      conn.once("drain", done).once("close", done);
    },
  });
  return Object.assign(w, { isTTY: terminal.isTTY, columns: terminal.columns ?? undefined });
}
