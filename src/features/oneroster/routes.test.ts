import fs from "node:fs";
import path from "node:path";
import { eq } from "drizzle-orm";
import { zipSync } from "fflate";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildDistrict, buildUser } from "../../../test/support/factories.js";
import { buildRightsGroup } from "../../../test/support/rights-factories.js";
import { createTestApp, signIn, type TestApp } from "../../../test/support/test-app.js";
import { auditLog } from "../../platform/db/schema/audit.js";

const FIXTURES = new URL("../../../test/fixtures/oneroster/", import.meta.url).pathname;
/** A fixture folder as the web app uploads it: a zip, base64. */
export const zipOf = (name: string) => {
  const dir = path.join(FIXTURES, name);
  const files = Object.fromEntries(fs.readdirSync(dir).map((f) => [`${name}/${f}`, new Uint8Array(fs.readFileSync(path.join(dir, f)))]));
  return Buffer.from(zipSync(files)).toString("base64");
};

let t: TestApp;
beforeAll(async () => void (t = await createTestApp()));
afterAll(async () => t.close());

describe("OneRoster import and staff automation over HTTP", () => {
  it("imports an uploaded zip for a Student Information System role holder; an invalid set answers 422 with every problem", async () => {
    const d = await buildDistrict(t.database.db, { preferences: { automaticStaffAccounts: true } });
    await buildUser(t.database.db, { districtId: d.id, username: "admin", role: "student-information-system" });
    await buildUser(t.database.db, { districtId: d.id, username: "clerk" });
    const admin = await signIn(t.app, { district: d.slug, username: "admin" });
    const clerk = await signIn(t.app, { district: d.slug, username: "clerk" });
    expect((await clerk.post("/api/oneroster/imports", { zipBase64: zipOf("valid") })).statusCode).toBe(404); // what a caller may not use answers 404

    const bad = await admin.post("/api/oneroster/imports", { zipBase64: zipOf("invalid") });
    expect(bad.statusCode).toBe(422);
    expect(bad.json().code).toBe("invalid-oneroster-set");
    expect(bad.json().problems).toEqual(expect.arrayContaining([expect.objectContaining({ file: "enrollments", row: 3, column: "role" })]));

    const calendars = await buildRightsGroup(t.database.db, d.id, { name: "Ballard calendars", calendars: [{ school: "Ballard High", year: "*", calendar: "*", modify: false }] });
    const tools = await buildRightsGroup(t.database.db, d.id, { name: "Teachers", rights: { Attendance: "RW" } });
    const refused = await admin.put("/api/staff-automation/mappings", { mappings: [{ kind: "school", key: "Ballard High", groupId: tools }] });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().code).toBe("calendar-only-group");
    const saved = await admin.put("/api/staff-automation/mappings", { mappings: [{ kind: "school", key: "Ballard High", groupId: calendars }, { kind: "role", key: "teacher", groupId: tools }] });
    expect(saved.statusCode, saved.body).toBe(200);
    expect((await admin.get("/api/staff-automation/mappings")).json().mappings).toHaveLength(2);

    const ok = await admin.post("/api/oneroster/imports", { zipBase64: zipOf("valid") });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json().summary.schools.created).toBe(2);
    const runs = (await admin.get("/api/staff-automation/runs")).json().runs;
    expect(runs[0].actions).toEqual(expect.arrayContaining([
      { username: "jdoe", action: "group-added", detail: "Ballard calendars" },
      { username: "jdoe", action: "group-added", detail: "Teachers" },
    ]));
    const actions = (await t.database.db.select().from(auditLog).where(eq(auditLog.districtId, d.id))).map((a) => a.action);
    expect(actions).toEqual(expect.arrayContaining(["staff-automation.mappings-replaced", "oneroster.imported", "staff-automation.ran"]));
  });
});
