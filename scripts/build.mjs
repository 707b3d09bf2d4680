#!/usr/bin/env node
// Builds the web app (Vite → dist/web) and the server and CLI (esbuild → dist/server), each only
// when one of its sources changed. Each build records the files it read with their hashes
// (dist/<part>/.build-inputs.json); a later run that finds them all unchanged does nothing.
// Usage: node scripts/build.mjs [web|server]...   (both when none is named)
import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
// Files every build depends on besides the sources it reads: dependencies and this script.
const ALWAYS = ["package-lock.json", "scripts/build.mjs", "tsconfig.json"];

const PARTS = {
  web: { outDir: "dist/web", extra: ["src/web/vite.config.ts", "src/web/index.html"], build: buildWeb },
  server: { outDir: "dist/server", extra: [], build: buildServer },
};

function hashFile(rel) {
  try {
    return createHash("sha1").update(fs.readFileSync(path.join(root, rel))).digest("hex");
  } catch {
    return "missing";
  }
}

function stampPath(part) {
  return path.join(root, PARTS[part].outDir, ".build-inputs.json");
}

/** True when the last build's recorded inputs are all unchanged. */
export function isUpToDate(part) {
  let recorded;
  try {
    recorded = JSON.parse(fs.readFileSync(stampPath(part), "utf8"));
  } catch {
    return false;
  }
  return Object.entries(recorded).every(([rel, hash]) => hashFile(rel) === hash);
}

function writeStamp(part, inputs) {
  const files = [...new Set([...inputs, ...ALWAYS, ...PARTS[part].extra])].sort();
  const stamp = Object.fromEntries(files.map((rel) => [rel, hashFile(rel)]));
  fs.writeFileSync(stampPath(part), JSON.stringify(stamp, null, 1) + "\n");
}

/** Project files only: dependencies are covered by package-lock.json. */
function ownFiles(paths) {
  return paths
    .map((p) => (path.isAbsolute(p) ? path.relative(root, p) : p))
    .filter((rel) => !rel.startsWith("..") && !rel.includes("node_modules") && !rel.startsWith("\0") && fs.existsSync(path.join(root, rel)));
}

async function buildWeb() {
  const { build } = await import("vite");
  let ids = [];
  const recordInputs = {
    name: "gatehouse-record-inputs",
    generateBundle() {
      ids = [...this.getModuleIds()].map((id) => id.split("?")[0]);
    },
  };
  await build({ configFile: path.join(root, "src/web/vite.config.ts"), plugins: [recordInputs], logLevel: "warn" });
  return ownFiles(ids);
}

async function buildServer() {
  const esbuild = await import("esbuild");
  const outdir = path.join(root, "dist/server");
  fs.rmSync(outdir, { recursive: true, force: true });
  // One bundle of our own code, split at each dynamic import so a command loads only what it
  // uses; packages stay in node_modules (PGlite finds its wasm files there).
  const result = await esbuild.build({
    absWorkingDir: root,
    entryPoints: { main: "src/cli/main.ts" },
    outdir,
    bundle: true,
    splitting: true,
    format: "esm",
    platform: "node",
    target: "node20.19",
    packages: "external",
    sourcemap: "linked",
    metafile: true,
    logLevel: "warning",
  });
  return ownFiles(Object.keys(result.metafile.inputs));
}

export async function ensureBuilt(part, { quiet = false } = {}) {
  if (isUpToDate(part)) return false;
  const started = Date.now();
  if (!quiet) process.stderr.write(`Building ${part}…\n`);
  const inputs = await PARTS[part].build();
  writeStamp(part, inputs);
  if (!quiet) process.stderr.write(`Built ${part} in ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
  return true;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const parts = process.argv.slice(2);
  for (const part of parts.length ? parts : ["web", "server"]) {
    if (!PARTS[part]) {
      process.stderr.write(`build: unknown part "${part}" (web or server)\n`);
      process.exit(2);
    }
    await ensureBuilt(part);
  }
}
