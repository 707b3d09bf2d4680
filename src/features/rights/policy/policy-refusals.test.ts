/** DESIGN.md "Policy files": a wrong file is refused before anything is applied, with file:line and a suggestion. */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runPolicyApply, runPolicyExport, runPolicyTest, type Output } from "../../../cli/policy.js";
import { auditLog } from "../../../platform/db/schema/audit.js";
import { districts } from "../../../platform/db/schema/districts.js";
import type { Database } from "../../../platform/db/connect.js";
import { createTestDatabase } from "../../../../test/support/test-db.js";
import { readRightsVersion } from "../rights-version.js";

let database: Database;
let dir: string;
let districtId: string;

const capture = (): Output & { stdout: string; stderr: string } => {
  const io = { stdout: "", stderr: "", out: (t: string) => void (io.stdout += t), err: (t: string) => void (io.stderr += t) };
  return io;
};
const write = (name: string, text: string) => {
  const p = path.join(dir, name);
  writeFileSync(p, text);
  return p;
};

const BASE = `district: Refusal District
preferences: { automaticStaffAccounts: false }
calendars:
  - { school: Ballard High, year: "2025-26", calendar: "25-26 Ballard High" }
groups:
  - name: Schedulers
    template: Schedulers
    limit: 3
  - name: Ballard Calendar
    calendars:
      - { school: Ballard High, year: "*", calendar: "*", modify: true }
users:
  - username: jdoe
    groups: [Schedulers, Ballard Calendar]
assertions:
  - { user: jdoe, tool: "Scheduling > Courses", rights: RWA }
`;

/** Everything a refused apply must leave as it was. */
async function snapshot() {
  const exported = capture();
  await runPolicyExport(database, "Refusal District", exported);
  const [audits] = await database.db.select({ n: sql<number>`count(*)`.mapWith(Number) }).from(auditLog).where(eq(auditLog.districtId, districtId));
  const [count] = await database.db.select({ n: sql<number>`count(*)`.mapWith(Number) }).from(districts);
  return { yaml: exported.stdout, audits: audits!.n, districts: count!.n, version: await readRightsVersion(database.db, { districtId }) };
}

beforeAll(async () => {
  database = await createTestDatabase();
  dir = mkdtempSync(path.join(tmpdir(), "gh-refuse-"));
  expect(await runPolicyApply(database, write("base.policy.yaml", BASE), capture())).toBe(0);
  districtId = (await database.db.select().from(districts).where(eq(districts.name, "Refusal District")))[0]!.id;
});
afterAll(async () => {
  await database.close();
  rmSync(dir, { recursive: true, force: true });
});

// Each bad file also carries a valid change (limit 3 → 4), so "nothing changed" means something.
const withValidChanges = (text: string) => text.replace("limit: 3", "limit: 4");
const cases: { name: string; bad: string; marker: string; message: RegExp }[] = [
  {
    name: "an unknown tool path",
    bad: withValidChanges(BASE).replace("limit: 4\n", 'limit: 4\n    rights:\n      "Scheduling > Shedule Wizard": R\n'),
    marker: '"Scheduling > Shedule Wizard"',
    message: /Unknown tool path "Scheduling > Shedule Wizard"; did you mean "Scheduling > Schedule Wizard"\?/,
  },
  {
    name: "a bad rights string",
    bad: withValidChanges(BASE).replace("limit: 4\n", 'limit: 4\n    rights:\n      "Scheduling > Courses": read-only\n'),
    marker: '"Scheduling > Courses": read-only',
    message: /Rights on "Scheduling > Courses": "read-only" is not a set of rights: .* are not rights; .*; did you mean "R"\?/
  },
  {
    name: "partial Campus Instruction rights",
    bad: withValidChanges(BASE).replace("limit: 4\n", 'limit: 4\n    rights:\n      "Campus Instruction > Grade Book": RW\n'),
    marker: '"Campus Instruction > Grade Book": RW',
    message: /Campus Instruction tool: rights are all or nothing, so use RWAD or ""/,
  },
  {
    name: "tool rights on a calendar-only group while automatic staff accounts are on",
    bad: withValidChanges(BASE)
      .replace("automaticStaffAccounts: false", "automaticStaffAccounts: true")
      .replace("  - name: Ballard Calendar\n", '  - name: Ballard Calendar\n    rights: { "Census": R }\n'),
    marker: 'rights: { "Census": R }',
    message: /calendar user group cannot also be given tool rights\. Put the tool rights in a separate group .* or turn the preference off/,
  },
  {
    name: "an unknown group",
    bad: withValidChanges(BASE).replace("groups: [Schedulers, Ballard Calendar]", "groups: [Shedulers, Ballard Calendar]"),
    marker: "groups: [Shedulers",
    message: /Unknown group "Shedulers" \(define it under groups\); did you mean "Schedulers"\?/,
  },
  {
    name: "a school year the database cannot date",
    bad: withValidChanges(BASE).replace('year: "2025-26"', 'year: "next year"'),
    marker: 'year: "next year"',
    message: /School years are named like "2025-26".*got "next year"/,
  },
  {
    name: "a username nobody could sign in with",
    bad: withValidChanges(BASE).replace("assertions:", '  - username: "j doe"\nassertions:'),
    marker: '"j doe"',
    message: /Username "j doe" cannot sign in: .*; did you mean "j\.doe"\?/,
  },
];

describe("gatehouse policy apply refuses a wrong file before changing anything", () => {
  it.each(cases)("$name: file:line, a suggestion, exit 2, nothing applied", async ({ name, bad, marker, message }) => {
    const before = await snapshot();
    const file = write(`${name.replace(/\W+/g, "-")}.policy.yaml`, bad);
    const line = bad.split("\n").findIndex((l) => l.includes(marker)) + 1;
    expect(line).toBeGreaterThan(0);
    const io = capture();
    expect(await runPolicyApply(database, file, io)).toBe(2);
    const problem = io.stderr.split("\n").find((l) => message.test(l));
    expect(problem, io.stderr).toBeDefined();
    expect(problem!.startsWith(`${file}:${line}:`), `${problem} should point at line ${line}`).toBe(true);
    expect(io.stderr).toMatch(/nothing was (checked or )?applied/);
    expect(io.stdout).toBe("");
    expect(await snapshot()).toEqual(before);
  });

  it("a good file with the same valid change is applied (the cases above fail only on their fault)", async () => {
    const io = capture();
    expect(await runPolicyApply(database, write("good.policy.yaml", withValidChanges(BASE)), io)).toBe(0);
    expect(io.stderr).toContain('group "Schedulers": member limit 4');
  });
});

describe("gatehouse policy test on a wrong file", () => {
  it("prints where and why, no assertion results, and exits 2", async () => {
    const io = capture();
    const file = write("bad-test.policy.yaml", cases[0]!.bad);
    expect(await runPolicyTest(file, io)).toBe(2);
    expect(io.stderr).toMatch(new RegExp(`^${file.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&")}:\\d+:\\d+: Unknown tool path`, "m"));
    expect(io.stdout).not.toMatch(/passed/);
  });
});
