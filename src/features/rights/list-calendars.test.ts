import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildUser } from "../../../test/support/factories.js";
import { buildRightsDistrict, type RightsDistrict } from "../../../test/support/rights-factories.js";
import { BALLARD, buildSisDistrict, LINCOLN } from "../../../test/support/sis-fixtures.js";
import { createTestApp, signIn, type TestApp } from "../../../test/support/test-app.js";

let t: TestApp;
let d: RightsDistrict;
let other: RightsDistrict;
beforeAll(async () => {
  t = await createTestApp();
  d = await buildRightsDistrict(t.app, t.database.db);
  other = await buildRightsDistrict(t.app, t.database.db);
  await buildSisDistrict(t.database.db, d.districtId);
});
afterAll(() => t.close());

describe("GET /api/calendars", () => {
  it("lists the district's calendars as calendar grants name them", async () => {
    const res = await d.admin.client.get("/api/calendars");
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual([BALLARD, LINCOLN]);
  });

  it("shows another district none of them", async () => {
    expect((await other.admin.client.get("/api/calendars")).json()).toEqual([]);
  });

  it("is not found for staff without the Calendar Rights tool", async () => {
    const outsider = await buildUser(t.database.db, { districtId: d.districtId });
    const client = await signIn(t.app, { district: d.slug, username: outsider.username });
    expect((await client.get("/api/calendars")).statusCode).toBe(404);
  });
});
