/**
 * The seed, under its list of federally protected areas: "This is not a comprehensive list.
 * System Administrators should use caution and follow district guidelines for what users and
 * user groups should be given access to Federally protected data." A district marks further
 * tools; they then get what the seed's list gets, from the next request on.
 */
import { and, arrayContains, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { exportPolicy, parsePolicy } from "../../domain/policy/index.js";
import { auditLog, sisAccessLog } from "../../platform/db/schema/index.js";
import { buildDistrict, buildUser } from "../../../test/support/factories.js";
import { insertGroup } from "../../../test/support/rights-rows.js";
import { buildSisDistrict } from "../../../test/support/sis-fixtures.js";
import { createTestApp, signIn, type Client, type TestApp } from "../../../test/support/test-app.js";
import { applyPolicy } from "./policy/apply-policy.js";
import { exportDistrictPolicy } from "./policy/export-district.js";

const GRADES = "Student Information > General > Grades";
const CONDITIONS = "Student Information > Health > Conditions";

let t: TestApp;
let boss: Client;
let clerk: Client;
let fx: Awaited<ReturnType<typeof buildSisDistrict>>;
let district: { id: string; name: string; slug: string };

const gradeReads = async (route: string) =>
  (await t.database.db.select().from(sisAccessLog).where(and(eq(sisAccessLog.districtId, district.id), arrayContains(sisAccessLog.fields, ["grades.average"]), eq(sisAccessLog.route, route)))).length;
const mark = (toolPath: string) => boss.post("/api/protected-areas", { toolPath });
const unmark = (toolPath: string) => boss.delete(`/api/protected-areas?toolPath=${encodeURIComponent(toolPath)}`);

beforeAll(async () => {
  t = await createTestApp();
  const db = t.database.db;
  district = await buildDistrict(db);
  fx = await buildSisDistrict(db, district.id);
  await buildUser(db, { districtId: district.id, username: "boss", role: "student-information-system" });
  const c = await buildUser(db, { districtId: district.id, username: "clerk" });
  await insertGroup(db, district.id, {
    name: "Grades Office",
    entries: [{ toolPath: GRADES, rights: "R" }, { toolPath: "Student Information > General > Summary", rights: "R" }, { toolPath: "Ad Hoc Reporting", rights: "RWAD" }],
    calendars: [{ school: "*", year: "*", calendar: "*", modify: true }],
    members: [{ userId: c.id }],
  });
  boss = await signIn(t.app, { district: district.slug, username: "boss" });
  clerk = await signIn(t.app, { district: district.slug, username: "clerk" });
}, 240_000);
afterAll(() => t.close());

describe("district-defined protected areas", () => {
  it("starts with the seed's list only; marking needs the Student Information System role", async () => {
    const areas = (await clerk.get("/api/protected-areas")).json();
    expect(areas.seed).toContain(CONDITIONS);
    expect(areas.district).toEqual([]);
    expect([403, 404]).toContain((await clerk.post("/api/protected-areas", { toolPath: GRADES })).statusCode);
  });

  it("before marking, reading grades is not logged and the review does not list them", async () => {
    expect((await clerk.get(`/api/sis/students/${fx.ava.id}/grades`)).statusCode).toBe(200);
    expect(await gradeReads("screen")).toBe(0);
    const review = (await boss.get("/api/reviews/protected-data")).json();
    expect(review.areas.map((a: { toolPath: string }) => a.toolPath)).not.toContain(GRADES);
  });

  it("refuses unknown tools, the seed's own areas and a second mark, naming the field", async () => {
    const unknown = await mark("Student Information > General > Gradez");
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json()).toMatchObject({ code: "unknown-tool", path: "toolPath" });
    expect(unknown.json().detail ?? unknown.json().title).toBeDefined();
    expect((await mark(CONDITIONS)).json()).toMatchObject({ code: "already-protected" });
    // "only what the district added can be unmarked, never the seed's list"
    const seed = await unmark(CONDITIONS);
    expect(seed.statusCode).toBe(409);
    expect(seed.json().code).toBe("seed-protected");
  });

  it("a marked tool is protected from the next request on: access log, Ad hoc, review, who-has-access, catalog; audited", async () => {
    const res = await mark(GRADES.toLowerCase());
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().district).toEqual([expect.objectContaining({ toolPath: GRADES, markedBy: "boss" })]);
    expect((await mark(`${GRADES}`)).statusCode).toBe(409);

    // the FERPA access log records the screen read and the Ad hoc read
    expect((await clerk.get(`/api/sis/students/${fx.ava.id}/grades`)).statusCode).toBe(200);
    expect(await gradeReads("screen")).toBe(1);
    const preview = await clerk.post("/api/adhoc/preview", { definition: { fields: ["student.localId", "grades.average"], conditions: [], sort: [] } });
    expect(preview.statusCode, preview.body).toBe(200);
    expect(preview.json().columns.find((c: { id: string }) => c.id === "grades.average")).toMatchObject({ protected: true });
    expect(await gradeReads("adhoc-preview")).toBeGreaterThan(0);
    const fields = (await clerk.get("/api/adhoc/fields")).json().groups;
    expect(fields.find((g: { tool: string }) => g.tool === GRADES)).toMatchObject({ protected: true });

    // the protected-data review and who-has-access
    const review = (await boss.get("/api/reviews/protected-data")).json();
    const grades = review.areas.find((a: { toolPath: string }) => a.toolPath === GRADES);
    expect(grades.holders.map((h: { username: string }) => h.username)).toEqual(["boss", "clerk"]);
    const holders = (await boss.get(`/api/who-has-access?tool=${encodeURIComponent(GRADES)}&right=R`)).json();
    expect(holders.protected).toBe(true);

    // the rights editor's catalog marks it (and what lies below it) as the district's
    const catalog = (await boss.get("/api/catalog")).json().tools;
    expect(catalog.find((n: { path: string }) => n.path === GRADES)).toMatchObject({ federallyProtected: false, districtProtected: true });
    expect(catalog.find((n: { path: string }) => n.path === CONDITIONS)).toMatchObject({ federallyProtected: true, districtProtected: false });

    const [audit] = await t.database.db.select().from(auditLog).where(eq(auditLog.action, "district.protected-area-marked"));
    expect(audit).toMatchObject({ actorName: "boss", targetId: GRADES, before: { protectedTools: [] }, after: { protectedTools: [GRADES] } });
  });

  it("policy files carry it: export lists it, test refuses the seed's paths, apply sets exactly the file's list", async () => {
    const exported = await exportDistrictPolicy(t.database.db, district.name);
    expect(exported!.protected).toEqual([GRADES]);
    const text = exportPolicy(exported!);
    expect(text).toContain("protected:");
    const again = parsePolicy(text, "export.yaml");
    expect(again.ok).toBe(true);
    if (!again.ok) return;
    expect((await applyPolicy(t.database.db, again.policy)).changes).toEqual([]);

    const wrong = parsePolicy(`district: ${district.name}\nprotected:\n  - ${CONDITIONS}\n  - Student Information > General > Gradez\n`, "wrong.yaml");
    expect(wrong.ok).toBe(false);
    if (!wrong.ok) expect(wrong.errors.map((e) => [e.line, e.code])).toEqual([[3, "already-protected"], [4, "unknown-tool"]]);

    const none = parsePolicy(`district: ${district.name}\nprotected: []\n`, "none.yaml");
    if (!none.ok) throw new Error(JSON.stringify(none.errors));
    expect((await applyPolicy(t.database.db, none.policy)).changes).toEqual([`protected area unmarked: ${GRADES}`]);
    expect((await clerk.get("/api/protected-areas")).json().district).toEqual([]);
    const back = parsePolicy(`district: ${district.name}\nprotected: ["${GRADES}"]\n`, "back.yaml");
    if (!back.ok) throw new Error(JSON.stringify(back.errors));
    expect((await applyPolicy(t.database.db, back.policy)).changes).toEqual([`protected area marked: ${GRADES}`]);
  });

  it("unmarking what the district added ends it: reads are no longer logged; audited", async () => {
    const res = await unmark(GRADES);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().district).toEqual([]);
    const before = await gradeReads("screen");
    await clerk.get(`/api/sis/students/${fx.ava.id}/grades`);
    expect(await gradeReads("screen")).toBe(before);
    expect((await t.database.db.select().from(auditLog).where(eq(auditLog.action, "district.protected-area-unmarked"))).length).toBe(1);
    expect((await unmark(GRADES)).statusCode).toBe(404);
  });
});
