import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildUser } from "../../../test/support/factories.js";
import { buildRightsDistrict, buildRightsGroup, type RightsDistrict } from "../../../test/support/rights-factories.js";
import { createTestApp, type TestApp } from "../../../test/support/test-app.js";
import { walkPages, type Page } from "../../../test/support/walk-pages.js";

let t: TestApp;
let d: RightsDistrict;
const memberIds: string[] = [];
let bigGroup = "";
beforeAll(async () => {
  t = await createTestApp();
  d = await buildRightsDistrict(t.app, t.database.db);
  for (let i = 0; i < 7; i++) await buildRightsGroup(t.database.db, d.districtId, { name: `Paged ${String.fromCharCode(71 - i)}`, ...(i % 2 ? { memberLimit: 3 } : {}) });
  for (let i = 0; i < 5; i++) memberIds.push((await buildUser(t.database.db, { districtId: d.districtId, username: `pager${i}` })).id);
  bigGroup = await buildRightsGroup(t.database.db, d.districtId, { name: "Big members group", members: memberIds });
});
afterAll(() => t.close());

const walk = <T>(first: string) => walkPages<T>(d.admin.client, first);

describe("cursor paging of lists", () => {
  it("walks every group once, in name order, by Link rel=next, with the total on every page", async () => {
    const { items, pages, totals } = await walk<{ name: string }>("/api/groups?search=Paged%20&limit=3");
    const names = items.map((g) => g.name);
    expect(names).toEqual(["Paged A", "Paged B", "Paged C", "Paged D", "Paged E", "Paged F", "Paged G"]);
    expect(pages).toBe(3);
    expect(new Set(totals)).toEqual(new Set([7]));
  });

  it("sorts by a whitelisted column in either order and filters by member limit", async () => {
    const desc = await walk<{ name: string }>("/api/groups?search=Paged%20&limit=2&sort=name&order=desc");
    expect(desc.items.map((g) => g.name)).toEqual(["Paged G", "Paged F", "Paged E", "Paged D", "Paged C", "Paged B", "Paged A"]);
    const limited = (await d.admin.client.get("/api/groups?search=Paged%20&limited=yes")).json() as Page<{ memberLimit: number | null }>;
    expect(limited.total).toBe(3);
    expect(limited.items.every((g) => g.memberLimit === 3)).toBe(true);
    const bySize = await walk<{ name: string; memberCount: number }>("/api/groups?limit=1&sort=members&order=desc");
    expect(bySize.items[0]!.name).toBe("Big members group");
    expect((await d.admin.client.get("/api/groups?sort=description")).statusCode).toBe(400);
  });

  it("refuses a cursor made for another sort or tampered with, saying to start again", async () => {
    const first = (await d.admin.client.get("/api/groups?limit=1")).json() as Page<unknown>;
    const other = await d.admin.client.get(`/api/groups?limit=1&sort=updated&cursor=${first.nextCursor}`);
    expect(other.statusCode).toBe(400);
    expect(other.json()).toMatchObject({ code: "cursor-invalid" });
    expect((await d.admin.client.get("/api/groups?cursor=not-a-cursor")).statusCode).toBe(400);
  });

  it("pages users with filters and members of a group", async () => {
    const users = await walk<{ username: string }>("/api/users?search=pager&limit=2");
    expect(users.items.map((u) => u.username)).toEqual(["pager0", "pager1", "pager2", "pager3", "pager4"]);
    expect(users.totals[0]).toBe(5);
    const lastLogin = await walk<{ username: string }>("/api/users?search=pager&limit=2&sort=lastLogin");
    expect(lastLogin.items).toHaveLength(5);
    const admins = (await d.admin.client.get("/api/users?role=student-information-system")).json() as Page<{ id: string }>;
    expect(admins.items.map((u) => u.id)).toEqual([d.admin.id]);
    const members = await walk<{ userId: string; active: boolean }>(`/api/groups/${bigGroup}/members?limit=2`);
    expect(members.items.map((m) => m.userId).sort()).toEqual([...memberIds].sort());
    expect(members.pages).toBe(3);
    expect(members.items.every((m) => m.active)).toBe(true);
    const one = (await d.admin.client.get(`/api/groups/${bigGroup}/members?search=pager3`)).json() as Page<{ userId: string }>;
    expect(one).toMatchObject({ total: 1, nextCursor: null });
  });
});
