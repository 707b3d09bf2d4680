import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { authorizedContacts, contactActivity } from "../../platform/db/schema/contacts.js";
import type { Database } from "../../platform/db/connect.js";
import { buildDistrict } from "../../../test/support/factories.js";
import { buildContact } from "../../../test/support/support-factories.js";
import { createTestDatabase } from "../../../test/support/test-db.js";
import { recordContactActivity } from "./record-contact-activity.js";

let database: Database;
beforeAll(async () => (database = await createTestDatabase()));
afterAll(() => database.close());

const load = async (id: string) => (await database.db.select().from(authorizedContacts).where(eq(authorizedContacts.id, id)))[0]!;

describe("recordContactActivity", () => {
  it("logs the activity and moves last activity forward, never back", async () => {
    const d = await buildDistrict(database.db);
    const { contact } = await buildContact(database.db, { districtId: d.id, lastActivityAt: new Date("2026-01-10T00:00:00Z") });
    const result = await recordContactActivity(database.db, { districtId: d.id, contactId: contact.id, kind: "portal-sign-in", at: new Date("2026-02-01T00:00:00Z") });
    expect(result.cleared).toBe(false);
    expect((await load(contact.id)).lastActivityAt.toISOString()).toBe("2026-02-01T00:00:00.000Z");
    await recordContactActivity(database.db, { districtId: d.id, contactId: contact.id, kind: "case-activity", at: new Date("2026-01-20T00:00:00Z") });
    const after = await load(contact.id);
    expect(after.lastActivityAt.toISOString()).toBe("2026-02-01T00:00:00.000Z");
    expect(after.inactivityCycle).toBe(0);
    const log = await database.db.select().from(contactActivity).where(eq(contactActivity.contactId, contact.id));
    expect(log.map((a) => a.kind).sort()).toEqual(["case-activity", "portal-sign-in"]);
  });

  it("clears a pending deactivation and starts a new inactivity cycle", async () => {
    const d = await buildDistrict(database.db);
    const { contact } = await buildContact(database.db, { districtId: d.id, status: "pending-deactivation" });
    const result = await recordContactActivity(database.db, { districtId: d.id, contactId: contact.id, kind: "case-created", at: new Date() });
    expect(result.cleared).toBe(true);
    const after = await load(contact.id);
    expect(after).toMatchObject({ status: "active", inactivityCycle: 1, version: 2 });
  });

  it("does not reactivate a deactivated contact", async () => {
    const d = await buildDistrict(database.db);
    const { contact } = await buildContact(database.db, { districtId: d.id, status: "deactivated" });
    await recordContactActivity(database.db, { districtId: d.id, contactId: contact.id, kind: "emergency-case", at: new Date() });
    expect(await load(contact.id)).toMatchObject({ status: "deactivated", inactivityCycle: 0 });
  });

  it("refuses a contact of another district", async () => {
    const d = await buildDistrict(database.db);
    const other = await buildDistrict(database.db);
    const { contact } = await buildContact(database.db, { districtId: d.id });
    await expect(recordContactActivity(database.db, { districtId: other.id, contactId: contact.id, kind: "portal-sign-in", at: new Date() })).rejects.toThrow(/no contact/);
  });
});
