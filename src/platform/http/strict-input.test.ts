/**
 * Strict input: text without control characters, integers within a PostgreSQL int4, days that
 * exist. Each of these reached the database and came back as a 500 (or, for dates, was silently
 * rolled over to another day) before the shared types and the control-character check.
 */
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { userGroups } from "../db/schema/rights.js";
import { buildRightsDistrict, buildRightsGroup, type RightsDistrict } from "../../../test/support/rights-factories.js";
import { buildSisDistrict } from "../../../test/support/sis-fixtures.js";
import { signInVendor } from "../../../test/support/support-factories.js";
import { createTestApp, type Client, type TestApp } from "../../../test/support/test-app.js";

let t: TestApp;
let d: RightsDistrict;
let vendor: Client;
let groupId: string;

beforeAll(async () => {
  t = await createTestApp();
  d = await buildRightsDistrict(t.app, t.database.db);
  vendor = (await signInVendor(t.app, t.database.db)).client;
  groupId = await buildRightsGroup(t.database.db, d.districtId, { name: "Strict input" });
  await buildSisDistrict(t.database.db, d.districtId);
});
afterAll(() => t.close());

const version = async () => (await t.database.db.select({ v: userGroups.version }).from(userGroups).where(eq(userGroups.id, groupId)))[0]!.v;

function expectProblem(res: { statusCode: number; headers: Record<string, unknown>; json(): any }, status: number, path: string) {
  expect(res.statusCode, JSON.stringify(res.json())).toBe(status);
  expect(String(res.headers["content-type"])).toMatch(/^application\/problem\+json/);
  expect(res.json()).toMatchObject({ path, requestId: expect.any(String), code: expect.any(String), detail: expect.any(String) });
}

describe("text with control characters", () => {
  it("is refused with 422 and the field, before signing in too", async () => {
    const res = await t.app.inject({ method: "POST", url: "/api/auth/sign-in", payload: { district: d.slug, username: "ad\u0000min", password: "x" } });
    expectProblem(res, 422, "username");
    expect(res.json().code).toBe("control-character");
  });

  it("is refused in a query string, a path parameter and a nested body field", async () => {
    expectProblem(await d.admin.client.get("/api/groups?search=a%00b"), 422, "querystring.search");
    expectProblem(await t.app.inject({ method: "GET", url: "/api/public/districts/a%00b" }), 422, "params.slug");
    const rights = await d.admin.client.put(`/api/groups/${groupId}/rights`, { version: await version(), entries: [{ toolPath: "Census\u0007", rights: "R" }] });
    expectProblem(rights, 422, "entries.0.toolPath");
    expect(rights.json().detail).toBe("Remove the invisible character U+0007 from the tool of entry 1: text may hold tabs and line breaks, nothing else that is invisible.");
    expectProblem(await vendor.post("/api/vendor/releases", { version: "9.9", name: "Spring\u0000", releasedOn: "2026-04-01" }), 422, "name");
  });

  it("keeps tabs and new lines in multi-line text", async () => {
    const res = await d.admin.client.patch(`/api/groups/${groupId}`, { description: "line one\n\tline two", version: await version() });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().description).toBe("line one\n\tline two");
  });
});

describe("integers", () => {
  it("refuses a member limit beyond what the column holds, with the field", async () => {
    const res = await d.admin.client.patch(`/api/groups/${groupId}`, { memberLimit: 99999999999999, version: await version() });
    expectProblem(res, 400, "memberLimit");
  });
});

describe("days", () => {
  const impossible = "2026-02-30";

  it("refuses a day that does not exist on a rights entry, a calendar grant, a membership and the master scheduling end", async () => {
    const rights = await d.admin.client.put(`/api/groups/${groupId}/rights`, { version: await version(), entries: [{ toolPath: "Census", rights: "R", until: impossible }] });
    expectProblem(rights, 400, "entries.0.until");
    expect(rights.json().errors[0].message).toBe("February has no 30th.");
    const grants = await d.admin.client.put(`/api/groups/${groupId}/calendar-rights`, { version: await version(), calendarGrants: [{ school: "*", year: "*", calendar: "*", until: impossible }] });
    expectProblem(grants, 400, "calendarGrants.0.until");
    expectProblem(await d.admin.client.post(`/api/groups/${groupId}/members`, { userId: d.staff.id, until: impossible }), 400, "until");
    expectProblem(await d.admin.client.post("/api/groups", { name: "Schedulers 30", template: "Schedulers", masterSchedulingEnds: impossible }), 400, "masterSchedulingEnds");
    const prefs = (await d.admin.client.get("/api/preferences")).json();
    expectProblem(await d.admin.client.put("/api/preferences", { masterSchedulingEnds: impossible, version: prefs.version }), 400, "masterSchedulingEnds");
  });

  it("takes a real day, and the form the API itself writes it in", async () => {
    const res = await d.admin.client.put(`/api/groups/${groupId}/rights`, {
      version: await version(),
      entries: [{ toolPath: "Census", rights: "R", until: "2030-01-01" }, { toolPath: "Census", rights: "", from: "2030-01-01T00:00:00.000Z" }],
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().entries).toContainEqual({ toolPath: "Census", rights: "R", deny: false, from: null, until: "2030-01-01T00:00:00.000Z" });
  });

  it("refuses an Ad hoc date condition on a day that does not exist", async () => {
    const res = await d.admin.client.post("/api/adhoc/preview", {
      definition: { fields: ["student.lastName"], conditions: [{ field: "student.birthDate", op: "lt", value: "2017-02-30" }] },
    });
    expect(res.statusCode, res.body).toBe(400);
    expect(res.json()).toMatchObject({ code: "condition-value-invalid", path: "definition.conditions[0].value" });
  });

  it("types every day in the OpenAPI document as a date", async () => {
    const doc = (await t.app.inject({ method: "GET", url: "/docs/json" })).json();
    const body = doc.paths["/api/groups/{groupId}/members"].post.requestBody.content["application/json"].schema;
    expect(body.properties.until).toMatchObject({ type: "string", format: "date" });
    const entry = doc.paths["/api/groups/{groupId}/rights"].put.requestBody.content["application/json"].schema.properties.entries.items;
    expect(entry.properties.from).toMatchObject({ type: "string", format: "date" });
  });
});
