import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditLog } from "../../platform/db/schema/audit.js";
import { buildRightsDistrict, type RightsDistrict } from "../../../test/support/rights-factories.js";
import { createTestApp, type TestApp } from "../../../test/support/test-app.js";

let t: TestApp;
let d: RightsDistrict;
beforeAll(async () => {
  t = await createTestApp();
  d = await buildRightsDistrict(t.app, t.database.db);
});
afterAll(() => t.close());

describe("the Help contacts of the sign-in page", () => {
  it("are replaced by a Student Information System role holder, shown on the sign-in page and audited", async () => {
    const contacts = [{ name: "Help Desk", role: "Technology", email: "help@example.org", phone: "555-0100" }, { name: "Front Office", role: "Accounts", phone: "555-0101" }];
    const res = await d.admin.client.put("/api/district/help-contacts", { contacts });
    expect(res.statusCode, res.body).toBe(200);
    expect((await d.admin.client.get("/api/district/help-contacts")).json()).toEqual(contacts);
    const page = await t.app.inject({ method: "GET", url: `/api/public/districts/${d.slug}` });
    expect(page.json().helpContacts).toEqual(contacts);
    const [row] = await t.database.db.select().from(auditLog).where(eq(auditLog.action, "district.help-contacts-changed"));
    expect(row!.after).toEqual({ helpContacts: contacts });
  });

  it("refuses a contact nobody can reach, at the field", async () => {
    const res = await d.admin.client.put("/api/district/help-contacts", { contacts: [{ name: "Nobody", role: "Ghost" }] });
    expect(res.statusCode).toBe(400);
    expect(JSON.stringify(res.json())).toMatch(/Give an email or a phone number/);
  });

  it("is not for people without the role", async () => {
    expect([403, 404]).toContain((await d.groupAdmin.client.put("/api/district/help-contacts", { contacts: [] })).statusCode);
    expect([403, 404]).toContain((await d.staff.client.put("/api/district/help-contacts", { contacts: [] })).statusCode);
  });
});
