import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditLog } from "../../platform/db/schema/audit.js";
import { authorizedContacts, contactActivity } from "../../platform/db/schema/contacts.js";
import { outbox } from "../../platform/db/schema/outbox.js";
import { buildDistrict } from "../../../test/support/factories.js";
import { buildContact, signInVendor, signInWithMfa } from "../../../test/support/support-factories.js";
import { createTestApp, type TestApp } from "../../../test/support/test-app.js";

let t: TestApp;
beforeAll(async () => (t = await createTestApp()));
afterAll(() => t.close());

describe("emergency case on behalf of a contact", () => {
  it("is marked, audited with the staff member's name, counts as the contact's activity and is emailed", async () => {
    const d = await buildDistrict(t.database.db);
    const c = await buildContact(t.database.db, { districtId: d.id, status: "pending-deactivation", lastActivityAt: new Date("2025-06-01T00:00:00Z"), displayName: "Pat Pending" });
    const { client: vera } = await signInVendor(t.app, t.database.db, "Vera Vendor");
    const res = await vera.post("/api/vendor/cases", { districtId: d.id, contactId: c.contact.id, subject: "Site down", description: "Nobody can sign in", productArea: "System Administration", priority: "urgent", reason: "Superintendent called the hotline" });
    expect(res.statusCode).toBe(201);
    const { id } = res.json();

    const detail = (await vera.get(`/api/vendor/cases/${id}`)).json();
    expect(detail).toMatchObject({ emergency: true, emergencyReason: "Superintendent called the hotline", contactName: "Pat Pending", openedByName: "Vera Vendor", status: "open", assigneeName: "Vera Vendor" });
    expect(detail.events[0]).toMatchObject({ kind: "emergency-opened", actorName: "Vera Vendor", data: { onBehalfOf: "Pat Pending" } });
    expect((await vera.get("/api/vendor/cases?emergency=true")).json().items[0].id).toBe(id);

    const [audit] = await t.database.db.select().from(auditLog).where(eq(auditLog.targetId, id));
    expect(audit).toMatchObject({ action: "case.emergency-opened", actorName: "Vera Vendor", after: expect.objectContaining({ openedBy: "Vera Vendor", onBehalfOf: c.user.username }) });
    const [activity] = await t.database.db.select().from(contactActivity).where(eq(contactActivity.contactId, c.contact.id));
    expect(activity).toMatchObject({ kind: "emergency-case", caseId: id });
    const [contact] = await t.database.db.select().from(authorizedContacts).where(eq(authorizedContacts.id, c.contact.id));
    expect(contact).toMatchObject({ status: "active", inactivityCycle: 1 });
    const [mail] = await t.database.db.select().from(outbox).where(eq(outbox.toAddress, c.user.email!));
    expect(mail!.subject).toContain("opened an emergency case on your behalf");

    const pat = await signInWithMfa(t.app, { district: d.slug, username: c.user.username, secret: c.secret });
    expect((await pat.get(`/api/support/cases/${id}`)).json()).toMatchObject({ emergency: true, openedByName: "Vera Vendor" });
  });

  it("needs an existing active contact of that very district", async () => {
    const d = await buildDistrict(t.database.db);
    const other = await buildDistrict(t.database.db);
    const gone = await buildContact(t.database.db, { districtId: d.id, status: "deactivated" });
    const elsewhere = await buildContact(t.database.db, { districtId: other.id });
    const { client: vera } = await signInVendor(t.app, t.database.db);
    const body = { subject: "x", description: "y", productArea: "Other", reason: "z" };
    expect((await vera.post("/api/vendor/cases", { ...body, districtId: d.id, contactId: gone.contact.id })).statusCode).toBe(404);
    expect((await vera.post("/api/vendor/cases", { ...body, districtId: d.id, contactId: elsewhere.contact.id })).statusCode).toBe(404);
    expect((await vera.post("/api/vendor/cases", { ...body, districtId: d.id, contactId: gone.contact.id, reason: "" })).json().path).toBe("reason");
  });
});
