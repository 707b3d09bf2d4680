import { describe, expect, it } from "vitest";
import { connectDatabase } from "../platform/db/connect.js";
import { migrateDatabase } from "../platform/db/migrate.js";
import { buildDistrict } from "../../test/support/factories.js";
import { cliSandbox, runCli } from "../../test/support/cli-process.js";

// The embedded folder is what makes "beside a running server" a question: these tests are about PGlite.
const PGLITE = !process.env.TEST_DATABASE_URL;
const sandbox = cliSandbox();
const dir = sandbox.dataDir("tokens-cli");

const lastLine = (stdout: string) => stdout.trimEnd().split("\n").at(-1)!;

describe.runIf(PGLITE)("gatehouse tokens", () => {
  it("creates a token through the running server (printed alone on the last line), lists it and revokes it; and works on its own after the server stops", async () => {
    const database = await connectDatabase({ dataDir: dir });
    await migrateDatabase(database);
    const district = await buildDistrict(database.db);
    await database.close();
    const env = { DATABASE_URL: "", GATEHOUSE_DATA_DIR: dir };
    const server = await sandbox.server(env);
    const call = (token: string) => fetch(`http://127.0.0.1:${server.port}/api/users`, { headers: { authorization: `Bearer ${token}` } });

    const created = await runCli(["tokens", "create", "--district", district.slug, "--name", "entra-scim", "--scope", "scim,api:read", "--expires-days", "30"], env);
    expect(created.code, created.stderr).toBe(0);
    const token = lastLine(created.stdout);
    expect(token).toMatch(/^gh_[A-Za-z0-9_-]{43}$/);
    expect(created.stdout).toContain("service account entra-scim");
    // known to the server at once: authenticated (the account has no rights yet, so the tool is not found), not 401
    expect((await call(token)).status).toBe(404);

    const listed = await runCli(["tokens", "list", "--district", district.slug], env);
    expect(listed.stdout).toMatch(/entra-scim …\S{4}\s+api:read,scim\s+created .* active/);
    expect(listed.stdout).not.toContain(token);

    const bad = await runCli(["tokens", "create", "--district", district.slug, "--name", "x-bot", "--scope", "admin"], env);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain("--scope must be one or more of scim, api:read, api:write (not admin)");

    const revoked = await runCli(["tokens", "revoke", "--district", district.slug, "--name", "entra-scim"], env);
    expect(revoked.code, revoked.stderr).toBe(0);
    expect(revoked.stdout).toContain("Revoked 1 token");
    expect((await call(token)).status).toBe(401);

    await server.stop();
    const alone = await runCli(["tokens", "create", "--district", district.slug, "--name", "entra-scim", "--scope", "api:read"], env);
    expect(alone.code, alone.stderr).toBe(0);
    const id = /\(id ([0-9a-f-]{36})\)/.exec(alone.stdout)![1]!;
    const byId = await runCli(["tokens", "revoke", "--district", district.slug, "--id", id], env);
    expect(byId.code, byId.stderr).toBe(0);
    expect(byId.stdout).toContain(id);
  }, 240_000);
});
