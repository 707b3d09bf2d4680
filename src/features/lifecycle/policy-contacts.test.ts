import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parsePolicy } from "../../domain/policy/parse-policy.js";
import type { Database } from "../../platform/db/connect.js";
import { authorizedContacts } from "../../platform/db/schema/contacts.js";
import { districts } from "../../platform/db/schema/districts.js";
import { users } from "../../platform/db/schema/users.js";
import { applyPolicy } from "../rights/policy/apply-policy.js";
import { sweepOn, timeline } from "../../../test/support/lifecycle.js";
import { createTestDatabase } from "../../../test/support/test-db.js";

let database: Database;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  await database?.close();
});

/** A policy file naming the district's contacts and when each was last active (days of `t`). */
function policyFile(district: string, t: ReturnType<typeof timeline>, contacts: { username: string; lastActive?: number }[]) {
  const lines = contacts.map(
    (c) => `    - { username: ${c.username}, email: ${c.username}@example.org, type: support${c.lastActive === undefined ? "" : `, lastActivity: ${t.date(c.lastActive)}`} }`,
  );
  const parsed = parsePolicy([`district: ${district}`, "support:", "  contacts:", ...lines, ""].join("\n"), "contacts.policy.yaml");
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
  return parsed.policy;
}

const actionsIn = async (district: string, day: number) => (await sweepOn(database, day)).filter((a) => a.district === district).map((a) => `${a.username}:${a.action}`);

async function contact(username: string) {
  const [row] = await database.db
    .select({ status: authorizedContacts.status, cycle: authorizedContacts.inactivityCycle, lastActivityAt: authorizedContacts.lastActivityAt })
    .from(authorizedContacts)
    .innerJoin(users, eq(users.id, authorizedContacts.userId))
    .where(eq(users.username, username));
  return row!;
}

describe("contacts and their last activity from a policy file's support section", () => {
  it("are swept like any contact: the file's last activity decides when the notice goes", async () => {
    const t = timeline("2036-01-01");
    const name = "Policy Lifecycle District";
    await applyPolicy(database.db, policyFile(name, t, [{ username: "pl-idle", lastActive: 0 }, { username: "pl-busy", lastActive: 100 }]));
    expect(await actionsIn(name, t.day(179))).toEqual([]);
    expect(await actionsIn(name, t.day(180))).toEqual(["pl-idle:notice"]);
    // Day 280: the busy contact's notice; the idle one, never swept since day 180, gets its final notice.
    expect((await actionsIn(name, t.day(280))).sort()).toEqual(["pl-busy:notice", "pl-idle:final-notice"]);
  });

  it("a newer last activity in the file clears a pending deactivation and starts a new cycle", async () => {
    const t = timeline("2037-01-01");
    const name = "Policy Activity District";
    await applyPolicy(database.db, policyFile(name, t, [{ username: "pa-kim", lastActive: 0 }]));
    expect(await actionsIn(name, t.day(180))).toEqual(["pa-kim:notice"]);
    expect(await contact("pa-kim")).toMatchObject({ status: "pending-deactivation", cycle: 0 });

    const { changes } = await applyPolicy(database.db, policyFile(name, t, [{ username: "pa-kim", lastActive: 190 }]));
    expect(changes.join("\n")).toContain("pa-kim: contact status, deactivatedAt, inactivityCycle, lastActivityAt updated");
    expect(await contact("pa-kim")).toMatchObject({ status: "active", cycle: 1 });
    // The old cycle's reminder (due day 195) and deactivation (day 210) never come.
    for (const n of [195, 209, 210, 369]) expect(await actionsIn(name, t.day(n)), `day ${n}`).toEqual([]);
    expect(await actionsIn(name, t.day(370))).toEqual(["pa-kim:notice"]);
    // Applying the same file again changes nothing.
    expect((await applyPolicy(database.db, policyFile(name, t, [{ username: "pa-kim", lastActive: 190 }]))).changes).toEqual([]);
  });

  it("an older last activity does not clear a pending deactivation", async () => {
    const t = timeline("2038-01-01");
    const name = "Policy Older District";
    await applyPolicy(database.db, policyFile(name, t, [{ username: "po-lee", lastActive: 10 }]));
    expect(await actionsIn(name, t.day(190))).toEqual(["po-lee:notice"]);
    await applyPolicy(database.db, policyFile(name, t, [{ username: "po-lee", lastActive: 5 }]));
    expect(await contact("po-lee")).toMatchObject({ status: "pending-deactivation", cycle: 0 });
    expect(await actionsIn(name, t.day(205))).toEqual(["po-lee:reminder"]);
  });

  it("a deactivated contact named in the file is reactivated with a new cycle, and is swept again", async () => {
    const t = timeline("2039-01-01");
    const name = "Policy Reactivation District";
    await applyPolicy(database.db, policyFile(name, t, [{ username: "pr-dana", lastActive: 0 }]));
    for (const n of [180, 195, 209]) await sweepOn(database, t.day(n));
    expect(await actionsIn(name, t.day(210))).toEqual(["pr-dana:deactivate"]);

    await applyPolicy(database.db, policyFile(name, t, [{ username: "pr-dana", lastActive: 250 }]));
    expect(await contact("pr-dana")).toMatchObject({ status: "active", cycle: 1 });
    expect(await actionsIn(name, t.day(429))).toEqual([]);
    expect(await actionsIn(name, t.day(430))).toEqual(["pr-dana:notice"]);
  });

  it("a contact reactivated by a file without a last activity counts as active from the moment it is applied", async () => {
    const t = timeline("2040-06-01");
    const name = "Policy Restart District";
    await applyPolicy(database.db, policyFile(name, t, [{ username: "ps-ola", lastActive: 0 }]));
    const [district] = await database.db.select().from(districts).where(eq(districts.name, name));
    await database.db.update(authorizedContacts).set({ status: "deactivated", deactivatedAt: t.at(210) }).where(eq(authorizedContacts.districtId, district!.id));
    const before = Date.now();
    await applyPolicy(database.db, policyFile(name, t, [{ username: "ps-ola" }]));
    const row = await contact("ps-ola");
    expect(row).toMatchObject({ status: "active", cycle: 1 });
    expect(row.lastActivityAt.getTime()).toBeGreaterThanOrEqual(before - 60_000);
  });
});
