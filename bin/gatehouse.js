#!/usr/bin/env node
// Runs the compiled CLI (dist/server). In a source checkout it first rebuilds the server (and,
// for `serve`, the web app) when a source changed since the last build (a stat per file, a hash only when a time moved), so
// `npx gatehouse` never runs stale code; `npm start` is this with `serve`, in one process.
import fs from "node:fs";
import module from "node:module";

// Node 22.1+ keeps the compiled code of every module on disk: later starts skip most parsing.
module.enableCompileCache?.();

const checkout = new URL("../scripts/build.mjs", import.meta.url);
if (fs.existsSync(checkout) && fs.existsSync(new URL("../node_modules/esbuild", import.meta.url))) {
  const { ensureBuilt } = await import(checkout.href);
  if (process.argv[2] === "serve") await ensureBuilt("web");
  await ensureBuilt("server", { quiet: true });
}
const main = new URL("../dist/server/main.js", import.meta.url);
if (!fs.existsSync(main)) {
  process.stderr.write("gatehouse: no build in dist/server: run `npm run build` (needs the dev dependencies)\n");
  process.exit(1);
}
await import(main.href);
