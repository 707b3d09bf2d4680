import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildDistrict, buildUser } from "../../../test/support/factories.js";
import { buildSisDistrict } from "../../../test/support/sis-fixtures.js";
import { createTestApp, signIn, type Client, type TestApp } from "../../../test/support/test-app.js";
import { walkPages } from "../../../test/support/walk-pages.js";

let t: TestApp;
let admin: Client;
let ava = "";
type Entry = { id: number; at: string; actorName: string; personId: string; personName: string | null; field: string; tool: string; route: string };

beforeAll(async () => {
  t = await createTestApp();
  const district = await buildDistrict(t.database.db);
  const fx = await buildSisDistrict(t.database.db, district.id);
  ava = fx.ava.id;
  const readings: [string, string, string, string][] = [
    ["nurse", fx.ava.id, "health.conditions", "2026-03-01T09:00:00Z"],
    ["clerk", fx.ben.id, "demographics.ssn", "2026-03-01T10:00:00Z"],
    ["nurse", fx.ben.id, "health.conditions", "2026-03-02T09:00:00Z"],
    ["advisor", fx.ava.id, "el.status", "2026-03-02T11:00:00Z"],
    ["clerk", fx.ava.id, "demographics.ssn", "2026-03-03T08:00:00Z"],
  ];
  for (const [actor, personId, field, at] of readings) {
    await t.database.query(
      "insert into sis_access_log (district_id, at, actor_id, actor_name, person_id, fields, tools, route) values ($1, $2::timestamptz, gen_random_uuid(), $3, $4, array[$5], '{Student Information}', 'screen')",
      [district.id, at, actor, personId, field],
    );
  }
  // one read of three fields (an export row): three entries with the same time, newest of all
  await t.database.query(
    "insert into sis_access_log (district_id, actor_id, actor_name, person_id, fields, tools, route) values ($1, gen_random_uuid(), 'counselor', $2, $3, $4, 'adhoc-export')",
    [district.id, fx.ben.id, ["el.status", "health.conditions", "fram.eligibility"], ["Student Information > EL", "Student Information > Health", "Student Information > FRAM"]],
  );
  // another district's reading is never counted nor shown
  const other = await buildDistrict(t.database.db);
  await t.database.query(
    "insert into sis_access_log (district_id, actor_id, actor_name, person_id, fields, tools, route) values ($1, gen_random_uuid(), 'stranger', $2, '{health.conditions}', '{Student Information}', 'screen')",
    [other.id, fx.ava.id],
  );
  const u = await buildUser(t.database.db, { districtId: district.id, role: "student-information-system" });
  admin = await signIn(t.app, { district: district.slug, username: u.username });
}, 120_000);
afterAll(() => t?.close());

describe("access log paging", () => {
  it("walks the log newest first with the total on every page and a Link to the next", async () => {
    const { items, pages, totals } = await walkPages<Entry>(admin, "/api/access-log?limit=2");
    expect(pages).toBe(4);
    expect(totals).toEqual([8, 8, 8, 8]);
    expect(items.slice(3).map((e) => e.at)).toEqual(["2026-03-03T08:00:00.000Z", "2026-03-02T11:00:00.000Z", "2026-03-02T09:00:00.000Z", "2026-03-01T10:00:00.000Z", "2026-03-01T09:00:00.000Z"]);
    expect(items.some((e) => e.actorName === "stranger")).toBe(false);
    expect(new Set(items.map((e) => e.id)).size).toBe(8);
  });

  it("shows a read of several fields as one entry a field, each with its tool, even split across pages", async () => {
    const { items } = await walkPages<Entry>(admin, "/api/access-log?limit=1");
    expect(items.slice(0, 3).map((e) => [e.actorName, e.personName, e.field, e.tool, e.route])).toEqual([
      ["counselor", "Brooks, Ben", "fram.eligibility", "Student Information > FRAM", "adhoc-export"],
      ["counselor", "Brooks, Ben", "health.conditions", "Student Information > Health", "adhoc-export"],
      ["counselor", "Brooks, Ben", "el.status", "Student Information > EL", "adhoc-export"],
    ]);
    const health = await walkPages<Entry>(admin, "/api/access-log?limit=2&field=health.conditions&order=asc");
    expect(health.totals).toEqual([3, 3]);
    expect(health.items.map((e) => [e.actorName, e.personName, e.field])).toEqual([
      ["nurse", "Anders, Ava", "health.conditions"],
      ["nurse", "Brooks, Ben", "health.conditions"],
      ["counselor", "Brooks, Ben", "health.conditions"],
    ]);
  });

  it("sorts by who and by whose record, and keeps the filters across pages", async () => {
    const byWho = await walkPages<Entry>(admin, "/api/access-log?limit=2&sort=actor&order=asc");
    expect(byWho.items.map((e) => e.actorName)).toEqual(["advisor", "clerk", "clerk", "counselor", "counselor", "counselor", "nurse", "nurse"]);
    const byWhose = await walkPages<Entry>(admin, "/api/access-log?limit=1&sort=person&order=desc");
    expect(byWhose.items.map((e) => e.personName)).toEqual([...Array(5).fill("Brooks, Ben"), "Anders, Ava", "Anders, Ava", "Anders, Ava"]);
    const avaOnly = await walkPages<Entry>(admin, `/api/access-log?limit=1&personId=${ava}&from=2026-03-02`);
    expect(avaOnly.totals).toEqual([2, 2]);
    expect(avaOnly.items.map((e) => e.field)).toEqual(["demographics.ssn", "el.status"]);
  });

  it("refuses a cursor made for another sort", async () => {
    const first = (await admin.get("/api/access-log?limit=1")).json() as { nextCursor: string };
    const moved = await admin.get(`/api/access-log?limit=1&sort=actor&cursor=${first.nextCursor}`);
    expect(moved.statusCode).toBe(400);
    expect(moved.json()).toMatchObject({ code: "cursor-invalid" });
  });

  it("walks reads that fall in the same millisecond one by one, none skipped (the cursor keeps microseconds)", async () => {
    const district = await buildDistrict(t.database.db);
    const fx = await buildSisDistrict(t.database.db, district.id);
    // Newest first is .123403, .123402, .123401: inserted oldest last, so ids run against time.
    for (const at of ["2026-04-01T09:00:00.123403Z", "2026-04-01T09:00:00.123402Z", "2026-04-01T09:00:00.123401Z"]) {
      await t.database.query(
        "insert into sis_access_log (district_id, at, actor_id, actor_name, person_id, fields, tools, route) values ($1, $2::timestamptz, gen_random_uuid(), $3, $4, '{health.conditions}', '{Student Information}', 'screen')",
        [district.id, at, `reader ${at.slice(20, 26)}`, fx.ava.id],
      );
    }
    const u = await buildUser(t.database.db, { districtId: district.id, role: "student-information-system" });
    const reader = await signIn(t.app, { district: district.slug, username: u.username });
    for (const order of ["desc", "asc"]) {
      const { items, totals } = await walkPages<Entry>(reader, `/api/access-log?limit=1&order=${order}`);
      expect(totals).toEqual([3, 3, 3]);
      const expected = ["reader 123403", "reader 123402", "reader 123401"];
      expect(items.map((e) => e.actorName)).toEqual(order === "desc" ? expected : expected.reverse());
    }
  });
});
