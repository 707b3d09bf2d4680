import path from "node:path";
import { fileURLToPath } from "node:url";
import react from "@vitejs/plugin-react";
import postcssPresetMantine from "postcss-preset-mantine";
import { defineConfig } from "vite";

const here = path.dirname(fileURLToPath(import.meta.url));
// The dev server forwards the API to a Gatehouse server started with `npm run dev` (port 3000).
const apiTarget = process.env.GATEHOUSE_API_URL ?? "http://localhost:3000";

export default defineConfig({
  root: here,
  plugins: [react()],
  // the server's CSV writer, shared with the web app: csv-stringify's build for browsers (no Node Buffer)
  resolve: { alias: { "csv-stringify/sync": "csv-stringify/browser/esm/sync" } },
  css: { postcss: { plugins: [postcssPresetMantine()] } },
  build: {
    outDir: path.resolve(here, "../../dist/web"),
    emptyOutDir: true,
    sourcemap: true,
    chunkSizeWarningLimit: 1500,
  },
  server: {
    proxy: {
      "/api": apiTarget,
      "/docs": apiTarget,
      "/healthz": apiTarget,
    },
  },
});
