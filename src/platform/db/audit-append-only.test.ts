import { afterAll, beforeAll, expect, it } from "vitest";
import { createTestDatabase } from "../../../test/support/test-db.js";
import { buildDistrict } from "../../../test/support/factories.js";
import type { Database } from "./connect.js";
import { recordAudit } from "../audit.js";

let database: Database;
beforeAll(async () => (database = await createTestDatabase()));
afterAll(() => database.close());

it("refuses to update, delete or truncate the audit log", async () => {
  await recordAudit(database.db, { districtId: null, actor: null, action: "test.event" });
  await expect(database.query("update audit_log set action = 'x'")).rejects.toThrow(/append-only/);
  await expect(database.query("delete from audit_log")).rejects.toThrow(/append-only/);
  await expect(database.query("truncate audit_log")).rejects.toThrow(/append-only/);
  expect(await database.query("select action from audit_log")).toEqual([{ action: "test.event" }]);
});

it("refuses to update, delete or truncate FERPA's record of access and the case timeline", async () => {
  const district = await buildDistrict(database.db);
  await database.query(
    "insert into sis_access_log (district_id, actor_id, actor_name, person_id, fields, tools, route) values ($1, gen_random_uuid(), 'a', gen_random_uuid(), '{f}', '{t}', 'screen')",
    [district.id],
  );
  await expect(database.query("update sis_access_log set fields = '{x}'")).rejects.toThrow(/append-only/);
  await expect(database.query("delete from sis_access_log")).rejects.toThrow(/append-only/);
  // the same row triggers guard case_events (its rows need a case: see app-role.test.ts on PostgreSQL)
  for (const table of ["sis_access_log", "case_events"]) await expect(database.query(`truncate ${table}`)).rejects.toThrow(/append-only/);
  expect(await database.query("select tgname from pg_trigger where tgname like 'case_events_no_%' order by tgname")).toEqual([
    { tgname: "case_events_no_truncate" },
    { tgname: "case_events_no_update_delete" },
  ]);
  expect(await database.query("select fields from sis_access_log")).toEqual([{ fields: ["f"] }]);
});
