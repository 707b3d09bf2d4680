/**
 * FERPA's record of access for Ad hoc: every federally protected (or sensitive) field a preview
 * or an export shows is in the access log for every student it showed, with the field's tool,
 * the route and the filter — across export batches, whose log is written while the next is read.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getCatalog } from "../../domain/rights/catalog.js";
import { seedProtection } from "../../domain/rights/protected-areas.js";
import { buildDistrict, buildUser } from "../../../test/support/factories.js";
import { createTestApp, signIn, type Client, type TestApp } from "../../../test/support/test-app.js";
import { seedSisDistrict } from "../demo/seed-sis.js";
import { FIELDS, findField, isLoggedField } from "../sis/field-catalog.js";
import { EXPORT_BATCH, PREVIEW_ROWS } from "./run-filter.js";

let t: TestApp;
let admin: Client;
let adminName = "";
let districtId = "";

const LOGGED = FIELDS.filter((f) => isLoggedField(f, seedProtection(getCatalog()))).map((f) => f.id);
const definition = { fields: ["student.localId", ...LOGGED], sort: [{ field: "student.lastName" }, { field: "student.firstName" }] };
type Entry = { personId: string; field: string; tool: string; route: string; filterId: string | null; actorName: string };

beforeAll(async () => {
  t = await createTestApp();
  const district = await buildDistrict(t.database.db);
  districtId = district.id;
  // more rows than one export batch: the second batch is read while the first one's log is written
  await seedSisDistrict(t.database.db, district.id, { students: EXPORT_BATCH + 300, seed: 11 });
  const user = await buildUser(t.database.db, { districtId: district.id, role: "student-information-system" });
  adminName = user.username;
  admin = await signIn(t.app, { district: district.slug, username: user.username });
}, 180_000);
afterAll(() => t?.close());

/** Each logged field → the people the log says it was read of, through `route`. */
async function readsByField(route: string) {
  const rows = await t.database.query<{ person_id: string; field: string; tool: string }>(
    "select a.person_id::text, f.field, f.tool from sis_access_log a, unnest(a.fields, a.tools) as f(field, tool) where a.district_id = $1 and a.route = $2",
    [districtId, route],
  );
  const byField = new Map<string, Set<string>>();
  for (const r of rows) {
    expect(r.tool).toBe(findField(r.field)!.tool);
    byField.set(r.field, (byField.get(r.field) ?? new Set()).add(r.person_id));
  }
  return byField;
}

const sorted = (s: Set<string> | undefined) => [...(s ?? [])].sort();

describe("the access log of an Ad hoc read", () => {
  it("has every protected field an export showed, for every student of every batch", async () => {
    expect(LOGGED.length).toBeGreaterThan(5);
    const res = await admin.post("/api/adhoc/export", { definition });
    expect(res.statusCode).toBe(200);
    const rows = res.body.trim().split("\r\n").slice(1);
    const students = await t.database.query<{ id: string }>("select distinct person_id::text as id from sis_enrollments where district_id = $1", [districtId]);
    expect(rows.length).toBeGreaterThan(EXPORT_BATCH);
    const byField = await readsByField("adhoc-export");
    expect([...byField.keys()].sort()).toEqual([...LOGGED].sort());
    const everyone = sorted(new Set(students.map((s) => s.id)));
    for (const field of LOGGED) expect(sorted(byField.get(field)), field).toEqual(everyone);
  });

  it("has every protected field a preview showed, for exactly the students shown, as the log's page lists them", async () => {
    const saved = await admin.post("/api/adhoc/filters", { name: "Protected roster", definition });
    expect(saved.statusCode).toBe(201);
    const filterId = saved.json().id as string;
    const res = await admin.post(`/api/adhoc/filters/${filterId}/preview`, {});
    expect(res.statusCode).toBe(200);
    const shownIds = (res.json() as { rows: string[][] }).rows.map((r) => r[0]);
    expect(shownIds).toHaveLength(PREVIEW_ROWS);
    const shown = await t.database.query<{ id: string }>("select id::text from sis_people where district_id = $1 and local_id = any($2::text[])", [districtId, shownIds]);

    // the preview came after the export: its entries are the newest of each field
    for (const field of LOGGED) {
      const page = (await admin.get(`/api/access-log?limit=${PREVIEW_ROWS * 2}&actor=${adminName}&field=${field}`)).json() as { items: Entry[] };
      const previewed = page.items.filter((e) => e.route === "adhoc-preview");
      expect(previewed.every((e) => e.filterId === filterId && e.tool === findField(field)!.tool), field).toBe(true);
      expect(sorted(new Set(previewed.map((e) => e.personId))), field).toEqual(sorted(new Set(shown.map((s) => s.id))));
    }
  });
});
