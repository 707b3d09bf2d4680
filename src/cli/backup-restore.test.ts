import { createHash, randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { Writable } from "node:stream";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedDemo } from "../features/demo/seed-demo.js";
import { connectDatabase, type Database } from "../platform/db/connect.js";
import { migrateDatabase } from "../platform/db/migrate.js";
import { caseAttachments, supportCases } from "../platform/db/schema/support.js";
import { tableChecksums } from "../../test/support/table-checksums.js";
import { createTestDatabase } from "../../test/support/test-db.js";
import { runWithIo, type CliIo } from "./io.js";
import { runProgram } from "./program.js";
import { seedStudents } from "./seed-students.js";

const POSTGRES = Boolean(process.env.TEST_DATABASE_URL);
const root = fs.mkdtempSync(path.join(os.tmpdir(), "gh-backup-"));
const cleanups: (() => Promise<void>)[] = [];
afterAll(async () => {
  for (const c of cleanups.reverse()) await c();
  fs.rmSync(root, { recursive: true, force: true });
});

/** A database the command can open by its environment, and a way to look into it afterwards. */
type Target = { env: Record<string, string>; open(): Promise<Database> };

async function freshTarget(name: string): Promise<Target> {
  if (POSTGRES) {
    const database = await createTestDatabase();
    cleanups.push(() => database.close());
    return { env: { DATABASE_URL: database.url! }, open: async () => ({ ...(await connectDatabase({ databaseUrl: database.url! })) }) };
  }
  const dataDir = path.join(root, name);
  return { env: { DATABASE_URL: "", GATEHOUSE_DATA_DIR: dataDir }, open: () => connectDatabase({ dataDir }) };
}

/** Runs `gatehouse …args` in this process, as the admin channel does, capturing its output. */
async function gatehouse(env: Record<string, string>, ...args: string[]) {
  let stdout = "";
  let stderr = "";
  const sink = (add: (t: string) => void) => new Writable({ write: (chunk, _e, cb) => (add(String(chunk)), cb()) });
  const io: CliIo = { stdout: sink((t) => (stdout += t)), stderr: sink((t) => (stderr += t)), cwd: root, env: { LOG_LEVEL: "silent", ...env }, exitCode: undefined };
  const code = await runWithIo(io, () => runProgram(["node", "gatehouse", ...args]));
  return { code, stdout, stderr };
}

let source: Target;
let before: Awaited<ReturnType<typeof tableChecksums>>;
let attachmentSha: string;

beforeAll(async () => {
  source = await freshTarget("source");
  const database = await source.open();
  await migrateDatabase(database);
  const demo = await seedDemo(database.db);
  await runWithIo({ stdout: new Writable({ write: (_c, _e, cb) => cb() }), stderr: new Writable({ write: (_c, _e, cb) => cb() }), cwd: root, env: {}, exitCode: undefined }, () =>
    seedStudents(database, demo.districtId, 40, 11),
  );
  const [kase] = await database.db.select().from(supportCases).limit(1);
  const content = randomBytes(50_000);
  attachmentSha = createHash("sha256").update(content).digest("hex");
  await database.db.insert(caseAttachments).values({ districtId: kase!.districtId, caseId: kase!.id, fileName: "print-setup.png", contentType: "image/png", sizeBytes: content.length, sha256: attachmentSha, content, uploadedByName: "Kim" });
  before = await tableChecksums(database);
  await database.close();
}, 300_000);

describe(`gatehouse backup and restore (${POSTGRES ? "PostgreSQL, pg_dump" : "PGlite, dumpDataDir"})`, () => {
  it("restores a backup of the demo district into a fresh database with every row, attachment and audit entry", async () => {
    const file = path.join(root, "demo.backup");
    const backup = await gatehouse(source.env, "backup", "--out", "demo.backup"); // relative to the operator's folder
    expect(backup.code, backup.stderr).toBe(0);
    expect(backup.stdout).toMatch(/^Backed up the .+ to demo\.backup \(\d+\.\d MB\)\.\n$/);
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);

    const target = await freshTarget("restored");
    const restored = await gatehouse(target.env, "restore", file);
    expect(restored.code, restored.stderr).toBe(0);
    expect(restored.stdout).toMatch(/^Restored .+demo\.backup into the /);

    const database = await target.open();
    try {
      const after = await tableChecksums(database);
      expect(after).toEqual(before);
      expect(before["public.audit_log"]!.rows).toBeGreaterThan(0);
      for (const table of ["public.sis_people", "public.sis_enrollments", "public.case_attachments", "public.support_cases"]) expect(before[table]?.rows, table).toBeGreaterThan(0);
      const [attachment] = await database.query<{ sha: string }>("select encode(sha256(content), 'hex') as sha from case_attachments");
      expect(attachment!.sha).toBe(attachmentSha);
    } finally {
      await database.close();
    }

    // The restored database now holds data: replacing it again needs --force.
    const refused = await gatehouse(target.env, "restore", file);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/^gatehouse: the .+ holds data; give --force to replace it with the backup\n$/);
    const forced = await gatehouse(target.env, "restore", file, "--force");
    expect(forced.code, forced.stderr).toBe(0);
  }, 300_000);

  it("refuses a file that is not a backup with exit code 2", async () => {
    fs.writeFileSync(path.join(root, "notes.txt"), "hello");
    const run = await gatehouse(source.env, "restore", "notes.txt");
    expect(run).toEqual({ code: 2, stdout: "", stderr: "gatehouse: notes.txt is not a Gatehouse backup (neither a PGlite dump nor a pg_dump file)\n" });
  });
});
