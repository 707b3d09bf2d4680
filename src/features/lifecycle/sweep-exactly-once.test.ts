import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { connectDatabase, type Database } from "../../platform/db/connect.js";
import { buildDistrict } from "../../../test/support/factories.js";
import { expectedDay300, prepareAllStagesDue, sweepOn, timeline } from "../../../test/support/lifecycle.js";
import { createTestDatabase } from "../../../test/support/test-db.js";

let database: Database & { url?: string };
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  await database?.close();
});

const inDistrict = (name: string, actions: { district: string; username: string; action: string }[]) =>
  actions.filter((a) => a.district === name).map((a) => `${a.username}:${a.action}`).sort();

/** Outbox messages of the district grouped by dedupe key: every key must appear once. */
async function mailCounts(districtId: string) {
  return database.query<{ dedupe_key: string; n: number }>(
    "select dedupe_key, count(*)::int as n from outbox where district_id = $1 group by dedupe_key",
    [districtId],
  );
}

async function stagesRecorded(districtId: string) {
  const rows = await database.query<{ stage: string; n: number }>(
    "select stage, count(*)::int as n from contact_notices where district_id = $1 and sent_on = '2040-10-28' group by stage order by stage",
    [districtId],
  );
  return Object.fromEntries(rows.map((r) => [r.stage, r.n]));
}

describe("every notice exactly once", () => {
  it("two sweepers at once send each notice once", async () => {
    const t = timeline("2040-01-02");
    const district = await buildDistrict(database.db);
    const { groups, day } = await prepareAllStagesDue(database, t, district.id);
    const before = (await mailCounts(district.id)).length;
    // On PostgreSQL: two separate connection pools, as two servers would have. PGlite has one connection.
    const second = database.url ? await connectDatabase({ databaseUrl: database.url }) : database;
    try {
      const [a, b] = await Promise.all([sweepOn(database, day), sweepOn(second, day)]);
      expect([...inDistrict(district.name, a), ...inDistrict(district.name, b)].sort()).toEqual(expectedDay300(groups));
    } finally {
      if (second !== database) await second.close();
    }
    const mail = await mailCounts(district.id);
    expect(mail.every((m) => m.n === 1)).toBe(true);
    // Every contact got one message today: notices, reminders, finals and deactivation messages.
    expect(mail.length - before).toBe(12);
  });

  it("a sweep that fails part-way keeps the stages it finished, and the next run sends only what was missed", async () => {
    const t = timeline("2040-01-02");
    const district = await buildDistrict(database.db);
    const { groups, day } = await prepareAllStagesDue(database, t, district.id);
    // The reminder stage (third of four) fails inside its transaction, as a crash there would.
    await database.query(`create or replace function fail_reminder() returns trigger language plpgsql as $$
      begin raise exception 'simulated crash in the reminder stage'; end $$`);
    await database.query(`create trigger fail_reminder before insert on outbox for each row
      when (new.kind = 'contact-reminder' and new.district_id = '${district.id}') execute function fail_reminder()`);
    await expect(sweepOn(database, day)).rejects.toThrow();
    expect(await stagesRecorded(district.id)).toEqual({ deactivate: 3, "final-notice": 3 });

    await database.query("drop trigger fail_reminder on outbox");
    const rerun = inDistrict(district.name, await sweepOn(database, day));
    expect(rerun).toEqual(expectedDay300({ reminder: groups.reminder, notice: groups.notice }));
    expect(await stagesRecorded(district.id)).toEqual({ deactivate: 3, "final-notice": 3, notice: 3, reminder: 3 });
    expect((await mailCounts(district.id)).every((m) => m.n === 1)).toBe(true);
    expect(inDistrict(district.name, await sweepOn(database, day))).toEqual([]);
  });

});
