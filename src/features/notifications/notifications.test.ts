import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { outbox } from "../../platform/db/schema/outbox.js";
import { users } from "../../platform/db/schema/users.js";
import { buildDistrict } from "../../../test/support/factories.js";
import { buildContact, signInVendor, signInWithMfa } from "../../../test/support/support-factories.js";
import { createTestApp, type Client, type TestApp } from "../../../test/support/test-app.js";

type Item = { id: string; kind: string; headline: string; readAt: string | null; case: { id: string; number: number; subject: string }; path: string };
type Page = { items: Item[]; total: number; unread: number; nextCursor: string | null };

let t: TestApp;
beforeAll(async () => (t = await createTestApp()));
afterAll(() => t.close());

const mine = async (client: Client, query = "") => {
  const res = await client.get(`/api/notifications${query}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as Page;
};

describe("in-app notifications of case events", () => {
  it("tells the assignee of a contact's comment and opted-in agents of a new case, beside each email; each person reads and marks only their own", async () => {
    const db = t.database.db;
    const d = await buildDistrict(db);
    const kimContact = await buildContact(db, { districtId: d.id, displayName: "Kim Nguyen" });
    const kim = await signInWithMfa(t.app, { district: d.slug, username: kimContact.user.username, secret: kimContact.secret });
    const { client: vera, vendor: veraUser } = await signInVendor(t.app, db, "Vera Vendor");
    const { client: alma, vendor: almaUser } = await signInVendor(t.app, db, "Alma All");
    // Alma asks for every new case and has no email address: she is told in the app all the same.
    await db.update(users).set({ newCaseEmails: "all", email: null }).where(eq(users.id, almaUser.id));

    const opened = await kim.post("/api/support/cases", { subject: "Gradebook slow", description: "Takes a minute", productArea: "Grading" });
    expect(opened.statusCode, opened.body).toBe(201);
    const c = opened.json() as { id: string; number: number; version: number };
    expect((await mine(alma)).items).toMatchObject([{ kind: "case-opened-vendor", headline: "Kim Nguyen (support contact) opened a normal-priority case", case: { id: c.id, number: c.number, subject: "Gradebook slow" }, path: `/vendor/cases/${c.id}`, readAt: null }]);
    expect((await mine(vera)).total).toBe(0);

    const caseNow = (await vera.get(`/api/vendor/cases/${c.id}`)).json() as { version: number };
    expect((await vera.patch(`/api/vendor/cases/${c.id}`, { assigneeId: veraUser.id, version: caseNow.version })).statusCode).toBe(200);
    expect((await kim.post(`/api/support/cases/${c.id}/comments`, { body: "Still slow today" })).statusCode).toBe(204);
    const veraPage = await mine(vera);
    expect(veraPage).toMatchObject({ total: 1, unread: 1, items: [{ kind: "case-comment", headline: "Kim Nguyen (support contact) added a comment", path: `/vendor/cases/${c.id}` }] });
    // the same person and the same words as the email that went with it
    const [mail] = await db.select().from(outbox).where(eq(outbox.toAddress, veraUser.email!));
    expect(mail!.subject).toBe(`[Case #${c.number}] Gradebook slow — Kim Nguyen (support contact) added a comment`);

    expect((await vera.post(`/api/vendor/cases/${c.id}/comments`, { body: "Looking into it" })).statusCode).toBeLessThan(300);
    const kimPage = await mine(kim);
    expect(kimPage.items.map((n) => [n.headline, n.path])).toEqual([
      ["Vera Vendor of Support replied", `/support/cases/${c.id}`],
      [`Case #${c.number} was received by Support`, `/support/cases/${c.id}`],
    ]);
    expect(kimPage.unread).toBe(2);
    const firstPage = await mine(kim, "?limit=1");
    expect(firstPage).toMatchObject({ total: 2, unread: 2, items: [{ id: kimPage.items[0]!.id }] });
    expect((await mine(kim, `?limit=1&cursor=${firstPage.nextCursor}`)).items.map((n) => n.id)).toEqual([kimPage.items[1]!.id]);

    // Another person's notification does not exist for them: not another contact, not an agent, not its owner's district colleague.
    const otherDistrict = await buildDistrict(db);
    const strangerContact = await buildContact(db, { districtId: otherDistrict.id });
    const stranger = await signInWithMfa(t.app, { district: otherDistrict.slug, username: strangerContact.user.username, secret: strangerContact.secret });
    const veraNotice = veraPage.items[0]!.id;
    for (const caller of [kim, alma, stranger]) {
      const res = await caller.post(`/api/notifications/${veraNotice}/read`);
      expect(res.statusCode).toBe(404);
      expect(res.json()).toMatchObject({ code: "not-found" });
    }
    expect((await vera.post(`/api/notifications/${kimPage.items[0]!.id}/read`)).statusCode).toBe(404);
    expect((await mine(stranger)).total).toBe(0);
    expect((await mine(vera)).unread).toBe(1);
    expect((await mine(kim)).unread).toBe(2);

    expect((await vera.post(`/api/notifications/${veraNotice}/read`)).statusCode).toBe(204);
    expect((await mine(vera)).unread).toBe(0);
    expect((await mine(vera)).items[0]!.readAt).not.toBeNull();

    const all = await kim.post("/api/notifications/read-all");
    expect(all.json()).toEqual({ marked: 2 });
    expect(await mine(kim)).toMatchObject({ total: 2, unread: 0 });
    expect((await kim.post("/api/notifications/read-all")).json()).toEqual({ marked: 0 });
    expect((await mine(alma)).unread).toBe(1);
  });

  it("writes no notification for a change that is refused", async () => {
    const db = t.database.db;
    const d = await buildDistrict(db);
    const owner = await buildContact(db, { districtId: d.id });
    const contact = await signInWithMfa(t.app, { district: d.slug, username: owner.user.username, secret: owner.secret });
    const { client: vera } = await signInVendor(t.app, db);
    const c = (await contact.post("/api/support/cases", { subject: "Closing", description: "Done", productArea: "Grading" })).json() as { id: string };
    expect((await contact.post(`/api/support/cases/${c.id}/close`)).statusCode).toBe(204);
    const before = (await mine(contact)).total;
    expect((await vera.post(`/api/vendor/cases/${c.id}/comments`, { body: "Too late" })).statusCode).toBe(409);
    expect((await mine(contact)).total).toBe(before);
  });
});
