#!/usr/bin/env node
// Builds the web app (Vite → dist/web) and the server and CLI (esbuild → dist/server), each only
// when one of its sources changed. Each build records the files it read with their hashes, sizes
// and modification times (dist/<part>/.build-inputs.json); a later run that finds them all
// unchanged does nothing. A file whose size and time are as recorded is not read again (a start
// then costs one stat per file); one whose time moved is hashed, so a touched file does not rebuild.
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

function hashFile(rel, base) {
  try {
    return createHash("sha1").update(fs.readFileSync(path.join(base, rel))).digest("hex");
  } catch {
    return "missing";
  }
}

function stampPath(part, base) {
  return path.join(base, PARTS[part].outDir, ".build-inputs.json");
}

function statFile(rel, base) {
  try {
    const { size, mtimeMs } = fs.statSync(path.join(base, rel));
    return { size, mtimeMs };
  } catch {
    return null;
  }
}

/** True when the last build's recorded inputs are all unchanged (`base`: the checkout, for tests). */
export function isUpToDate(part, base = root) {
  let recorded;
  try {
    recorded = JSON.parse(fs.readFileSync(stampPath(part, base), "utf8"));
  } catch {
    return false;
  }
  return Object.entries(recorded).every(([rel, input]) => {
    const stat = statFile(rel, base);
    if (stat && stat.size === input.size && stat.mtimeMs === input.mtimeMs) return true;
    return hashFile(rel, base) === input.hash;
  });
}

/** Records `inputs` (paths relative to `base`) as the last build's. */
export function writeStamp(part, inputs, base = root) {
  const files = [...new Set([...inputs, ...ALWAYS, ...PARTS[part].extra])].sort();
  const stamp = Object.fromEntries(files.map((rel) => [rel, { hash: hashFile(rel, base), ...statFile(rel, base) }]));
  fs.writeFileSync(stampPath(part, base), JSON.stringify(stamp) + "\n");
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

const EXTERNAL = [
  ...["@electric-sql/pglite", "@node-rs/argon2", "@fastify/swagger-ui", "pino", "pino-pretty", "thread-stream", "esbuild", "vite"],
  // CommonJS packages loaded with import(): a bundled one would offer only its default export
  // (esbuild), where Node offers its named ones too. All of them load after start-up anyway.
  ...["@fastify/cookie", "@node-saml/node-saml", "@xmldom/xmldom", "@zxcvbn-ts/language-common", "nodemailer", "qrcode", "selfsigned"],
  // Calls the deprecated Buffer(): Node warns about that only outside node_modules.
  "thirty-two",
];

/** Fails the build when a bundled CommonJS module is reached by import() (see EXTERNAL). */
function checkNoDynamicCommonJs(outputs) {
  for (const [file, output] of Object.entries(outputs)) {
    const source = output.entryPoint ?? "";
    if (file.endsWith(".js") && source.includes("node_modules/") && output.exports.length === 1 && output.exports[0] === "default" && /^export default require_\w+\(\);$/m.test(fs.readFileSync(path.join(root, file), "utf8")))
      throw new Error(`build: ${source} is CommonJS loaded with import(); bundled it would lose its named exports: add its package to EXTERNAL in scripts/build.mjs`);
  }
}

async function buildServer() {
  const esbuild = await import("esbuild");
  const outdir = path.join(root, "dist/server");
  fs.rmSync(outdir, { recursive: true, force: true });
  // One bundle, split at each dynamic import so a command loads only what it uses.
  const result = await esbuild.build({
    absWorkingDir: root,
    entryPoints: { main: "src/cli/main.ts" },
    outdir,
    bundle: true,
    splitting: true,
    format: "esm",
    platform: "node",
    target: "node20.19",
    // Pure-JS dependencies are bundled in (a few files to read instead of hundreds to resolve
    // at each start); these stay in node_modules: native or WebAssembly code, files read beside
    // their modules (swagger-ui's assets, pino's worker threads), the build tools, and the rest
    // of EXTERNAL. Dependency updates still rebuild: package-lock.json is an input (ALWAYS).
    external: EXTERNAL,
    // Bundled CommonJS code calls require() for Node's own modules.
    banner: { js: 'import { createRequire as __gatehouseRequire } from "node:module"; const require = __gatehouseRequire(import.meta.url);' },
    sourcemap: "linked",
    metafile: true,
    logLevel: "warning",
  });
  checkNoDynamicCommonJs(result.metafile.outputs);
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
