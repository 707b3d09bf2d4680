import { describe, expect, it } from "vitest";
import { connectDatabase } from "../platform/db/connect.js";
import { migrateDatabase } from "../platform/db/migrate.js";
import { buildDistrict } from "../../test/support/factories.js";
import { cliSandbox, runCli } from "../../test/support/cli-process.js";

// The embedded database is one folder one process owns: this is about PGlite beside a server.
const PGLITE = !process.env.TEST_DATABASE_URL;
const FIXTURES = new URL("../../test/fixtures/oneroster/", import.meta.url).pathname;
const sandbox = cliSandbox();
const dir = sandbox.dataDir("oneroster-cli");

describe.runIf(PGLITE)("gatehouse oneroster import while a server holds the embedded database", () => {
  it("goes through the server, resolves the path from the caller's folder, refuses an invalid set with exit 2", async () => {
    const database = await connectDatabase({ dataDir: dir });
    await migrateDatabase(database);
    const district = await buildDistrict(database.db);
    await database.close();
    const env = { DATABASE_URL: "", GATEHOUSE_DATA_DIR: dir };
    const server = await sandbox.server(env);

    const invalid = await runCli(["oneroster", "import", "invalid", "--district", district.slug], env, { cwd: FIXTURES });
    expect(invalid.code).toBe(2);
    expect(invalid.stderr).toContain('enrollments.csv:3:role: "principal" is not one of');
    expect(invalid.stderr).toContain("nothing was imported");

    const dry = await runCli(["oneroster", "import", "valid", "--district", district.slug, "--dry-run"], env, { cwd: FIXTURES });
    expect(dry.code, dry.stderr).toBe(0);
    expect(dry.stdout).toContain("Dry run (nothing was written)");

    const done = await runCli(["oneroster", "import", "valid", "--district", district.slug], env, { cwd: FIXTURES });
    expect(done.code, done.stderr).toBe(0);
    expect(done.stdout).toContain("schools           2 created, 0 changed, 0 ended");
    expect(done.stdout).toContain("students          2 created");

    const again = await runCli(["oneroster", "import", "valid", "--district", district.slug], env, { cwd: FIXTURES });
    expect(again.stdout).toContain("21 unchanged");
  }, 240_000); // a server and four CLI processes, each through tsx
});
