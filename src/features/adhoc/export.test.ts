import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildDistrict, buildUser } from "../../../test/support/factories.js";
import { createTestApp, signIn, type Client, type TestApp } from "../../../test/support/test-app.js";
import { seedSisDistrict } from "../demo/seed-sis.js";
import { EXPORT_BATCH } from "./run-filter.js";

let t: TestApp;
let admin: Client;
let districtId: string;

beforeAll(async () => {
  t = await createTestApp();
  const district = await buildDistrict(t.database.db);
  districtId = district.id;
  // more rows than one export batch, so the keyset has to carry across batch boundaries
  await seedSisDistrict(t.database.db, district.id, { students: EXPORT_BATCH + 700, seed: 7 });
  const user = await buildUser(t.database.db, { districtId: district.id, role: "student-information-system" });
  admin = await signIn(t.app, { district: district.slug, username: user.username });
});
afterAll(() => t.close());

const rowsOf = (csv: string) => csv.trim().split("\r\n").slice(1).map((l) => l.split(","));

describe("CSV export in keyset batches", () => {
  it.each([
    [[{ field: "enrollment.homeless", direction: "desc" }, { field: "student.lastName", direction: "asc" }]],
    [[{ field: "enrollment.grade", direction: "asc" }, { field: "student.birthDate", direction: "desc" }]],
    [[]],
    // the seekable sort: the next batch is found through the people name index
    [[{ field: "student.lastName", direction: "asc" }, { field: "student.firstName", direction: "asc" }]],
    [[{ field: "student.lastName", direction: "asc" }]],
  ])("returns every enrollment exactly once, in order, sorted by %j", async (sort) => {
    const res = await admin.post("/api/adhoc/export", { definition: { fields: ["student.localId", "enrollment.calendar", "enrollment.homeless", "student.lastName", "enrollment.grade", "student.birthDate"], sort } });
    expect(res.statusCode).toBe(200);
    expect(res.headers["content-type"]).toContain("text/csv");
    const rows = rowsOf(res.body);
    const n = (await t.database.query<{ n: number }>("select count(*)::int as n from sis_enrollments where district_id = $1", [districtId]))[0]!.n;
    expect(rows.length).toBe(n);
    expect(new Set(rows.map((r) => `${r[0]}|${r[1]}`)).size).toBe(n);
    if (sort.length === 2 && sort[0]!.field === "enrollment.homeless") {
      const homeless = rows.map((r) => r[2]);
      const firstEmpty = homeless.indexOf("");
      expect(homeless.slice(firstEmpty).every((h) => h === "")).toBe(true); // nulls last
      const named = homeless.slice(0, firstEmpty);
      expect([...named].sort().reverse()).toEqual(named);
    }
    if (sort[0]?.field === "student.lastName") {
      const names = rows.map((r) => r[3]!);
      expect(names.every((name, i) => i === 0 || names[i - 1]!.localeCompare(name, "en") <= 0)).toBe(true);
    }
  });

  it("refuses a bad condition value with its path before any CSV is sent", async () => {
    const res = await admin.post("/api/adhoc/export", { definition: { fields: ["student.localId"], conditions: [{ field: "enrollment.serviceHours", op: "gt", value: "lots" }] } });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ code: "condition-value-invalid", path: "definition.conditions[0].value" });
  });

  it("neutralises spreadsheet formulas in values", async () => {
    const { csvLine } = await import("./run-filter.js");
    expect(csvLine(["=SUM(A1)", "a,b", 'say "hi"', null, 3])).toBe(`'=SUM(A1),"a,b","say ""hi""",,3\r\n`);
  });
});
