import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { DataDirLockedError, LOCK_FILE, lockDataDir, readLockHolder } from "./data-dir-lock.js";

const root = fs.mkdtempSync(path.join(os.tmpdir(), "gh-lock-"));
afterAll(() => fs.rmSync(root, { recursive: true, force: true }));
let n = 0;
const folder = () => path.join(root, `data-${++n}`);

/** The pid of a process that has exited (a holder killed with -9 leaves such a pid behind). */
function deadPid(): number {
  return spawnSync(process.execPath, ["-e", ""]).pid!;
}

describe("lockDataDir", () => {
  it("creates the folder for the machine's own user only, and writes who holds it", async () => {
    const dir = folder();
    const lock = await lockDataDir(dir, "gatehouse contacts sweep");
    expect(fs.statSync(dir).mode & 0o777).toBe(0o700);
    expect(readLockHolder(dir)).toMatchObject({ pid: process.pid, command: "gatehouse contacts sweep", port: null, socket: null });
    lock.update({ port: 4321 });
    expect(readLockHolder(dir)?.port).toBe(4321);
    lock.release();
    expect(fs.existsSync(path.join(dir, LOCK_FILE))).toBe(false);
  });

  it("refuses a second holder while the first is alive, naming it in one line", async () => {
    const dir = folder();
    const lock = await lockDataDir(dir, "gatehouse serve");
    lock.update({ port: 3999 });
    const second = await lockDataDir(dir, "gatehouse contacts sweep").catch((e: unknown) => e);
    expect(second).toBeInstanceOf(DataDirLockedError);
    expect((second as Error).message).toBe(`the embedded database in ${dir} is in use by a Gatehouse server (pid ${process.pid}, port 3999)`);
    lock.release();
    (await lockDataDir(dir, "gatehouse contacts sweep")).release();
  });

  it("takes over the lock of a holder that died without releasing it", async () => {
    const dir = folder();
    fs.mkdirSync(dir, { recursive: true });
    const dead = { pid: deadPid(), startedAt: "2026-01-01T00:00:00Z", command: "gatehouse serve", port: 3000, socket: null };
    fs.writeFileSync(path.join(dir, LOCK_FILE), JSON.stringify(dead));
    const lock = await lockDataDir(dir, "gatehouse serve");
    expect(readLockHolder(dir)?.pid).toBe(process.pid);
    lock.release();
  });

  it("takes over a lock whose holder's pid lives on but whose admin socket nobody listens on", async () => {
    const dir = folder();
    fs.mkdirSync(dir, { recursive: true });
    const socket = path.join(dir, "gatehouse.sock");
    fs.writeFileSync(socket, ""); // a socket file left behind: connecting is refused
    fs.writeFileSync(path.join(dir, LOCK_FILE), JSON.stringify({ pid: process.ppid, startedAt: "x", command: "gatehouse serve", port: 3000, socket }));
    const lock = await lockDataDir(dir, "gatehouse serve");
    expect(readLockHolder(dir)?.pid).toBe(process.pid);
    lock.release();
  });

  it("takes over an unreadable lock file", async () => {
    const dir = folder();
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(path.join(dir, LOCK_FILE), "{not json");
    (await lockDataDir(dir, "gatehouse migrate")).release();
  });

  it("gives the lock to exactly one of many processes taking over a stale lock at once", async () => {
    const dir = folder();
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(path.join(dir, LOCK_FILE), JSON.stringify({ pid: deadPid(), startedAt: "x", command: "gatehouse serve", port: 1, socket: null }));
    const script = `
      const { lockDataDir } = await import(${JSON.stringify(new URL("./data-dir-lock.ts", import.meta.url).pathname)});
      try { await lockDataDir(${JSON.stringify(dir)}, "racer"); console.log("got"); setTimeout(() => {}, 120_000); }
      catch (e) { console.log(e.name); }`;
    const { spawn } = await import("node:child_process");
    // The one that gets the lock holds it until every process has answered: on a busy machine
    // their starts can be seconds apart, and a holder that let go early would be a fair handover.
    const children = Array.from({ length: 4 }, () => spawn(process.execPath, ["--import", "tsx", "--input-type=module", "-e", script], { stdio: ["ignore", "pipe", "inherit"] }));
    const runs = children.map((child) => {
      let out = "";
      return new Promise<string>((resolve) => {
        child.stdout.on("data", (d) => {
          out += d;
          if (out.includes("\n")) resolve(out.trim());
        });
        child.on("close", () => resolve(out.trim()));
      });
    });
    const results = await Promise.all(runs).finally(() => children.forEach((child) => child.kill()));
    expect(results.filter((r) => r === "got")).toHaveLength(1);
    expect(results.filter((r) => r === "DataDirLockedError")).toHaveLength(3);
  }, 60_000);
});
