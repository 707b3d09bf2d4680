import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { outbox } from "../../platform/db/schema/outbox.js";
import { users } from "../../platform/db/schema/users.js";
import { buildDistrict, buildUser, TEST_PASSWORD } from "../../../test/support/factories.js";
import { buildContact, signInVendor, signInWithMfa } from "../../../test/support/support-factories.js";
import { joinAllCampusUsers } from "../../../test/support/rights-factories.js";
import { createTestApp, type TestApp } from "../../../test/support/test-app.js";
import { preferredDateProblem } from "./file-update-request.js";

const TEAM = "support-team@vendor.example";
let t: TestApp;
beforeAll(async () => (t = await createTestApp({ env: { SUPPORT_TEAM_EMAIL: TEAM } })));
afterAll(() => t.close());

const mailTo = async (address: string) => (await t.database.db.select().from(outbox).where(eq(outbox.toAddress, address))).map((m) => m.subject);

async function setUp() {
  const d = await buildDistrict(t.database.db, { cloudChoice: true });
  const owner = await buildContact(t.database.db, { districtId: d.id, type: "technical", displayName: "Tess Tech" });
  const tess = await signInWithMfa(t.app, { district: d.slug, username: owner.user.username, secret: owner.secret });
  const { vendor, client: vera } = await signInVendor(t.app, t.database.db);
  return { d, owner, tess, vendor, vera };
}

describe("support gaps", () => {
  it("tells the vendor's team mailbox of every new case, and flags an emergency in the subject", async () => {
    const { d, owner, tess, vera } = await setUp();
    const opened = (await tess.post("/api/support/cases", { subject: "Gradebook slow", description: "Takes a minute", productArea: "Grading", priority: "urgent" })).json();
    const emergency = await vera.post("/api/vendor/cases", { districtId: d.id, contactId: owner.contact.id, subject: "District down", description: "Nobody can sign in", productArea: "Grading", reason: "Called the hotline" });
    expect(emergency.statusCode).toBe(201);
    const subjects = await mailTo(TEAM);
    expect(subjects).toContainEqual(`[URGENT] [Case #${opened.number}] Gradebook slow — Tess Tech (technical contact) opened an urgent-priority case`);
    expect(subjects).toContainEqual(expect.stringMatching(new RegExp(`^\\[EMERGENCY\\] \\[Case #${emergency.json().number}\\] District down — .+ opened an emergency case for Tess Tech$`)));
  });

  it("a vendor reply leaves the case unassigned", async () => {
    const { tess, vera } = await setUp();
    const { id } = (await tess.post("/api/support/cases", { subject: "Reply keeps owner", description: "x", productArea: "Grading" })).json();
    expect((await vera.post(`/api/vendor/cases/${id}/comments`, { body: "On it" })).statusCode).toBe(204);
    expect((await vera.get(`/api/vendor/cases/${id}`)).json()).toMatchObject({ assigneeId: null, status: "pending-district" });
  });

  it("refuses a preferred date that has passed, with a sentence at the field", async () => {
    const { tess } = await setUp();
    for (const preferredDate of ["0001-01-01", "2020-05-01"]) {
      const refused = await tess.post("/api/support/update-requests", { kind: "sandbox-refresh", preferredDate });
      expect(refused.statusCode).toBe(400);
      expect(refused.json()).toMatchObject({ code: "preferred-date-past", path: "preferredDate", detail: expect.stringContaining("a day that has passed") });
    }
    const future = new Date(Date.now() + 7 * 86_400_000).toISOString().slice(0, 10);
    expect((await tess.post("/api/support/update-requests", { kind: "sandbox-refresh", preferredDate: future })).statusCode).toBe(201);
    expect(preferredDateProblem("2026-03-02", new Date("2026-03-02T23:00:00Z"))).toBeNull();
    expect(preferredDateProblem("2026-03-01", new Date("2026-03-02T00:00:00Z"))).toContain("2026-03-02");
  });

  it("refuses an upload that declares more than the limit before reading it", async () => {
    const { tess } = await setUp();
    const { id } = (await tess.post("/api/support/cases", { subject: "Big file", description: "x", productArea: "Grading" })).json();
    const big = await tess.request({
      method: "POST",
      url: `/api/support/cases/${id}/attachments`,
      headers: { "content-type": "multipart/form-data; boundary=x", "content-length": String(30 * 1024 * 1024) },
      payload: "--x\r\n",
    });
    expect(big.statusCode).toBe(413);
    expect(big.headers["content-type"]).toContain("application/problem+json");
    expect(big.json()).toMatchObject({ code: "attachment-too-large", path: "file" });
  });

  it("asks to confirm removing the last technical contact, then tells the removed contact the true reason", async () => {
    const { d, owner, tess, vera } = await setUp();
    const sam = await buildContact(t.database.db, { districtId: d.id, type: "support", displayName: "Sam Support" });
    const sameClient = await signInWithMfa(t.app, { district: d.slug, username: sam.user.username, secret: sam.secret });
    const filed = (await sameClient.post("/api/support/modify-contact", { action: "remove", contactId: owner.contact.id, reason: "Left the district" })).json();
    const refused = await vera.post(`/api/vendor/cases/${filed.id}/modify-contact-decision`, { decision: "approve" });
    expect(refused.statusCode).toBe(409);
    expect(refused.json()).toMatchObject({ code: "last-technical-contact", consequence: expect.stringContaining("no one at the district can file update requests") });
    expect((await tess.get("/api/support/portal")).statusCode).toBe(200);
    expect((await vera.post(`/api/vendor/cases/${filed.id}/modify-contact-decision`, { decision: "approve", confirmConsequences: true })).statusCode).toBe(200);
    const gone = await tess.get("/api/support/portal");
    expect(gone.json().code).toBe("not-authorized-contact");
    expect(gone.json().detail).toContain("removed by a Modify Support Contact case");
    expect(gone.json().detail).not.toContain("inactivity");
  });

  it("asks to confirm designating a user who has no email", async () => {
    const { d, vera } = await setUp();
    const mute = await buildUser(t.database.db, { districtId: d.id, displayName: "No Mail" });
    await t.database.db.update(users).set({ email: null }).where(eq(users.id, mute.id));
    const refused = await vera.post(`/api/vendor/districts/${d.id}/contacts`, { userId: mute.id, type: "support" });
    expect(refused.statusCode).toBe(409);
    expect(refused.json()).toMatchObject({ code: "contact-without-email", detail: expect.stringContaining("will never receive case emails") });
    expect((await vera.post(`/api/vendor/districts/${d.id}/contacts`, { userId: mute.id, type: "support", confirmConsequences: true })).statusCode).toBeLessThan(300);
  });

  it("an authorized contact cannot turn MFA off", async () => {
    const { d, owner, tess } = await setUp();
    await joinAllCampusUsers(t.database.db, d.id, [owner.user.id]); // may change account settings, yet not this one
    const refused = await tess.post("/api/account/mfa/disable", { password: TEST_PASSWORD, code: "000000" });
    expect(refused.statusCode).toBe(403);
    expect(refused.json()).toMatchObject({ code: "mfa-required-for-contact", detail: expect.stringContaining("must keep MFA on") });
    expect((await tess.get("/api/auth/me")).json().user).toMatchObject({ mfaEnabled: true, mfaRequired: true });
  });
});
