import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { defineConfig } from "@playwright/test";

// One fresh embedded database per run, so the demo district and the e2e accounts are seeded anew.
// The variable is inherited by the workers, which load this file again and must reuse the folder.
process.env.GATEHOUSE_E2E_DATA_DIR ??= fs.mkdtempSync(path.join(os.tmpdir(), "gatehouse-e2e-"));
// Several people may run the browser tests on one machine: E2E_PORT picks another port.
const port = Number(process.env.E2E_PORT ?? 3999);
const baseURL = `http://127.0.0.1:${port}`;
process.env.E2E_BASE_URL = baseURL;

const root = fileURLToPath(new URL("../..", import.meta.url));

export default defineConfig({
  testDir: ".",
  testMatch: "**/*.spec.ts",
  outputDir: path.join(root, "test-results"),
  fullyParallel: false,
  workers: process.env.CI ? 1 : 2,
  retries: 0,
  forbidOnly: true,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: "list",
  use: {
    baseURL,
    viewport: { width: 1280, height: 800 },
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    launchOptions: {
      executablePath: "/usr/bin/chromium",
      args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
    },
  },
  projects: [{ name: "chromium", use: { browserName: "chromium" } }],
  webServer: {
    // The compiled build users run (`npm start`), rebuilt first when a source changed.
    command: "node scripts/build.mjs && npx tsx test/e2e/support/prepare-database.ts && node bin/gatehouse.js serve",
    cwd: root,
    url: `${baseURL}/healthz`,
    reuseExistingServer: false,
    timeout: 300_000, // includes a rebuild when a source changed
    stdout: "ignore",
    stderr: "pipe",
    env: {
      GATEHOUSE_DATA_DIR: process.env.GATEHOUSE_E2E_DATA_DIR,
      PORT: String(port),
      HOST: "127.0.0.1",
      LOG_LEVEL: "warn",
      DATABASE_URL: "",
      COOKIE_SECURE: "false",
      // Every browser test signs in from 127.0.0.1; lockout still guards each account.
      GATEHOUSE_SIGN_IN_RATE_LIMIT: "1000",
      // webhooks.spec.ts runs its receiver on 127.0.0.1
      WEBHOOK_ALLOW_PRIVATE_URLS: "true",
      // sso.spec.ts runs its OpenID provider on 127.0.0.1, over http
      SSO_ALLOW_PRIVATE_URLS: "true",
    },
  },
});
