import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildDistrict } from "../../../test/support/factories.js";
import { buildRightsGroup } from "../../../test/support/rights-factories.js";
import { createTestDatabase } from "../../../test/support/test-db.js";
import type { Database } from "../../platform/db/connect.js";
import { staffAutomationMappings } from "../../platform/db/schema/oneroster.js";
import { userGroupMembers } from "../../platform/db/schema/rights.js";
import { users } from "../../platform/db/schema/users.js";
import { applyStaffAssignments } from "./apply-staff-assignments.js";

let database: Database;
beforeAll(async () => void (database = await createTestDatabase()));
afterAll(async () => database.close());
const ctx = { source: "web", by: null, now: new Date("2026-01-10T09:00:00Z") };

describe("applyStaffAssignments (what SCIM and the web app call)", () => {
  it("does nothing while the preference is off", async () => {
    const d = await buildDistrict(database.db);
    const result = await database.db.transaction((tx) => applyStaffAssignments(tx, { districtId: d.id }, [{ username: "newbie", schools: [{ schoolName: "Ballard High", title: "teacher" }] }], ctx));
    expect(result).toEqual({ ran: false, actions: [] });
    expect(await database.db.select().from(users).where(eq(users.districtId, d.id))).toEqual([]);
  });

  it("creates the account, places it by school and title, disables it when the last assignment ends, enables it again", async () => {
    const d = await buildDistrict(database.db, { preferences: { automaticStaffAccounts: true } });
    const calendars = await buildRightsGroup(database.db, d.id, { name: "Ballard", calendars: [{ school: "Ballard High", year: "*", calendar: "*", modify: false }] });
    const counselors = await buildRightsGroup(database.db, d.id, { name: "Counselors", rights: { "Student Information > General": "R" } });
    await database.db.insert(staffAutomationMappings).values([
      { districtId: d.id, kind: "school", key: "ballard high", groupId: calendars },
      { districtId: d.id, kind: "role", key: "Counselor", groupId: counselors },
    ]);
    const apply = (schools: { schoolName: string; title: string }[], userId?: string) =>
      database.db.transaction((tx) => applyStaffAssignments(tx, { districtId: d.id }, [{ username: "rlee", displayName: "Robin Lee", schools, ...(userId ? { userId } : {}) }], ctx));
    const first = await apply([{ schoolName: "Ballard High", title: "counselor" }]);
    expect(first.actions.map((a) => `${a.action}:${a.detail}`).sort()).toEqual(["account-created:assigned to Ballard High", "group-added:Ballard", "group-added:Counselors"]);
    const [account] = await database.db.select().from(users).where(and(eq(users.districtId, d.id), eq(users.username, "rlee")));
    expect(account).toMatchObject({ displayName: "Robin Lee", disabled: false });
    expect((await database.db.select().from(userGroupMembers).where(eq(userGroupMembers.userId, account!.id))).length).toBe(2);

    expect((await apply([], account!.id)).actions).toEqual([{ username: "rlee", action: "account-disabled", detail: "no school assignment is left" }]);
    expect((await database.db.select().from(users).where(eq(users.id, account!.id)))[0]!.disabled).toBe(true);
    expect((await apply([{ schoolName: "Ballard High", title: "counselor" }], account!.id)).actions).toEqual([{ username: "rlee", action: "account-enabled", detail: "a school assignment began again" }]);
  });
});
