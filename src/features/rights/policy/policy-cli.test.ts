import { execFile } from "node:child_process";
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runPolicyApply, runPolicyExport, runPolicyTest, type Output } from "../../../cli/policy.js";
import { authorizedContacts } from "../../../platform/db/schema/contacts.js";
import { districts } from "../../../platform/db/schema/districts.js";
import { userGroups } from "../../../platform/db/schema/rights.js";
import { createTestDatabase } from "../../../../test/support/test-db.js";
import type { Database } from "../../../platform/db/connect.js";

let database: Database;
let dir: string;
beforeAll(async () => {
  database = await createTestDatabase();
  dir = mkdtempSync(path.join(tmpdir(), "gh-policy-"));
});
afterAll(async () => {
  await database.close();
  rmSync(dir, { recursive: true, force: true });
});

function capture(): Output & { stdout: string; stderr: string } {
  const io = { stdout: "", stderr: "", out: (t: string) => void (io.stdout += t), err: (t: string) => void (io.stderr += t) };
  return io;
}

function file(name: string, text: string): string {
  const p = path.join(dir, name);
  writeFileSync(p, text);
  return p;
}

const POLICY = `district: Round Trip District
preferences: { automaticStaffAccounts: false, masterSchedulingEnds: 2026-08-15 }
calendars:
  - { school: Ballard High, year: "2026-27", calendar: "26-27 Ballard High" }
groups:
  - name: Schedulers
    template: Schedulers
    limit: 3
  - name: Attendance Clerks
    template: Attendance Clerks
    rights:
      "Student Information > Health": deny
    calendars:
      - { school: Ballard High, year: "*", calendar: "*", modify: true }
users:
  - username: jdoe
    groups: [Attendance Clerks, { name: Schedulers, until: 2026-08-15 }]
    rights: { "Census": R }
  - username: root
    productSecurityRole: student-information-system
support:
  addOnProducts: 2
  contacts:
    - { username: kim, email: kim@example.org, type: technical, lastActivity: 2026-01-15 }
assertions:
  - { user: jdoe, tool: "Student Information > Health", rights: "" }
`;

describe("gatehouse policy apply / export", () => {
  it("applies a file in one go, and applying it again changes nothing", async () => {
    const f = file("district.policy.yaml", POLICY);
    const first = capture();
    expect(await runPolicyApply(database, f, first)).toBe(0);
    expect(first.stdout).toMatch(/Applied .*: \d+ changes/);
    expect(first.stderr).toMatch(/created group "Schedulers" from template "Schedulers"/);
    const [district] = await database.db.select().from(districts).where(eq(districts.name, "Round Trip District"));
    expect(district!.addOnProducts).toBe(2);
    const [contact] = await database.db.select().from(authorizedContacts).where(eq(authorizedContacts.districtId, district!.id));
    expect(contact).toMatchObject({ type: "technical", status: "active", lastActivityAt: new Date("2026-01-15T00:00:00Z") });
    const groups = await database.db.select().from(userGroups).where(eq(userGroups.districtId, district!.id));
    expect(groups.find((g) => g.name === "Schedulers")?.memberLimit).toBe(3);
    const again = capture();
    expect(await runPolicyApply(database, f, again)).toBe(0);
    expect(again.stdout).toBe(`No changes: district "Round Trip District" already matches ${f}.\n`);
  });

  it("exports YAML that applies as a no-op, and exports the same text again", async () => {
    const exported = capture();
    expect(await runPolicyExport(database, "Round Trip District", exported)).toBe(0);
    expect(exported.stdout).toContain("Scheduling > Schedule Wizard");
    const f = file("exported.policy.yaml", exported.stdout);
    const apply = capture();
    expect(await runPolicyApply(database, f, apply)).toBe(0);
    expect(apply.stdout).toMatch(/^No changes/);
    const second = capture();
    await runPolicyExport(database, "Round Trip District", second);
    expect(second.stdout).toBe(exported.stdout);
  });

  it("exports into a fresh district with the same rights", async () => {
    const exported = capture();
    await runPolicyExport(database, "Round Trip District", exported);
    const f = file("copy.policy.yaml", exported.stdout.replace("district: Round Trip District", "district: Copied District"));
    expect(await runPolicyApply(database, f, capture())).toBe(0);
    const copy = capture();
    await runPolicyExport(database, "Copied District", copy);
    expect(copy.stdout.replace("Copied District", "Round Trip District")).toBe(exported.stdout);
  });

  it("refuses a bad file with file:line:col and a suggestion, changing nothing", async () => {
    const bad = POLICY.replace("district: Round Trip District", "district: Never Created").replace('"Census": R', '"Cenus": R');
    const io = capture();
    expect(await runPolicyApply(database, file("bad.policy.yaml", bad), io)).toBe(2);
    expect(io.stderr).toMatch(/bad\.policy\.yaml:\d+:\d+: Unknown tool path "Cenus"; did you mean "Census"\?/);
    expect(await database.db.select().from(districts).where(eq(districts.name, "Never Created"))).toEqual([]);
  });

  it("refuses what the database cannot hold before writing anything", async () => {
    const bad = POLICY.replace("district: Round Trip District", "district: Also Never").replace('year: "2026-27"', 'year: "next year"');
    const io = capture();
    expect(await runPolicyApply(database, file("bad-year.policy.yaml", bad), io)).toBe(2);
    expect(io.stderr).toMatch(/bad-year\.policy\.yaml:4:\d+: School years are named like "2025-26"/);
    expect(await database.db.select().from(districts).where(eq(districts.name, "Also Never"))).toEqual([]);
  });
});

describe("gatehouse policy test", () => {
  it("prints each failed assertion with expected, actual and why; last line N passed, M failed; exit 1", async () => {
    const f = file("failing.policy.yaml", `${POLICY}  - { user: jdoe, tool: "Attendance", rights: R }\n`);
    const io = capture();
    expect(await runPolicyTest(f, io, new Date("2026-03-01T00:00:00Z"))).toBe(1);
    const lines = io.stdout.trimEnd().split("\n");
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(/^FAIL .*failing\.policy\.yaml:27: jdoe on "Attendance": expected R, actual RWAD; path: .*group "Attendance Clerks" RWAD from "Attendance"/);
    expect(lines[1]).toBe("1 passed, 1 failed");
  });

  it("passes every example in examples/", async () => {
    const examples = path.resolve("examples");
    const files = readdirSync(examples).filter((f) => f.endsWith(".policy.yaml"));
    expect(files.length).toBeGreaterThanOrEqual(21);
    for (const f of files) {
      const io = capture();
      expect(await runPolicyTest(path.join(examples, f), io), `${f}\n${io.stdout}${io.stderr}`).toBe(0);
      expect(io.stdout).toMatch(/\d+ passed, 0 failed\n$/);
    }
  });
});

describe("the gatehouse command", () => {
  it("applies into GATEHOUSE_DATA_DIR and says so; the second run changes nothing", async () => {
    const env = { ...process.env, GATEHOUSE_DATA_DIR: path.join(dir, "data"), DATABASE_URL: "", LOG_LEVEL: "silent" };
    const f = file("cli.policy.yaml", POLICY);
    const run = () => promisify(execFile)("npx", ["tsx", "src/cli/main.ts", "policy", "apply", f], { env });
    expect((await run()).stdout).toMatch(/^Applied /);
    expect((await run()).stdout).toMatch(/^No changes/);
  }, 120_000);
});
