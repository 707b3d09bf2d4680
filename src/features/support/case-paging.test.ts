import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildDistrict } from "../../../test/support/factories.js";
import { buildContact, signInVendor, signInWithMfa } from "../../../test/support/support-factories.js";
import { createTestApp, type Client, type TestApp } from "../../../test/support/test-app.js";
import { walkPages } from "../../../test/support/walk-pages.js";

let t: TestApp;
let kim: Client;
let vera: Client;
let districtId = "";
const PRIORITIES = ["low", "urgent", "normal", "high", "normal"] as const;
type Summary = { id: string; number: number; subject: string; priority: string; districtName: string };

beforeAll(async () => {
  t = await createTestApp();
  const d = await buildDistrict(t.database.db, { name: "Paging District" });
  districtId = d.id;
  const owner = await buildContact(t.database.db, { districtId: d.id, type: "technical" });
  kim = await signInWithMfa(t.app, { district: d.slug, username: owner.user.username, secret: owner.secret });
  for (const [i, priority] of PRIORITIES.entries()) {
    const res = await kim.post("/api/support/cases", { subject: `Paged ${String.fromCharCode(65 + i)}`, description: "d", productArea: "Grading", priority });
    expect(res.statusCode, res.body).toBe(201);
  }
  const other = await buildDistrict(t.database.db, { name: "Other District" });
  const stranger = await buildContact(t.database.db, { districtId: other.id });
  await (await signInWithMfa(t.app, { district: other.slug, username: stranger.user.username, secret: stranger.secret })).post("/api/support/cases", { subject: "Paged elsewhere", description: "d", productArea: "Grading" });
  vera = (await signInVendor(t.app, t.database.db)).client;
}, 180_000);
afterAll(() => t.close());

describe("case lists page with cursors", () => {
  it("walks a contact's cases page by page, most urgent first, with the total on every page", async () => {
    const { items, pages, totals } = await walkPages<Summary>(kim, "/api/support/cases?limit=2");
    expect(pages).toBe(3);
    expect(totals).toEqual([5, 5, 5]);
    expect(new Set(items.map((c) => c.id)).size).toBe(5);
    expect(items.map((c) => c.priority)).toEqual(["urgent", "high", "normal", "normal", "low"]);
    expect(items.every((c) => c.districtName === "Paging District")).toBe(true);
  });

  it("sorts by a column either way, and keeps filters across pages", async () => {
    const desc = await walkPages<Summary>(kim, "/api/support/cases?limit=2&sort=subject&order=desc");
    expect(desc.items.map((c) => c.subject)).toEqual(["Paged E", "Paged D", "Paged C", "Paged B", "Paged A"]);
    const normal = await walkPages<Summary>(kim, "/api/support/cases?limit=1&priority=normal&sort=number");
    expect(normal.totals).toEqual([2, 2]);
    expect(normal.items[0]!.number).toBeLessThan(normal.items[1]!.number);
  });

  it("pages the vendor queue across districts and by district", async () => {
    const all = await walkPages<Summary>(vera, "/api/vendor/cases?search=Paged&limit=4&sort=district");
    expect(all.totals[0]).toBe(6);
    expect(all.items.map((c) => c.districtName)).toEqual(["Other District", ...Array(5).fill("Paging District")]);
    const one = await walkPages<Summary>(vera, `/api/vendor/cases?districtId=${districtId}&limit=3&sort=created&order=desc`);
    expect(one.items.map((c) => c.subject)).toEqual(["Paged E", "Paged D", "Paged C", "Paged B", "Paged A"]);
  });

  it("refuses a cursor made for another sort, and an unknown sort, naming the field", async () => {
    const first = (await kim.get("/api/support/cases?limit=1")).json() as { nextCursor: string };
    const moved = await kim.get(`/api/support/cases?limit=1&sort=subject&cursor=${first.nextCursor}`);
    expect(moved.statusCode).toBe(400);
    expect(moved.json()).toMatchObject({ code: "cursor-invalid", path: "querystring.cursor" });
    const unknown = await vera.get("/api/vendor/cases?sort=colour");
    expect(unknown.statusCode).toBeGreaterThanOrEqual(400);
    expect(unknown.statusCode).toBeLessThan(500);
    expect(JSON.stringify(unknown.json())).toContain("sort");
  });

  it("names the message field of an empty comment, so the form shows the sentence under it", async () => {
    const [first] = (await kim.get("/api/support/cases?limit=1")).json().items as Summary[];
    const empty = await kim.post(`/api/support/cases/${first!.id}/comments`, { body: "  " });
    expect(empty.statusCode).toBe(400);
    expect(empty.json()).toMatchObject({ path: "body", errors: [{ path: "body", message: "Enter the message" }] });
  });
});
