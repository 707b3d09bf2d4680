import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll } from "vitest";

const ROOT = fileURLToPath(new URL("../..", import.meta.url));
// By its full address, so the CLI can run from any working folder (tsx resolves from ROOT).
const TSX = import.meta.resolve("tsx");

export type Run = { code: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string };

/** Runs `gatehouse …args` as its own process, the way an operator does. */
export function runCli(args: string[], env: Record<string, string>, options: { cwd?: string; onStart?: (child: ChildProcess) => void } = {}): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["--import", TSX, path.join(ROOT, "src/cli/main.ts"), ...args], {
      cwd: options.cwd ?? ROOT,
      env: { ...process.env, LOG_LEVEL: "silent", ...env },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d) => (stdout += d));
    child.stderr.on("data", (d) => (stderr += d));
    child.on("error", reject);
    child.on("close", (code, signal) => resolve({ code, signal, stdout, stderr }));
    options.onStart?.(child);
  });
}

/** A port nobody listens on right now. */
export async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.address() as net.AddressInfo).port;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

export function tempDataDir(prefix: string): string {
  return path.join(fs.mkdtempSync(path.join(os.tmpdir(), `gh-${prefix}-`)), "data");
}

export type ServerProcess = { child: ChildProcess; port: number; output(): string; stop(): Promise<Run>; kill9(): Promise<Run> };

/**
 * Starts `gatehouse serve --no-demo` (or with the demo district, `demo`) on a data folder and
 * waits until it answers /healthz (or exits: then the promise resolves with the run so a test can
 * read why).
 */
export async function startServer(env: Record<string, string>, port?: number, options: { demo?: boolean } = {}): Promise<ServerProcess> {
  const listenOn = port ?? (await freePort());
  const demo = options.demo ? [] : ["--no-demo"];
  const child = spawn(process.execPath, ["--import", TSX, path.join(ROOT, "src/cli/main.ts"), "serve", ...demo, "--port", String(listenOn)], {
    cwd: ROOT,
    env: { ...process.env, LOG_LEVEL: "silent", HOST: "127.0.0.1", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let stdout = "";
  let stderr = "";
  child.stdout!.on("data", (d) => (stdout += d));
  child.stderr!.on("data", (d) => (stderr += d));
  const exited = new Promise<Run>((resolve) => child.on("close", (code, signal) => resolve({ code, signal, stdout, stderr })));
  let gone: Run | null = null;
  void exited.then((r) => (gone = r));
  // seeding the demo district comes before listening
  for (let i = 0; i < (options.demo ? 3000 : 600) && !gone; i++) {
    try {
      const res = await fetch(`http://127.0.0.1:${listenOn}/healthz`);
      if (res.ok) break;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  if (gone) throw Object.assign(new Error(`server exited: ${(gone as Run).stderr}${(gone as Run).stdout}`), { run: gone });
  return {
    child,
    port: listenOn,
    output: () => stdout + stderr,
    stop: async () => {
      child.kill("SIGTERM");
      return exited;
    },
    kill9: async () => {
      child.kill("SIGKILL");
      return exited;
    },
  };
}

/**
 * The data folders and servers a CLI test file makes: each server still running is stopped and
 * each folder removed after the file's tests.
 */
export function cliSandbox() {
  const servers: ServerProcess[] = [];
  const dirs: string[] = [];
  afterAll(async () => {
    for (const s of servers) if (s.child.exitCode === null && s.child.signalCode === null) await s.stop();
    for (const d of dirs) fs.rmSync(path.dirname(d), { recursive: true, force: true });
  });
  return {
    dataDir(prefix: string): string {
      const dir = tempDataDir(prefix);
      dirs.push(dir);
      return dir;
    },
    async server(env: Record<string, string>, port?: number, options: { demo?: boolean } = {}): Promise<ServerProcess> {
      const server = await startServer(env, port, options);
      servers.push(server);
      return server;
    },
  };
}
