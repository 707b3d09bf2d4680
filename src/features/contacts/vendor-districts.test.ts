import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildDistrict, buildUser } from "../../../test/support/factories.js";
import { buildContact, signInVendor } from "../../../test/support/support-factories.js";
import { createTestApp, type TestApp } from "../../../test/support/test-app.js";

let t: TestApp;
beforeAll(async () => (t = await createTestApp()));
afterAll(() => t.close());

describe("vendor district management", () => {
  it("sets hosting and add-on products; each product raises the support allowance by one", async () => {
    const d = await buildDistrict(t.database.db);
    await buildContact(t.database.db, { districtId: d.id, type: "technical" });
    await buildContact(t.database.db, { districtId: d.id, status: "deactivated" });
    const { client: vera } = await signInVendor(t.app, t.database.db);
    const listed = (await vera.get(`/api/vendor/districts?search=${d.slug}`)).json();
    expect(listed).toEqual([expect.objectContaining({ id: d.id, cloudChoice: false, addOnProducts: 0, allowance: { support: 2, technical: 1 }, designated: { support: 0, technical: 1 } })]);

    const updated = await vera.put(`/api/vendor/districts/${d.id}`, { cloudChoice: true, products: ["Campus Learning", "Food Service"], version: listed[0].version });
    expect(updated.statusCode).toBe(200);
    expect(updated.json()).toMatchObject({ cloudChoice: true, addOnProducts: 2, products: ["Campus Learning", "Food Service"], allowance: { support: 4, technical: 1 } });
    expect(updated.json().contacts).toHaveLength(2);
    const stale = await vera.put(`/api/vendor/districts/${d.id}`, { cloudChoice: false, products: [], version: listed[0].version });
    expect(stale.json()).toMatchObject({ code: "version-conflict", current: { cloudChoice: true } });
    expect((await vera.put(`/api/vendor/districts/${d.id}`, { cloudChoice: true, products: ["A", "A"], version: updated.json().version })).json().code).toBe("duplicate-product");
  });

  it("designates contacts, asks for a recorded approval past the allowance and shows the history", async () => {
    const d = await buildDistrict(t.database.db);
    const [a, b] = [await buildUser(t.database.db, { districtId: d.id }), await buildUser(t.database.db, { districtId: d.id })];
    const { client: vera } = await signInVendor(t.app, t.database.db, "Vera Vendor");
    const found = (await vera.get(`/api/vendor/districts/${d.id}/users?search=${a.username}`)).json();
    expect(found).toEqual([expect.objectContaining({ id: a.id, contactType: null })]);
    const first = await vera.post(`/api/vendor/districts/${d.id}/contacts`, { userId: a.id, type: "technical" });
    expect(first.statusCode).toBe(201);
    expect(first.json()).toMatchObject({ type: "technical", status: "active", allowanceApprovedAt: null });
    expect((await vera.post(`/api/vendor/districts/${d.id}/contacts`, { userId: a.id, type: "support" })).json().code).toBe("already-a-contact");
    const over = await vera.post(`/api/vendor/districts/${d.id}/contacts`, { userId: b.id, type: "technical" });
    expect(over.json()).toMatchObject({ code: "allowance-exceeded", allowance: { technical: 1 }, counts: { technical: 1 } });
    const approved = await vera.post(`/api/vendor/districts/${d.id}/contacts`, { userId: b.id, type: "technical", approveOverAllowance: true });
    expect(approved.json().allowanceApprovedAt).not.toBeNull();
    const history = (await vera.get(`/api/vendor/contacts/${approved.json().id}`)).json();
    expect(history.changes).toEqual([expect.objectContaining({ action: "contact.designated", after: expect.objectContaining({ approvedPastAllowance: true }) })]);
    const other = await buildDistrict(t.database.db);
    const stranger = await buildUser(t.database.db, { districtId: other.id });
    expect((await vera.post(`/api/vendor/districts/${d.id}/contacts`, { userId: stranger.id, type: "support" })).statusCode).toBe(404);
    expect((await vera.get(`/api/vendor/districts/00000000-0000-4000-8000-000000000000`)).statusCode).toBe(404);
  });
});
