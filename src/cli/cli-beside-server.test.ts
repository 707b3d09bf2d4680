import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { DEMO_DISTRICT } from "../features/demo/demo-logins.js";
import { formatDay } from "../domain/contacts/calendar-day.js";
import { connectDatabase } from "../platform/db/connect.js";
import { migrateDatabase } from "../platform/db/migrate.js";
import { buildDistrict } from "../../test/support/factories.js";
import { expectedDay300, prepareAllStagesDue, timeline } from "../../test/support/lifecycle.js";
import { cliSandbox, runCli, startServer } from "../../test/support/cli-process.js";
import { startSmtpServer } from "../../test/support/smtp.js";

// The embedded database is one folder that one process may own: these tests are about PGlite.
const PGLITE = !process.env.TEST_DATABASE_URL;
const sandbox = cliSandbox();
const dataDir = sandbox.dataDir;

const actionsOf = (stdout: string, district: string) =>
  stdout
    .split("\n")
    .filter(Boolean)
    .map((l) => JSON.parse(l) as { district: string; username: string; action: string })
    .filter((a) => a.district === district)
    .map((a) => `${a.username}:${a.action}`)
    .sort();

describe.runIf(PGLITE)("gatehouse contacts sweep beside a server on the same data folder", () => {
  it("goes through the server: the server's outbox delivers the mail, and a rerun after the server stops does nothing again", async () => {
    const dir = dataDir("sweep-beside");
    const t = timeline("2045-01-01");
    const database = await connectDatabase({ dataDir: dir });
    await migrateDatabase(database);
    const district = await buildDistrict(database.db);
    const { groups, day } = await prepareAllStagesDue(database, t, district.id, 1);
    await database.query("update outbox set status = 'sent', sent_at = now()"); // the earlier days' mail is not this test's
    await database.close();

    const smtp = await startSmtpServer();
    const env = { DATABASE_URL: "", GATEHOUSE_DATA_DIR: dir, SMTP_URL: smtp.url, GATEHOUSE_PUBLIC_URL: "https://gatehouse.example.test" };
    const server = await sandbox.server(env);
    try {
      const sweep = await runCli(["contacts", "sweep", "--as-of", formatDay(day), "--json"], env);
      expect(sweep.code, sweep.stderr).toBe(0);
      expect(actionsOf(sweep.stdout, district.name)).toEqual(expectedDay300(groups));

      // The notices went into the server's outbox, so its delivery loop sends them.
      for (let i = 0; i < 300 && smtp.received.length < 4; i++) await new Promise((r) => setTimeout(r, 100));
      expect(smtp.received.length).toBe(4);
      expect(smtp.received.map((m) => m.raw).join("\n")).toContain("https://gatehouse.example.test/login/");

      const rerunBeside = await runCli(["contacts", "sweep", "--as-of", formatDay(day), "--json"], env);
      expect(rerunBeside.code, rerunBeside.stderr).toBe(0);
      expect(actionsOf(rerunBeside.stdout, district.name)).toEqual([]);
    } finally {
      await server.stop();
      await smtp.close();
    }
    const rerunAlone = await runCli(["contacts", "sweep", "--as-of", formatDay(day), "--json"], env);
    expect(rerunAlone.code, rerunAlone.stderr).toBe(0);
    expect(actionsOf(rerunAlone.stdout, district.name)).toEqual([]);
  }, 400_000);
});

const GOOD_POLICY = `district: ${DEMO_DISTRICT.name}
groups:
  - name: Beside The Server
    rights: { "Census": R }
users:
  - username: ops-a
    groups: [Beside The Server]
assertions:
  - { user: ops-a, tool: "Census", rights: R }
`;
const BAD_POLICY = "district: Demo Unified School District\ngroups:\n  - name: Typo\n    template: Counselers\n";

describe.runIf(PGLITE)("every writing command beside a running server, and with it stopped", () => {
  it("runs through the server with the same output and exit codes, refuses a second server, and survives kill -9", async () => {
    const dir = dataDir("commands");
    const work = fs.mkdtempSync(path.join(path.dirname(dir), "cwd-"));
    fs.writeFileSync(path.join(work, "good.policy.yaml"), GOOD_POLICY);
    fs.writeFileSync(path.join(work, "bad.policy.yaml"), BAD_POLICY);
    const env = { DATABASE_URL: "", GATEHOUSE_DATA_DIR: dir, GATEHOUSE_PASSWORD: "Long-Enough-Passw0rd!" };
    const cli = (...args: string[]) => runCli(args, env, { cwd: work }); // relative file names, from the operator's folder

    const migrated = await cli("migrate");
    expect(migrated).toMatchObject({ code: 0, stdout: "Database is up to date (pglite).\n" });

    const a = await sandbox.server(env);
    const seeded = await cli("seed", "--demo", "--students", "20", "--random-seed", "7");
    expect(seeded.code, seeded.stderr).toBe(0);
    expect(seeded.stdout).toMatch(/^Demo district created\.\nStudent data created: 20 students/);
    const created = await cli("users", "create", "--district", DEMO_DISTRICT.slug, "--username", "ops-a");
    expect(created.code, created.stderr).toBe(0);
    expect(created.stdout).toMatch(/^Created district user ops-a \(.+\)\.\n$/);
    expect(await cli("users", "unlock", "--district", DEMO_DISTRICT.slug, "--username", "ops-a")).toMatchObject({ code: 0, stdout: "Unlocked ops-a.\n" });
    const noDistrict = await cli("users", "create", "--district", "nowhere", "--username", "x");
    expect(noDistrict).toMatchObject({ code: 1, stdout: "", stderr: 'gatehouse: There is no district "nowhere".\n' });
    const badApply = await cli("policy", "apply", "bad.policy.yaml");
    expect(badApply.code).toBe(2);
    expect(badApply.stderr).toContain("bad.policy.yaml:4:");
    const applied = await cli("policy", "apply", "good.policy.yaml");
    expect(applied.code, applied.stderr).toBe(0);
    expect(applied.stdout).toMatch(/^Applied good\.policy\.yaml: \d+ changes? to district/);
    const tested = await cli("policy", "test", "good.policy.yaml");
    expect(tested).toMatchObject({ code: 0, stdout: "1 passed, 0 failed\n" });
    const help = await cli("contacts", "--help");
    expect(help.code).toBe(0);

    const second = await startServer(env).then(
      () => null,
      (e: { run: { code: number; stderr: string; stdout: string } }) => e.run,
    );
    expect(second?.code).toBe(1);
    expect(second?.stderr).toBe(`gatehouse: the embedded database in ${dir} is in use by a Gatehouse server (pid ${a.child.pid}, port ${a.port})\n`);

    // A crashed server leaves its lock behind; the next server finds it stale and takes over.
    expect((await a.kill9()).signal).toBe("SIGKILL");
    const b = await sandbox.server(env);
    const createdB = await cli("users", "create", "--district", DEMO_DISTRICT.slug, "--username", "ops-b");
    expect(createdB.code, createdB.stderr).toBe(0);
    const exportBeside = await cli("policy", "export", "--district", DEMO_DISTRICT.name);
    expect(exportBeside.code, exportBeside.stderr).toBe(0);
    expect(exportBeside.stdout).toContain("ops-b");
    expect(exportBeside.stdout).toContain("Beside The Server");
    const backupBeside = await cli("backup", "--out", "beside.backup");
    expect(backupBeside.code, backupBeside.stderr).toBe(0);
    expect(backupBeside.stdout).toMatch(/^Backed up the embedded database \(PGlite\) to beside\.backup \(\d+\.\d MB\)\.\n$/);
    expect(fs.statSync(path.join(work, "beside.backup")).size).toBeGreaterThan(0);
    const restoreBeside = await cli("restore", "beside.backup", "--force");
    expect(restoreBeside).toMatchObject({ code: 1, stdout: "", stderr: `gatehouse: restore replaces the whole database: stop a Gatehouse server (pid ${b.child.pid}, port ${b.port}) first\n` });
    await b.stop();

    // With no server the same commands open the folder themselves, with the same output.
    expect(await cli("policy", "export", "--district", DEMO_DISTRICT.name)).toEqual(exportBeside);
    expect(await cli("policy", "apply", "bad.policy.yaml")).toEqual(badApply);
    expect(await cli("policy", "test", "good.policy.yaml")).toEqual(tested);
    expect(await cli("users", "create", "--district", "nowhere", "--username", "x")).toEqual(noDistrict);
    expect(await cli("contacts", "--help")).toEqual(help);
    const again = await cli("policy", "apply", "good.policy.yaml");
    expect(again).toMatchObject({ code: 0, stdout: `No changes: district "${DEMO_DISTRICT.name}" already matches good.policy.yaml.\n` });
    expect(await cli("seed", "--demo")).toMatchObject({ code: 0, stdout: "Demo district already exists; nothing changed.\nThe demo district already has student data; nothing changed.\n" });
    expect((await cli("users", "create", "--district", DEMO_DISTRICT.slug, "--username", "ops-c")).code).toBe(0);
    expect((await cli("backup", "--out", "alone.backup")).stdout).toMatch(/^Backed up the embedded database \(PGlite\) to alone\.backup/);
    expect(fs.existsSync(path.join(dir, "gatehouse.lock"))).toBe(false);
  }, 900_000);
});
