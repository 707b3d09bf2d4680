import type { ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { formatDay } from "../../domain/contacts/calendar-day.js";
import { connectDatabase, type Database } from "../../platform/db/connect.js";
import { migrateDatabase } from "../../platform/db/migrate.js";
import { SWEEP_LOCK, SWEEP_SHARES } from "./sweep-contacts.js";
import { buildDistrict } from "../../../test/support/factories.js";
import { expectedDay300, prepareAllStagesDue, sweepOn, timeline } from "../../../test/support/lifecycle.js";
import { createTestDatabase } from "../../../test/support/test-db.js";
import { runCli as runProcess } from "../../../test/support/cli-process.js";

const POSTGRES = Boolean(process.env.TEST_DATABASE_URL);

/**
 * The CLI needs a database another process can open: a PostgreSQL database of its own, or a
 * PGlite data folder (closed here while the CLI runs, since PGlite allows one process at a time).
 */
async function cliDatabase(): Promise<{ env: Record<string, string>; open(): Promise<Database>; release(): Promise<void>; dispose(): Promise<void> }> {
  if (POSTGRES) {
    const database = await createTestDatabase();
    return { env: { DATABASE_URL: database.url! }, open: async () => database, release: async () => undefined, dispose: () => database.close() };
  }
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "gatehouse-sweep-cli-"));
  let current: Database | null = null;
  return {
    env: { DATABASE_URL: "", GATEHOUSE_DATA_DIR: dataDir },
    open: async () => {
      current = await connectDatabase({ dataDir });
      await migrateDatabase(current);
      return current;
    },
    release: async () => {
      await current?.close();
      current = null;
    },
    dispose: async () => {
      await current?.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

function runCli(args: string[], env: Record<string, string>, onStart?: (child: ChildProcess) => void) {
  return runProcess(args, env, { onStart });
}

const target = await cliDatabase();
afterAll(() => target.dispose());

describe("gatehouse contacts sweep", () => {
  it("--json prints exactly one {district, username, action} object per action and nothing else", async () => {
    const t = timeline("2045-01-01");
    const database = await target.open();
    const district = await buildDistrict(database.db);
    const { groups, day } = await prepareAllStagesDue(database, t, district.id, 2);
    await target.release();

    const first = await runCli(["contacts", "sweep", "--as-of", formatDay(day), "--json"], target.env);
    expect(first.code, first.stderr).toBe(0);
    const lines = first.stdout.split("\n").filter((l, i, all) => !(l === "" && i === all.length - 1));
    const objects = lines.map((l) => JSON.parse(l) as Record<string, string>);
    for (const o of objects) expect(Object.keys(o).sort()).toEqual(["action", "district", "username"]);
    expect(objects.every((o) => o.district === district.name)).toBe(true);
    expect(objects.map((o) => `${o.username}:${o.action}`).sort()).toEqual(expectedDay300(groups));

    const again = await runCli(["contacts", "sweep", "--as-of", formatDay(day), "--json"], target.env);
    expect(again.code, again.stderr).toBe(0);
    expect(again.stdout).toBe("");
  }, 120_000);

  it("sweeps contacts loaded with `gatehouse policy apply` from a file's support section, with their last activity", async () => {
    const t = timeline("2047-01-01");
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "gatehouse-sweep-policy-"));
    const file = path.join(dir, "contacts.policy.yaml");
    const policy = (lastKim: number) =>
      [
        "district: Sweep Policy District",
        "support:",
        "  contacts:",
        `    - { username: sp-kim, email: sp-kim@example.org, type: technical, lastActivity: ${t.date(lastKim)} }`,
        `    - { username: sp-lee, email: sp-lee@example.org, type: support, lastActivity: ${t.date(20)} }`,
        "",
      ].join("\n");
    try {
      fs.writeFileSync(file, policy(0));
      const applied = await runCli(["policy", "apply", file], target.env);
      expect(applied.code, applied.stderr).toBe(0);
      // Other tests' districts share this database: keep this district's lines, in their order.
      const sweep = async (n: number) => {
        const run = await runCli(["contacts", "sweep", "--as-of", t.date(n), "--json"], target.env);
        expect(run.code, run.stderr).toBe(0);
        return run.stdout.split("\n").filter((l) => l.includes('"district":"Sweep Policy District"'));
      };
      const line = (username: string, action: string) => JSON.stringify({ district: "Sweep Policy District", username, action });
      // (Day by day, before and after, is tested without processes in policy-contacts.test.ts.)
      expect(await sweep(180)).toEqual([line("sp-kim", "notice")]);

      // The file now says Kim was active on day 185: that clears the pending deactivation.
      fs.writeFileSync(file, policy(185));
      expect((await runCli(["policy", "apply", file], target.env)).code).toBe(0);
      expect(await sweep(200)).toEqual([line("sp-lee", "notice")]);
      // Kim's new cycle gives a notice on day 365; Lee, not swept since day 200, gets the final
      // notice. Stages print in the order they run: final notices before notices.
      expect(await sweep(365)).toEqual([line("sp-lee", "final-notice"), line("sp-kim", "notice")]);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }, 240_000);

  it("refuses a bad --as-of with a message on stderr and exit code 2", async () => {
    const run = await runCli(["contacts", "sweep", "--as-of", "2026-13-01", "--json"], target.env);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe("");
    expect(run.stderr).toContain("--as-of");
  }, 60_000);
});

// Two processes at once need a database two processes share: PostgreSQL. (PGlite allows one
// process; two sweeps on one PGlite connection are tested in sweep-exactly-once.test.ts.)
if (POSTGRES) {
  describe("two sweeper processes at once", () => {
    it("send each notice once between them", async () => {
      const t = timeline("2048-01-01");
      const database = await target.open();
      const district = await buildDistrict(database.db);
      const { groups, day } = await prepareAllStagesDue(database, t, district.id, 3);
      // Hold the sweepers' turn lock of every share so both processes are connected and inside
      // their first stage's transactions before either may act; then let them go together.
      const holder = new pg.Client({ connectionString: target.env.DATABASE_URL });
      await holder.connect();
      const shares = Array.from({ length: SWEEP_SHARES }, (_, share) => share);
      for (const share of shares) await holder.query("select pg_advisory_lock($1, $2)", [SWEEP_LOCK, share]);
      const args = ["contacts", "sweep", "--as-of", formatDay(day), "--json"];
      const runs = Promise.all([runCli(args, target.env), runCli(args, target.env)]);
      const waitingForTurn = async () =>
        (await database.query<{ n: number }>("select count(*)::int as n from pg_locks where locktype = 'advisory' and classid = $1 and objsubid = 2 and not granted and database = (select oid from pg_database where datname = current_database())", [SWEEP_LOCK]))[0]!.n;
      for (let i = 0; i < 600 && (await waitingForTurn()) < 2 * SWEEP_SHARES; i++) await new Promise((r) => setTimeout(r, 100));
      expect(await waitingForTurn()).toBe(2 * SWEEP_SHARES);
      for (const share of shares) await holder.query("select pg_advisory_unlock($1, $2)", [SWEEP_LOCK, share]);
      await holder.end();
      const [a, b] = await runs;
      expect(a.code, a.stderr).toBe(0);
      expect(b.code, b.stderr).toBe(0);
      const parse = (out: string) => out.split("\n").filter(Boolean).map((l) => JSON.parse(l) as { district: string; username: string; action: string });
      const all = [...parse(a.stdout), ...parse(b.stdout)].filter((o) => o.district === district.name).map((o) => `${o.username}:${o.action}`).sort();
      expect(all).toEqual(expectedDay300(groups));
      const dupes = await database.query("select dedupe_key from outbox where district_id = $1 group by dedupe_key having count(*) > 1", [district.id]);
      expect(dupes).toEqual([]);
      const [today] = await database.query<{ mail: number }>(
        "select count(*)::int as mail from outbox o join contact_notices n on o.dedupe_key = 'contact-lifecycle:' || n.contact_id || ':' || n.inactivity_cycle || ':' || n.stage where n.district_id = $1 and n.sent_on = $2",
        [district.id, formatDay(day)],
      );
      expect(today!.mail).toBe(12);
    }, 240_000);
  });
}

// Killing a second process mid-sweep needs a database two processes share: PostgreSQL. On PGlite
// the same guarantee is tested by failing inside a stage's transaction (sweep-exactly-once.test.ts).
if (POSTGRES) {
  describe("a sweeper process killed mid-way", () => {
    it("loses only its unfinished stage, and the next run sends what was missed and nothing twice", async () => {
      const t = timeline("2046-01-01");
      const database = await target.open();
      const district = await buildDistrict(database.db);
      const { groups, day } = await prepareAllStagesDue(database, t, district.id, 2);
      // Hold one reminder-stage contact locked, so the CLI blocks inside its reminder transaction.
      const holder = new pg.Client({ connectionString: target.env.DATABASE_URL });
      await holder.connect();
      await holder.query("begin");
      await holder.query("select 1 from authorized_contacts where id = (select id from authorized_contacts where user_id = (select id from users where username = $1)) for update", [
        groups.reminder[0]!.username,
      ]);
      const killed = await runCli(["contacts", "sweep", "--as-of", formatDay(day)], target.env, (child) => {
        void (async () => {
          for (let i = 0; i < 600; i++) {
            const [waiting] = await database.query<{ n: number }>(
              "select count(*)::int as n from pg_stat_activity where datname = current_database() and wait_event_type = 'Lock' and query ilike '%contact_notices%'",
            );
            if (waiting!.n > 0) return child.kill("SIGKILL");
            await new Promise((r) => setTimeout(r, 100));
          }
          child.kill("SIGKILL");
        })();
      });
      expect(killed.signal).toBe("SIGKILL");
      await holder.query("rollback");
      await holder.end();

      const stages = await database.query<{ stage: string; n: number }>(
        "select stage, count(*)::int as n from contact_notices where district_id = $1 and sent_on = $2 group by stage order by stage",
        [district.id, formatDay(day)],
      );
      expect(Object.fromEntries(stages.map((s) => [s.stage, s.n]))).toEqual({ deactivate: 2, "final-notice": 2 });

      const rerun = (await sweepOn(database, day)).filter((a) => a.district === district.name).map((a) => `${a.username}:${a.action}`).sort();
      expect(rerun).toEqual(expectedDay300({ reminder: groups.reminder, notice: groups.notice }));
      const dupes = await database.query("select dedupe_key from outbox where district_id = $1 group by dedupe_key having count(*) > 1", [district.id]);
      expect(dupes).toEqual([]);
      // One email per recorded stage: none lost with the killed process, none sent twice.
      const [counts] = await database.query<{ mail: number; stages: number }>(
        "select (select count(*)::int from outbox where district_id = $1) as mail, (select count(*)::int from contact_notices where district_id = $1) as stages",
        [district.id],
      );
      expect(counts!.mail).toBe(counts!.stages);
    }, 120_000);
  });
}
