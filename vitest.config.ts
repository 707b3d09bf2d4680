import { defineConfig } from "vitest/config";

// Unit tests live beside the code (src/**/*.test.ts); feature tests that need the
// database are *.db.test.ts and run once per driver (see scripts/test-all.sh).
export default defineConfig({
  test: {
    include: ["src/**/*.test.ts", "test/feature/**/*.test.ts"],
    exclude: ["node_modules", "test/e2e/**"],
    pool: "forks",
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
