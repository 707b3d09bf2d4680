import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { authorizedContacts, contactActivity } from "../../platform/db/schema/contacts.js";
import { buildDistrict, buildUser } from "../../../test/support/factories.js";
import { buildContact, signInVendor, signInWithMfa } from "../../../test/support/support-factories.js";
import { createTestApp, signIn, type TestApp } from "../../../test/support/test-app.js";

let t: TestApp;
beforeAll(async () => (t = await createTestApp()));
afterAll(() => t.close());

describe("the portal gate", () => {
  it("refuses a district user who is not a contact, even with every tool right, and shows the district's contacts", async () => {
    const d = await buildDistrict(t.database.db);
    await buildContact(t.database.db, { districtId: d.id, type: "technical", displayName: "Tess Tech" });
    await buildContact(t.database.db, { districtId: d.id, type: "support", displayName: "Sam Support" });
    await buildContact(t.database.db, { districtId: d.id, type: "support", status: "deactivated", displayName: "Gone Away" });
    const admin = await buildUser(t.database.db, { districtId: d.id, role: "student-information-system" });
    const client = await signIn(t.app, { district: d.slug, username: admin.username });
    for (const attempt of [client.get("/api/support/portal"), client.get("/api/support/cases"), client.post("/api/support/cases", { subject: "x", description: "y", productArea: "Other" })]) {
      const res = await attempt;
      expect(res.statusCode).toBe(403);
      expect(res.headers["content-type"]).toContain("application/problem+json");
      const body = res.json();
      expect(body.code).toBe("not-authorized-contact");
      expect(body.detail).toMatch(/Only your district's authorized contacts/);
      expect(body.contacts).toEqual([
        { name: "Sam Support", type: "support", email: expect.stringContaining("@example.org") },
        { name: "Tess Tech", type: "technical", email: expect.stringContaining("@example.org") },
      ]);
    }
  });

  it("refuses a deactivated contact with the reason and how to get reactivated", async () => {
    const d = await buildDistrict(t.database.db);
    await buildContact(t.database.db, { districtId: d.id });
    const gone = await buildContact(t.database.db, { districtId: d.id, status: "deactivated" });
    const client = await signInWithMfa(t.app, { district: d.slug, username: gone.user.username, secret: gone.secret });
    const res = await client.get("/api/support/portal");
    expect(res.statusCode).toBe(403);
    expect(res.json().detail).toMatch(/deactivated.*Modify Support Contact/);
    expect(res.json().contacts).toHaveLength(1);
  });

  it("sends a contact without MFA to set it up", async () => {
    const d = await buildDistrict(t.database.db);
    const c = await buildContact(t.database.db, { districtId: d.id, mfa: false });
    const client = await signIn(t.app, { district: d.slug, username: c.user.username });
    expect((await client.get("/api/support/portal")).json().code).toBe("contact-mfa-required");
  });

  it("is not there for vendor staff (they use the vendor queue)", async () => {
    const { client } = await signInVendor(t.app, t.database.db);
    expect((await client.get("/api/support/portal")).statusCode).toBe(404);
  });

  it("records the portal sign-in once per session, which clears a pending deactivation", async () => {
    const d = await buildDistrict(t.database.db);
    const c = await buildContact(t.database.db, { districtId: d.id, status: "pending-deactivation", lastActivityAt: new Date("2025-01-01T00:00:00Z") });
    const client = await signInWithMfa(t.app, { district: d.slug, username: c.user.username, secret: c.secret });
    const home = await client.get("/api/support/portal");
    expect(home.statusCode).toBe(200);
    expect(home.json().contact).toMatchObject({ status: "active", type: "support" });
    await client.get("/api/support/portal");
    const signIns = async () => (await t.database.db.select().from(contactActivity).where(eq(contactActivity.contactId, c.contact.id))).filter((a) => a.kind === "portal-sign-in");
    expect(await signIns()).toHaveLength(1);
    const [row] = await t.database.db.select().from(authorizedContacts).where(eq(authorizedContacts.id, c.contact.id));
    expect(row).toMatchObject({ status: "active", inactivityCycle: 1 });
    expect(row!.lastActivityAt.getFullYear()).toBeGreaterThan(2025);

    const again = await signInWithMfa(t.app, { district: d.slug, username: c.user.username, secret: c.secret });
    await again.get("/api/support/portal");
    expect(await signIns()).toHaveLength(2);
  });
});
