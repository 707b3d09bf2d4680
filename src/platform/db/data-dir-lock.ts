import { randomBytes } from "node:crypto";
import fs from "node:fs";
import net from "node:net";
import path from "node:path";

/**
 * One writer per embedded database. PGlite keeps the database in the memory of the process that
 * opened the folder and writes it back on its own schedule: a second process on the same folder
 * works on a copy, its writes are lost or overwrite the first's, and the files can be corrupted.
 * So the process that opens a folder holds `gatehouse.lock` in it until it closes the database.
 *
 * The lock file is created with link(2), which fails if the name exists (atomic, and the file
 * is complete the moment it appears). A holder is alive while its pid exists and, for a server,
 * while something listens on its admin socket: the kernel drops a dead process's listening
 * socket, so a holder killed with -9 leaves a lock the next process sees is stale and takes over.
 */
export const LOCK_FILE = "gatehouse.lock";

export type LockHolder = {
  pid: number;
  startedAt: string;
  /** What holds it, e.g. "gatehouse serve" or "gatehouse contacts sweep" (never its arguments). */
  command: string;
  /** A server's port and admin socket (set once it listens): the CLI goes through it. */
  port: number | null;
  socket: string | null;
};

export type DataDirLock = { dir: string; holder: LockHolder; update(patch: Partial<Pick<LockHolder, "port" | "socket">>): void; release(): void };

export class DataDirLockedError extends Error {
  constructor(
    readonly dir: string,
    readonly holder: LockHolder,
  ) {
    super(`the embedded database in ${dir} is in use by ${describeHolder(holder)}`);
    this.name = "DataDirLockedError";
  }
}

export function describeHolder(h: LockHolder): string {
  if (h.command === "gatehouse serve") return `a Gatehouse server (pid ${h.pid}, port ${h.port ?? "not yet known"})`;
  return `\`${h.command}\` (pid ${h.pid}); try again when it has finished`;
}

/** The folder's current holder as written in its lock file, or null (no lock, or unreadable). */
export function readLockHolder(dir: string): LockHolder | null {
  return parse(readRaw(path.join(dir, LOCK_FILE)));
}

/** Takes the folder's lock, or throws DataDirLockedError naming the live holder in one line. */
export async function lockDataDir(dir: string, command: string): Promise<DataDirLock> {
  // Only the machine's own user may reach the database files and the admin socket inside.
  fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
  fs.chmodSync(dir, 0o700);
  const file = path.join(dir, LOCK_FILE);
  const holder: LockHolder = { pid: process.pid, startedAt: new Date().toISOString(), command, port: null, socket: null };
  for (let attempt = 0; attempt < 20; attempt++) {
    if (createExclusive(file, holder)) return handle(dir, file, holder);
    const seen = readRaw(file);
    const current = parse(seen);
    if (current && (await isAlive(current))) throw new DataDirLockedError(dir, current);
    if (seen !== null) takeOverStale(file, seen, holder);
    else await pause(25);
  }
  throw new Error(`could not take the lock on ${dir}: other processes keep taking it`);
}

function handle(dir: string, file: string, holder: LockHolder): DataDirLock {
  let released = false;
  const release = () => {
    if (released) return;
    released = true;
    process.off("exit", release);
    const current = parse(readRaw(file));
    if (current && current.pid === holder.pid && current.startedAt === holder.startedAt) fs.rmSync(file, { force: true });
  };
  process.on("exit", release); // a process that exits without closing the database still lets go
  return {
    dir,
    holder,
    update(patch) {
      Object.assign(holder, patch);
      const tmp = `${file}.${process.pid}.${randomBytes(4).toString("hex")}`;
      fs.writeFileSync(tmp, JSON.stringify(holder), { mode: 0o600 });
      fs.renameSync(tmp, file); // atomic: readers see the old or the new holder, never half
    },
    release,
  };
}

/** Creates `file` with the holder's content only if it does not exist. */
function createExclusive(file: string, holder: LockHolder): boolean {
  const tmp = `${file}.${process.pid}.${randomBytes(4).toString("hex")}`;
  fs.writeFileSync(tmp, JSON.stringify(holder), { mode: 0o600 });
  try {
    fs.linkSync(tmp, file);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "EEXIST") return false;
    throw error;
  } finally {
    fs.rmSync(tmp, { force: true });
  }
}

/**
 * Removes a stale lock, but only the one that was judged stale: two processes taking over at
 * once take turns through a second lock, so neither removes the lock the other just took.
 */
function takeOverStale(file: string, seen: string, holder: LockHolder) {
  const guard = `${file}.takeover`;
  if (!createExclusive(guard, holder)) {
    // A guard that vanished was let go (try again); only a dead process's guard is removed, or a
    // guard just taken by a third process could be removed and two would take over at once.
    const other = parse(readRaw(guard));
    if (other && !pidExists(other.pid)) fs.rmSync(guard, { force: true });
    return;
  }
  try {
    if (readRaw(file) === seen) fs.rmSync(file, { force: true });
  } finally {
    fs.rmSync(guard, { force: true });
  }
}

async function isAlive(h: LockHolder): Promise<boolean> {
  if (!pidExists(h.pid)) return false;
  if (!h.socket) return true;
  return new Promise((resolve) => {
    const conn = net.connect(h.socket!);
    conn.once("connect", () => {
      conn.destroy();
      resolve(true);
    });
    conn.once("error", (error: NodeJS.ErrnoException) => resolve(!(error.code === "ECONNREFUSED" || error.code === "ENOENT")));
  });
}

function pidExists(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

function readRaw(file: string): string | null {
  try {
    return fs.readFileSync(file, "utf8");
  } catch {
    return null;
  }
}

function parse(raw: string | null): LockHolder | null {
  if (raw === null) return null;
  try {
    const h = JSON.parse(raw) as LockHolder;
    return typeof h.pid === "number" ? h : null;
  } catch {
    return null;
  }
}

const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));
