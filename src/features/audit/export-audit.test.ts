import { Writable } from "node:stream";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runWithIo, type CliIo } from "../../cli/io.js";
import { runProgram } from "../../cli/program.js";
import { recordAudit } from "../../platform/audit.js";
import { sisAccessLog } from "../../platform/db/schema/adhoc.js";
import { buildDistrict } from "../../../test/support/factories.js";
import { createTestDatabase } from "../../../test/support/test-db.js";
import type { Database } from "../../platform/db/connect.js";
import { exportAudit } from "./export-audit.js";

let database: Database & { url?: string };
let north: Awaited<ReturnType<typeof buildDistrict>>;
let south: Awaited<ReturnType<typeof buildDistrict>>;
const ACTOR = "00000000-0000-4000-8000-000000000001";

beforeAll(async () => {
  database = await createTestDatabase();
  north = await buildDistrict(database.db);
  south = await buildDistrict(database.db);
  for (const [district, n] of [[north, 5], [south, 2]] as const) {
    for (let i = 0; i < n; i++) {
      await recordAudit(database.db, { districtId: district.id, actor: { id: ACTOR, name: "Ann, \"the\" admin" }, action: "group.renamed", target: { type: "group", id: `g${i}`, name: i === 0 ? "=cmd|' /C calc'!A0" : `Group ${i}` }, before: { name: "a" }, after: { name: "b\nc" } });
    }
  }
  await database.db.insert(sisAccessLog).values([
    { districtId: north.id, actorId: ACTOR, actorName: "Ann", personId: ACTOR, fields: ["ssn"], tools: ["Student Information > General > Demographics"], route: "screen" },
    { districtId: south.id, actorId: ACTOR, actorName: "Ann", personId: ACTOR, fields: ["ssn"], tools: ["Student Information > General > Demographics"], route: "adhoc-export" },
  ]);
  // Rows before --since: an old entry written with an explicit time.
  await database.query("insert into audit_log (district_id, at, action) values ($1, '2020-01-01T00:00:00Z', 'old.entry')", [north.id]);
}, 180_000);
afterAll(async () => {
  await database?.close();
});

async function gatehouse(...args: string[]) {
  let stdout = "";
  let stderr = "";
  const sink = (add: (t: string) => void) => new Writable({ write: (chunk, _e, cb) => (add(String(chunk)), cb()) });
  const env: Record<string, string> = database.url ? { DATABASE_URL: database.url } : {};
  // In-memory PGlite cannot be opened by a second handle: run as the server would, on this one.
  const io: CliIo = { stdout: sink((t) => (stdout += t)), stderr: sink((t) => (stderr += t)), cwd: process.cwd(), env, exitCode: undefined, server: { database, config: {} as never } };
  const code = await runWithIo(io, () => runProgram(["node", "gatehouse", ...args]));
  return { code, stdout, stderr };
}

describe("gatehouse audit export", () => {
  it("streams the audit log, then the FERPA access log, of one district as JSON lines from a date", async () => {
    const run = await gatehouse("audit", "export", "--since", "2021-01-01", "--district", north.slug, "--format", "jsonl");
    expect(run.code, run.stderr).toBe(0);
    const lines = run.stdout.trimEnd().split("\n").map((l) => JSON.parse(l) as Record<string, unknown>);
    const mine = lines.filter((l) => l.district === north.slug);
    expect(mine).toHaveLength(lines.length);
    expect(lines.map((l) => l.log)).toEqual([...Array(5).fill("audit"), "access"]);
    expect(lines[0]).toMatchObject({ action: "group.renamed", actor_name: 'Ann, "the" admin', before: { name: "a" }, after: { name: "b\nc" } });
    expect(lines[5]).toMatchObject({ field: "ssn", route: "screen", actor_id: ACTOR });
    expect(lines.some((l) => l.action === "old.entry")).toBe(false);
  });

  it("writes CSV with a header, RFC 4180 quoting and no spreadsheet formulas", async () => {
    const run = await gatehouse("audit", "export", "--since", "2021-01-01", "--district", north.slug, "--format", "csv");
    expect(run.code, run.stderr).toBe(0);
    const [header, first] = run.stdout.split("\r\n");
    expect(header).toBe("log,id,at,district,actor_id,actor_name,action,target_type,target_id,target_name,before,after,request_id,ip,person_id,field,tool,route,filter_id");
    expect(first).toContain(`"Ann, ""the"" admin",group.renamed,group,g0,'=cmd|' /C calc'!A0,"{""name"":""a""}","{""name"":""b\\nc""}"`);
  });

  it("reads in keyset batches: every entry once, in id order, whatever the batch size", async () => {
    const all: string[] = [];
    for await (const batch of exportAudit(database, { since: new Date("2021-01-01"), batchSize: 2 })) {
      expect(batch.length).toBeLessThanOrEqual(2);
      all.push(...batch.map((e) => `${e.log}:${e.id}`));
    }
    expect(new Set(all).size).toBe(all.length);
    expect(all.filter((a) => a.startsWith("audit:"))).toHaveLength(7);
    expect(all.filter((a) => a.startsWith("access:"))).toHaveLength(2);
  });

  it("refuses a bad date (exit 2) and an unknown district", async () => {
    expect(await gatehouse("audit", "export", "--since", "yesterday-ish")).toEqual({ code: 2, stdout: "", stderr: 'gatehouse: --since "yesterday-ish" is not a date; use e.g. 2026-09-01\n' });
    expect(await gatehouse("audit", "export", "--since", "2021-01-01", "--district", "nowhere")).toMatchObject({ code: 1, stderr: 'gatehouse: There is no district "nowhere".\n' });
  });
});
