import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildDistrict } from "../../../test/support/factories.js";
import { signInVendor } from "../../../test/support/support-factories.js";
import { createTestApp, type Client, type TestApp } from "../../../test/support/test-app.js";
import { walkPages } from "../../../test/support/walk-pages.js";

let t: TestApp;
let vendor: Client;
type Item = { id: string; subject: string; to: string; status: string; district: string | null };

beforeAll(async () => {
  t = await createTestApp();
  const a = await buildDistrict(t.database.db, { name: "Aspen Paging" });
  const b = await buildDistrict(t.database.db, { name: "Birch Paging" });
  // seven messages; three written in the same millisecond (a sweep writes many at once), two
  // within one millisecond but microseconds apart, so the cursor has to hold them apart
  const rows: [string, string, string, string][] = [
    [a.id, "m1", "2026-03-01T10:00:00.000000Z", "pending"],
    [a.id, "m2", "2026-03-01T10:00:01.000000Z", "sent"],
    [b.id, "m3", "2026-03-01T10:00:02.000000Z", "failed"],
    [b.id, "m4", "2026-03-01T10:00:02.000000Z", "pending"],
    [a.id, "m5", "2026-03-01T10:00:02.000000Z", "pending"],
    [b.id, "m6", "2026-03-01T10:00:03.000100Z", "sent"],
    [a.id, "m7", "2026-03-01T10:00:03.000900Z", "pending"],
  ];
  for (const [districtId, key, at, status] of rows) {
    await t.database.query(
      `insert into outbox (district_id, dedupe_key, kind, to_address, subject, text_body, html_body, status, created_at)
       values ($1, $2, 'test', $3, $4, 't', '<p>t</p>', $5, $6::timestamptz)`,
      [districtId, `paging-${key}`, `${key}@paging.example`, `Paging ${key}`, status, at],
    );
  }
  vendor = (await signInVendor(t.app, t.database.db)).client;
}, 120_000);
afterAll(() => t?.close());

describe("outbox paging", () => {
  it("walks the outbox newest first, page by page, each message once, with the total and counts on every page", async () => {
    const { items, pages, totals } = await walkPages<Item>(vendor, "/api/vendor/outbox?search=paging.example&limit=2");
    expect(pages).toBe(4);
    expect(totals).toEqual([7, 7, 7, 7]);
    expect(items.map((i) => i.subject.slice(-2))).toEqual(["m7", "m6", ...items.slice(2, 5).map((i) => i.subject.slice(-2)), "m2", "m1"]);
    expect(new Set(items.map((i) => i.id)).size).toBe(7);
    expect(new Set(items.slice(2, 5).map((i) => i.subject.slice(-2)))).toEqual(new Set(["m3", "m4", "m5"]));
    // one a page: a page ends between the two messages of one millisecond
    const single = await walkPages<Item>(vendor, "/api/vendor/outbox?search=paging.example&limit=1");
    expect(single.items.map((i) => i.id)).toEqual(items.map((i) => i.id));
    const first = (await vendor.get("/api/vendor/outbox?search=paging.example&limit=2")).json();
    expect(first.counts).toMatchObject({ pending: 4, sent: 2, failed: 1 });
    expect(first.smtpConfigured).toBe(false);
  });

  it("sorts by a column either way and keeps the status filter across pages", async () => {
    const bySubject = await walkPages<Item>(vendor, "/api/vendor/outbox?search=paging.example&limit=3&sort=subject&order=asc");
    expect(bySubject.items.map((i) => i.subject)).toEqual(["m1", "m2", "m3", "m4", "m5", "m6", "m7"].map((k) => `Paging ${k}`));
    const byDistrict = await walkPages<Item>(vendor, "/api/vendor/outbox?search=paging.example&limit=2&sort=district&order=desc");
    expect(byDistrict.items.map((i) => i.district)).toEqual([...Array(3).fill("Birch Paging"), ...Array(4).fill("Aspen Paging")]);
    const pending = await walkPages<Item>(vendor, "/api/vendor/outbox?search=paging.example&status=pending&limit=1");
    expect(pending.totals).toEqual([4, 4, 4, 4]);
    expect(pending.items.every((i) => i.status === "pending")).toBe(true);
  });

  it("refuses a cursor made for another order", async () => {
    const first = (await vendor.get("/api/vendor/outbox?search=paging.example&limit=1")).json() as { nextCursor: string };
    const res = await vendor.get(`/api/vendor/outbox?search=paging.example&limit=1&order=asc&cursor=${first.nextCursor}`);
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ code: "cursor-invalid", path: "querystring.cursor" });
  });
});
