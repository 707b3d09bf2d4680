import { afterAll, beforeAll, expect, it } from "vitest";
import { createTestDatabase } from "../../../test/support/test-db.js";
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
