import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { nextLifecycleAction, type LifecycleFacts } from "../../domain/contacts/lifecycle-rules.js";
import type { Database } from "../../platform/db/connect.js";
import { recordContactActivity } from "../contacts/record-contact-activity.js";
import { buildDistrict } from "../../../test/support/factories.js";
import { addContact, sweepOn, timeline } from "../../../test/support/lifecycle.js";
import { createTestDatabase } from "../../../test/support/test-db.js";

let database: Database;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  await database?.close();
});

/** Deterministic pseudo-random numbers, so a failure can be replayed. */
function mulberry32(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe("the set-based sweep follows the lifecycle rules", () => {
  it("on irregular sweeps and random activity, acts exactly as nextLifecycleAction says, day by day", async () => {
    const rnd = mulberry32(20270101);
    const t = timeline("2050-01-01");
    const district = await buildDistrict(database.db);
    const model = new Map<string, { contactId: string; facts: LifecycleFacts }>();
    for (let i = 0; i < 24; i++) {
      const last = Math.floor(rnd() * 60);
      const c = await addContact(database.db, { districtId: district.id, lastActivityAt: t.at(last) });
      model.set(c.username, { contactId: c.contactId, facts: { status: "active", lastActivityDay: t.day(last), sent: {} } });
    }
    for (let n = 170; n <= 330; n++) {
      if (rnd() < 0.65) {
        const expected: string[] = [];
        for (const [username, m] of model) {
          const action = nextLifecycleAction(m.facts, t.day(n));
          if (!action) continue;
          expected.push(`${username}:${action}`);
          m.facts.sent[action] = t.day(n);
          if (action === "notice") m.facts.status = "pending-deactivation";
          if (action === "deactivate") m.facts.status = "deactivated";
        }
        const actual = (await sweepOn(database, t.day(n))).filter((a) => a.district === district.name).map((a) => `${a.username}:${a.action}`);
        expect(actual.sort(), `day ${n}`).toEqual(expected.sort());
      }
      // Later that day, now and then, a contact signs in.
      if (rnd() < 0.15) {
        const [username, m] = [...model.entries()][Math.floor(rnd() * model.size)]!;
        await database.db.transaction((tx) => recordContactActivity(tx, { districtId: district.id, contactId: m.contactId, kind: "portal-sign-in", at: t.at(n) }));
        m.facts.lastActivityDay = t.day(n);
        if (m.facts.status === "pending-deactivation") model.set(username, { ...m, facts: { status: "active", lastActivityDay: t.day(n), sent: {} } });
      }
    }
    const outcomes = new Set([...model.values()].map((m) => m.facts.status));
    expect(outcomes.size).toBeGreaterThan(1); // the run reached more than one ending
  }, 120_000);
});
