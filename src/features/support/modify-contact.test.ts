import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditLog } from "../../platform/db/schema/audit.js";
import { authorizedContacts } from "../../platform/db/schema/contacts.js";
import { buildDistrict, buildUser } from "../../../test/support/factories.js";
import { buildContact, signInVendor, signInWithMfa } from "../../../test/support/support-factories.js";
import { createTestApp, type TestApp } from "../../../test/support/test-app.js";

let t: TestApp;
beforeAll(async () => (t = await createTestApp()));
afterAll(() => t.close());

const contactRow = async (id: string) => (await t.database.db.select().from(authorizedContacts).where(eq(authorizedContacts.id, id)))[0]!;

describe("Modify Support Contact cases", () => {
  it("an active contact asks to reactivate a colleague; vendor approval applies it atomically and audits it", async () => {
    const d = await buildDistrict(t.database.db);
    const kim = await buildContact(t.database.db, { districtId: d.id, displayName: "Kim" });
    const gone = await buildContact(t.database.db, { districtId: d.id, status: "deactivated", displayName: "Dana Deactivated" });
    const kimClient = await signInWithMfa(t.app, { district: d.slug, username: kim.user.username, secret: kim.secret });
    const goneClient = await signInWithMfa(t.app, { district: d.slug, username: gone.user.username, secret: gone.secret });

    // The deactivated contact cannot file for themselves: the portal refuses them.
    const self = await goneClient.post("/api/support/modify-contact", { action: "reactivate", contactId: gone.contact.id, reason: "I am back" });
    expect(self.statusCode).toBe(403);
    expect(self.json().code).toBe("not-authorized-contact");
    expect((await kimClient.post("/api/support/modify-contact", { action: "reactivate", contactId: kim.contact.id, reason: "x" })).json().code).toBe("contact-not-deactivated");

    const filed = await kimClient.post("/api/support/modify-contact", { action: "reactivate", contactId: gone.contact.id, reason: "Dana is back from leave" });
    expect(filed.statusCode).toBe(201);
    const caseId = filed.json().id;
    expect((await kimClient.post("/api/support/modify-contact", { action: "reactivate", contactId: gone.contact.id, reason: "again" })).json().code).toBe("modify-request-pending");
    const seen = (await kimClient.get(`/api/support/cases/${caseId}`)).json();
    expect(seen).toMatchObject({ kind: "modify-contact", subject: "Modify Support Contact: Reactivate Dana Deactivated", modifyRequest: { action: "reactivate", status: "pending", targetName: "Dana Deactivated" } });

    const { client: vera } = await signInVendor(t.app, t.database.db, "Vera Vendor");
    const approved = await vera.post(`/api/vendor/cases/${caseId}/modify-contact-decision`, { decision: "approve", note: "Welcome back" });
    expect(approved.statusCode).toBe(200);
    expect(approved.json()).toMatchObject({ status: "resolved", modifyRequest: { status: "approved", decidedByName: "Vera Vendor", targetContactStatus: "active" } });
    const row = await contactRow(gone.contact.id);
    expect(row).toMatchObject({ status: "active", deactivatedAt: null, inactivityCycle: 1 });
    expect(Date.now() - row.lastActivityAt.getTime()).toBeLessThan(60_000);
    const audit = await t.database.db.select().from(auditLog).where(eq(auditLog.targetId, gone.contact.id));
    expect(audit.map((a) => a.action)).toEqual(["contact.reactivated"]);
    expect(audit[0]).toMatchObject({ actorName: "Vera Vendor", before: expect.objectContaining({ status: "deactivated" }), after: expect.objectContaining({ status: "active" }) });
    expect((await vera.post(`/api/vendor/cases/${caseId}/modify-contact-decision`, { decision: "decline", note: "no" })).json().code).toBe("modify-request-decided");
    expect((await goneClient.get("/api/support/portal")).statusCode).toBe(200);
  });

  it("adds past the allowance only with a recorded vendor approval, changes type and removes", async () => {
    const d = await buildDistrict(t.database.db);
    const kim = await buildContact(t.database.db, { districtId: d.id });
    await buildContact(t.database.db, { districtId: d.id });
    const tech = await buildContact(t.database.db, { districtId: d.id, type: "technical" });
    const newcomer = await buildUser(t.database.db, { districtId: d.id, displayName: "Nia New" });
    const kimClient = await signInWithMfa(t.app, { district: d.slug, username: kim.user.username, secret: kim.secret });
    const { client: vera, vendor } = await signInVendor(t.app, t.database.db);

    const add = (await kimClient.post("/api/support/modify-contact", { action: "add", userId: newcomer.id, newType: "support", reason: "New registrar" })).json();
    const refused = await vera.post(`/api/vendor/cases/${add.id}/modify-contact-decision`, { decision: "approve" });
    expect(refused.statusCode).toBe(409);
    expect(refused.json()).toMatchObject({ code: "allowance-exceeded", allowance: { support: 2, technical: 1 }, counts: { support: 2 } });
    expect((await vera.get(`/api/vendor/cases/${add.id}`)).json().modifyRequest.status).toBe("pending");
    const ok = await vera.post(`/api/vendor/cases/${add.id}/modify-contact-decision`, { decision: "approve", approveOverAllowance: true });
    expect(ok.statusCode).toBe(200);
    const [added] = await t.database.db.select().from(authorizedContacts).where(eq(authorizedContacts.userId, newcomer.id));
    expect(added).toMatchObject({ type: "support", status: "active", allowanceApprovedBy: vendor.id });

    const retype = (await kimClient.post("/api/support/modify-contact", { action: "change-type", contactId: tech.contact.id, newType: "support", reason: "Moved to registrar" })).json();
    expect((await vera.post(`/api/vendor/cases/${retype.id}/modify-contact-decision`, { decision: "decline" })).json().path).toBe("note");
    expect((await vera.post(`/api/vendor/cases/${retype.id}/modify-contact-decision`, { decision: "decline", note: "Keep one technical contact" })).json().modifyRequest.status).toBe("declined");
    expect((await contactRow(tech.contact.id)).type).toBe("technical");

    const remove = (await kimClient.post("/api/support/modify-contact", { action: "remove", contactId: added!.id, reason: "Left the district" })).json();
    await vera.post(`/api/vendor/cases/${remove.id}/modify-contact-decision`, { decision: "approve" });
    expect(await contactRow(added!.id)).toMatchObject({ status: "deactivated" });
    expect((await kimClient.post("/api/support/modify-contact", { action: "add", userId: newcomer.id, newType: "support", reason: "x" })).json().code).toBe("already-a-contact");
  });
});
