import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildRightsDistrict, buildRightsGroup, type RightsDistrict } from "../../../test/support/rights-factories.js";
import { createTestApp, fixedClock, type TestApp } from "../../../test/support/test-app.js";

// A membership or a right that ends before it is saved gives nothing: almost always a mistyped
// year. It used to be saved as a success; now the person is asked to confirm.
let t: TestApp;
let d: RightsDistrict;
let groupId: string;
beforeAll(async () => {
  t = await createTestApp({ clock: fixedClock(new Date("2026-03-01T12:00:00Z")) });
  d = await buildRightsDistrict(t.app, t.database.db);
  groupId = await buildRightsGroup(t.database.db, d.districtId, { name: "Past until" });
});
afterAll(() => t.close());

const groupVersion = async () => (await d.admin.client.get(`/api/groups/${groupId}`)).json().version as number;

describe("an until that has already passed", () => {
  it("is refused on a new membership with the field and a sentence, and saved once confirmed", async () => {
    const res = await d.admin.client.post(`/api/groups/${groupId}/members`, { userId: d.staff.id, until: "2026-02-01" });
    expect(res.statusCode, res.body).toBe(422);
    expect(res.json()).toMatchObject({ code: "past-until", path: "until" });
    expect(res.json().detail).toMatch(/would end on 2026-02-01, which has passed/);
    expect((await d.admin.client.get(`/api/groups/${groupId}/members`)).json()).toMatchObject({ items: [], total: 0 });

    const confirmed = await d.admin.client.post(`/api/groups/${groupId}/members`, { userId: d.staff.id, until: "2026-02-01", confirmPastUntil: true });
    expect(confirmed.statusCode, confirmed.body).toBe(200);
    // today's midnight has passed too; tomorrow has not
    expect((await d.admin.client.post(`/api/groups/${groupId}/members`, { userId: d.groupAdmin.id, until: "2026-03-01" })).statusCode).toBe(422);
    expect((await d.admin.client.post(`/api/groups/${groupId}/members`, { userId: d.groupAdmin.id, until: "2026-03-02" })).statusCode).toBe(200);
  });

  it("is refused on a new rights entry of a group and of a user, but an expired entry already stored saves again", async () => {
    const past = { toolPath: "Census", rights: "R", until: "2025-12-31" };
    const refused = await d.admin.client.put(`/api/groups/${groupId}/rights`, { version: await groupVersion(), entries: [{ toolPath: "Scheduling", rights: "R" }, past] });
    expect(refused.statusCode, refused.body).toBe(422);
    expect(refused.json()).toMatchObject({ code: "past-until", path: "entries[1].until" });

    const saved = await d.admin.client.put(`/api/groups/${groupId}/rights`, { version: await groupVersion(), entries: [past], confirmPastUntil: true });
    expect(saved.statusCode, saved.body).toBe(200);
    const again = await d.admin.client.put(`/api/groups/${groupId}/rights`, { version: await groupVersion(), entries: [past, { toolPath: "Scheduling", rights: "R" }] });
    expect(again.statusCode, again.body).toBe(200);

    const user = (await d.admin.client.get(`/api/users/${d.staff.id}`)).json();
    const own = await d.admin.client.put(`/api/users/${d.staff.id}/rights`, { version: user.version, entries: [past] });
    expect(own.statusCode, own.body).toBe(422);
    expect(own.json().path).toBe("entries[0].until");
  });
});
