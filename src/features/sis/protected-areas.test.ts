/**
 * The "done when": for EACH federally protected area of the seed, a user without the
 * right cannot get it by any route (screen API, Ad hoc field list, preview, export, a filter
 * shared by someone else), and a user with it can. Table-driven over the field catalog.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getCatalog } from "../../domain/rights/catalog.js";
import { buildDistrict, buildUser } from "../../../test/support/factories.js";
import { createFakeRights, type RightsTable } from "../../../test/support/fake-rights.js";
import { BALLARD, LINCOLN, buildGroup, buildSisDistrict } from "../../../test/support/sis-fixtures.js";
import { createTestApp, signIn, type Client, type TestApp } from "../../../test/support/test-app.js";
import { FIELDS, TOOLS, isProtectedField } from "./field-catalog.js";
import { seedProtection } from "../../domain/rights/protected-areas.js";

type Fixture = Awaited<ReturnType<typeof buildSisDistrict>>;
type Probe = (c: Client, fx: Fixture) => Promise<unknown>;

const sectionValue = (prefix: string, section: string, field: string): Probe => async (c, fx) => {
  const res = await c.get(`/api/${prefix}/enrollments/${fx.avaEnrollment.id}/${section}`);
  return res.statusCode === 200 ? res.json().fields.find((f: { id: string }) => f.id === field)?.value : undefined;
};
const listValue = (path: string, key: string, pick: (row: Record<string, unknown>) => unknown): Probe => async (c, fx) => {
  const res = await c.get(`/api/${path.replace(":ava", fx.ava.id).replace(":enr", fx.avaEnrollment.id)}`);
  return res.statusCode === 200 ? pick(res.json()[key][0]) : undefined;
};

/** area tool → how its screen shows it, the Ad hoc field, and Ava's value there. */
const AREAS: Record<string, { screen: Probe; field: string; expected: unknown }> = {
  [TOOLS.framEligibility]: { screen: listValue("sis/students/:ava/fram", "records", (r) => r.eligibility), field: "fram.eligibility", expected: "Free" },
  [TOOLS.wardOfState]: { screen: sectionValue("sis", "state-reporting", "enrollment.wardOfState"), field: "enrollment.wardOfState", expected: true },
  [TOOLS.censusWardOfState]: { screen: sectionValue("census", "census-state-reporting", "census.wardOfState"), field: "census.wardOfState", expected: true },
  [TOOLS.homeless]: { screen: sectionValue("sis", "state-reporting", "enrollment.homeless"), field: "enrollment.homeless", expected: "Shelter" },
  [TOOLS.censusHomeless]: { screen: sectionValue("census", "census-state-reporting", "census.homeless"), field: "census.homeless", expected: "Shelter" },
  [TOOLS.migrant]: { screen: sectionValue("sis", "state-reporting", "enrollment.migrant"), field: "enrollment.migrant", expected: true },
  [TOOLS.censusMigrant]: { screen: sectionValue("census", "census-state-reporting", "census.migrant"), field: "census.migrant", expected: true },
  [TOOLS.serviceHours]: { screen: sectionValue("sis", "special-ed", "enrollment.serviceHours"), field: "enrollment.serviceHours", expected: 120 },
  [TOOLS.censusServiceHours]: { screen: sectionValue("census", "census-special-ed", "census.serviceHours"), field: "census.serviceHours", expected: 120 },
  [TOOLS.serviceHoursPercent]: { screen: sectionValue("sis", "special-ed", "enrollment.serviceHoursPercent"), field: "enrollment.serviceHoursPercent", expected: 80 },
  [TOOLS.censusServiceHoursPercent]: { screen: sectionValue("census", "census-special-ed", "census.serviceHoursPercent"), field: "census.serviceHoursPercent", expected: 80 },
  [TOOLS.englishLearners]: { screen: listValue("sis/students/:ava/english-learners", "records", (r) => r.status), field: "el.status", expected: "EL" },
  [TOOLS.enrollmentHistory]: { screen: listValue("sis/enrollments/:enr/history", "entries", (r) => r.field), field: "enrollment.lastHistory", expected: "2025-09-02 Grade: 09 → 10" },
  [TOOLS.censusEnrollmentHistory]: { screen: listValue("census/enrollments/:enr/history", "entries", (r) => r.field), field: "census.lastHistory", expected: "2025-09-02 Grade: 09 → 10" },
  [TOOLS.healthConditions]: { screen: listValue("sis/students/:ava/health-conditions", "conditions", (r) => r.condition), field: "health.conditions", expected: "Asthma" },
};
const SCREEN_EXPECTED: Record<string, unknown> = { [TOOLS.enrollmentHistory]: "Grade", [TOOLS.censusEnrollmentHistory]: "Grade" };

const protectedFields = FIELDS.filter((f) => isProtectedField(f, seedProtection(getCatalog())));
const fedNodes = getCatalog().nodes.filter((n) => n.federallyProtected && !getCatalog().nodes[n.parentIndex ?? -1]?.federallyProtected);

let t: TestApp;
let fx: Fixture;
let runner: Client;
let runnerId: string;
let sharedFilterId: string;
const rights = createFakeRights();

const table = (withoutTool: string | null): RightsTable => ({
  tools: { "Student Information": "R", Census: "R", FRAM: "R", "Ad Hoc Reporting": "R", ...(withoutTool ? { [withoutTool]: "" } : {}) },
  calendars: [{ ...BALLARD, modify: false }, { ...LINCOLN, modify: false }],
});

beforeAll(async () => {
  t = await createTestApp({ rights });
  const district = await buildDistrict(t.database.db);
  fx = await buildSisDistrict(t.database.db, district.id);
  const admin = await buildUser(t.database.db, { districtId: district.id, role: "student-information-system" });
  const user = await buildUser(t.database.db, { districtId: district.id });
  runnerId = user.id;
  const author = await signIn(t.app, { district: district.slug, username: admin.username });
  runner = await signIn(t.app, { district: district.slug, username: user.username });
  const groupId = await buildGroup(t.database.db, district.id, "Counselors", [user.id]);
  const created = await author.post("/api/adhoc/filters", {
    name: "Everything protected",
    definition: { fields: ["student.localId", ...protectedFields.map((f) => f.id)], sort: [{ field: "student.localId", direction: "asc" }] },
  });
  expect(created.statusCode).toBe(201);
  sharedFilterId = created.json().id;
  expect((await author.put(`/api/adhoc/filters/${sharedFilterId}/shares`, { groupIds: [groupId] })).statusCode).toBe(200);
});
afterAll(() => t.close());

const csvRows = (body: string) => body.trim().split("\r\n").map((l) => l.split(","));
const logCount = async (field: string) =>
  (await t.database.query<{ n: number }>("select count(*)::int as n from sis_access_log a, unnest(a.fields) f where a.actor_id = $1 and f = $2", [runnerId, field]))[0]!.n;

describe("the field catalog covers the seed's federally protected list", () => {
  it("has a screen probe and an Ad hoc field for every protected area, and nothing else protected", () => {
    expect(Object.keys(AREAS).sort()).toEqual(fedNodes.map((n) => n.path).sort());
    for (const node of fedNodes) expect(protectedFields.map((f) => f.tool)).toContain(node.path);
  });
});

describe.each(Object.entries(AREAS))("%s", (tool, area) => {
  const avaRow = (rows: unknown[][]) => rows.find((r) => r[0] === "S1001");

  it("without R on it: absent from the screen API, the field list, preview, export and a shared filter", async () => {
    rights.set(runnerId, table(tool));
    const before = await logCount(area.field);
    expect(await area.screen(runner, fx)).toBeUndefined();

    const groups = (await runner.get("/api/adhoc/fields")).json().groups as { fields: { id: string }[] }[];
    expect(groups.flatMap((g) => g.fields.map((f) => f.id))).not.toContain(area.field);

    const definition = { fields: ["student.localId", area.field] };
    const preview = await runner.post("/api/adhoc/preview", { definition });
    expect(preview.statusCode).toBe(400);
    expect(preview.json()).toMatchObject({ code: "field-not-readable", path: "definition.fields[1]" });
    expect((await runner.post("/api/adhoc/export", { definition })).statusCode).toBe(400);
    const filtered = await runner.post("/api/adhoc/preview", { definition: { fields: ["student.localId"], conditions: [{ field: area.field, op: "notEmpty" }] } });
    expect(filtered.statusCode).toBe(400);

    const shared = await runner.post(`/api/adhoc/filters/${sharedFilterId}/preview`);
    expect(shared.statusCode).toBe(200);
    const index = shared.json().columns.findIndex((c: { id: string }) => c.id === area.field);
    expect(shared.json().columns[index]).toMatchObject({ withheld: true, protected: true });
    expect(shared.json().rows.map((r: unknown[]) => r[index])).toEqual(["withheld", "withheld"]);

    const exported = await runner.get(`/api/adhoc/filters/${sharedFilterId}/export.csv`);
    expect(exported.statusCode).toBe(200);
    const rows = csvRows(exported.body);
    expect(rows[0]![index]).toMatch(/withheld/);
    expect(rows.slice(1).map((r) => r[index])).toEqual(["withheld", "withheld"]);
    expect(await logCount(area.field)).toBe(before);
  });

  it("with R on it: shown on the screen, offered in Ad hoc, in preview, export and the shared filter, and logged", async () => {
    rights.set(runnerId, table(null));
    const before = await logCount(area.field);
    expect(await area.screen(runner, fx)).toEqual(SCREEN_EXPECTED[tool] ?? area.expected);

    const groups = (await runner.get("/api/adhoc/fields")).json().groups as { tool: string; protected: boolean; fields: { id: string }[] }[];
    expect(groups.find((g) => g.tool === tool)).toMatchObject({ protected: true, fields: expect.arrayContaining([expect.objectContaining({ id: area.field })]) });

    const definition = { fields: ["student.localId", area.field] };
    const preview = await runner.post("/api/adhoc/preview", { definition });
    expect(preview.statusCode).toBe(200);
    expect(avaRow(preview.json().rows)![1]).toEqual(area.expected);

    const exported = await runner.post("/api/adhoc/export", { definition });
    expect(exported.statusCode).toBe(200);
    expect(csvRows(exported.body).find((r) => r[0] === "S1001")![1]).toBe(String(area.expected));

    const shared = await runner.post(`/api/adhoc/filters/${sharedFilterId}/preview`);
    const index = shared.json().columns.findIndex((c: { id: string }) => c.id === area.field);
    expect(shared.json().columns[index].withheld).toBe(false);
    expect(avaRow(shared.json().rows)![index]).toEqual(area.expected);
    const sharedCsv = csvRows((await runner.get(`/api/adhoc/filters/${sharedFilterId}/export.csv`)).body);
    expect(sharedCsv.find((r) => r[0] === "S1001")![index]).toBe(String(area.expected));

    // screen (1) + preview, export, shared preview, shared export: Ava and Ben each (2 × 4)
    expect(await logCount(area.field)).toBe(before + 1 + 8);
  });

  it("with R on it but calendar rights only to Lincoln: Ava (Ballard) is out of reach on every route", async () => {
    rights.set(runnerId, { ...table(null), calendars: [{ ...LINCOLN, modify: false }] });
    expect(await area.screen(runner, fx)).toBeUndefined();
    const preview = await runner.post("/api/adhoc/preview", { definition: { fields: ["student.localId", area.field] } });
    expect(preview.json().rows.map((r: unknown[]) => r[0])).toEqual(["S2002"]);
    const shared = csvRows((await runner.get(`/api/adhoc/filters/${sharedFilterId}/export.csv`)).body);
    expect(shared.slice(1).map((r) => r[0])).toEqual(["S2002"]);
  });
});

describe("Enrollment History of a protected field", () => {
  const homeless = FIELDS.find((f) => f.id === "enrollment.homeless")!;
  beforeAll(async () => {
    await t.database.query(
      `insert into sis_enrollment_history (district_id, enrollment_id, changed_at, field, old_value, new_value, changed_by)
       select district_id, id, '2026-01-15T10:00:00Z', $2, 'Shelter', 'Doubled-up', 'registrar' from sis_enrollments where id = $1`,
      [fx.avaEnrollment.id, homeless.label],
    );
  });
  const latest = async () => (await runner.get(`/api/sis/enrollments/${fx.avaEnrollment.id}/history`)).json().entries[0];
  const lastChange = async () => {
    const res = await runner.post("/api/adhoc/preview", { definition: { fields: ["student.localId", "enrollment.lastHistory"] } });
    expect(res.statusCode).toBe(200);
    return (res.json().rows as unknown[][]).find((r) => r[0] === "S1001")![1] as string;
  };

  it("shows that it changed but not its values to a reader without the field's right, on the screen and in Ad hoc", async () => {
    rights.set(runnerId, table(TOOLS.homeless));
    expect(await latest()).toMatchObject({ field: homeless.label, withheld: true, oldValue: "withheld", newValue: "withheld" });
    expect(await lastChange()).toBe(`2026-01-15 ${homeless.label}: withheld`);
  });

  it("shows the values on the screen to a reader with the right; Ad hoc's last change leaves them to the field itself", async () => {
    rights.set(runnerId, table(null));
    expect(await latest()).toMatchObject({ field: homeless.label, withheld: false, oldValue: "Shelter", newValue: "Doubled-up" });
    expect(await lastChange()).not.toContain("Doubled-up");
  });
});

describe("the access log of Ad hoc", () => {
  it("records a protected field used only to filter or sort: the rows it returns reveal it", async () => {
    rights.set(runnerId, table(null));
    const before = await logCount("health.conditions");
    const sortedBefore = await logCount("enrollment.serviceHours");
    const res = await runner.post("/api/adhoc/preview", {
      definition: { fields: ["student.localId"], conditions: [{ field: "health.conditions", op: "notEmpty" }], sort: [{ field: "enrollment.serviceHours", direction: "desc" }] },
    });
    expect(res.statusCode).toBe(200);
    expect((res.json().rows as unknown[][]).map((r) => r[0])).toContain("S1001");
    expect(await logCount("health.conditions")).toBeGreaterThan(before);
    expect(await logCount("enrollment.serviceHours")).toBeGreaterThan(sortedBefore);
  });
});
