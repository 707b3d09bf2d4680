/** Every examples/*.policy.yaml through the database: apply, export, and the export keeps every assertion true. */
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runPolicyApply, runPolicyExport, type Output } from "../../../cli/policy.js";
import { parsePolicy } from "../../../domain/policy/parse-policy.js";
import { formatPolicyError, type PolicyDocument } from "../../../domain/policy/policy-document.js";
import { formatAssertionReport, runAssertions } from "../../../domain/policy/run-assertions.js";
import { getCatalog } from "../../../domain/rights/catalog.js";
import { listTemplates } from "../../../domain/rights/templates.js";
import { districts } from "../../../platform/db/schema/districts.js";
import { rightEntries, userGroups } from "../../../platform/db/schema/rights.js";
import type { Database } from "../../../platform/db/connect.js";
import { createTestDatabase } from "../../../../test/support/test-db.js";

let database: Database;
let dir: string;
beforeAll(async () => {
  database = await createTestDatabase();
  dir = mkdtempSync(path.join(tmpdir(), "gh-examples-"));
});
afterAll(async () => {
  await database.close();
  rmSync(dir, { recursive: true, force: true });
});
const write = (name: string, text: string) => {
  const p = path.join(dir, `exported-${name}`);
  writeFileSync(p, text);
  return p;
};

const examples = path.resolve("examples");
const files = readdirSync(examples).filter((f) => f.endsWith(".policy.yaml")).sort();

const capture = (): Output & { stdout: string; stderr: string } => {
  const io = { stdout: "", stderr: "", out: (t: string) => void (io.stdout += t), err: (t: string) => void (io.stderr += t) };
  return io;
};
function parse(text: string, name: string): PolicyDocument {
  const r = parsePolicy(text, name);
  if (!r.ok) throw new Error(r.errors.map(formatPolicyError).join("\n"));
  return r.policy;
}

describe("examples applied to a database and exported back", () => {
  it.each(files)("%s: apply, export, the export holds every assertion and applies as a no-op", async (file) => {
    const example = parse(readFileSync(path.join(examples, file), "utf8"), file);
    expect(await runPolicyApply(database, path.join(examples, file), capture())).toBe(0);
    const exported = capture();
    expect(await runPolicyExport(database, example.district, exported)).toBe(0);
    const back = parse(exported.stdout, `export of ${file}`);
    const report = runAssertions({ ...back, assertions: example.assertions }, getCatalog());
    expect(report.failed, formatAssertionReport(report)).toBe(0);
    expect(report.passed).toBe(example.assertions.length);
    for (const source of [path.join(examples, file), write(file, exported.stdout)]) {
      const again = capture();
      expect(await runPolicyApply(database, source, again)).toBe(0);
      expect(again.stdout, source).toMatch(/^No changes/);
    }
  });
});

describe("all seed template groups in one apply", () => {
  it("creates the 21 groups with every row and the seed's member limits", async () => {
    const file = path.join(examples, "all-seed-template-groups.policy.yaml");
    expect(await runPolicyApply(database, file, capture())).toBe(0);
    const [district] = await database.db.select().from(districts).where(eq(districts.name, "All Seed Template Groups Example District"));
    const groups = await database.db.select().from(userGroups).where(eq(userGroups.districtId, district!.id));
    for (const t of listTemplates()) {
      const g = groups.find((x) => x.name === t.name);
      expect(g, t.name).toBeDefined();
      expect(g!.memberLimit, t.name).toBe(t.memberLimit ?? null);
      const entries = await database.db.select().from(rightEntries).where(eq(rightEntries.groupId, g!.id));
      const timed = t.entries.filter((e) => e.untilRule && e.rights !== "").length;
      expect(entries, t.name).toHaveLength(t.entries.length + timed);
    }
  });
});

