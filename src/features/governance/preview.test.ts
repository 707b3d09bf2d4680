import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditLog } from "../../platform/db/schema/audit.js";
import { buildUser } from "../../../test/support/factories.js";
import { buildRightsDistrict, buildRightsGroup, type RightsDistrict } from "../../../test/support/rights-factories.js";
import { createTestApp, type TestApp } from "../../../test/support/test-app.js";

let t: TestApp;
let d: RightsDistrict;
let teacherId: string;
beforeAll(async () => {
  t = await createTestApp();
  d = await buildRightsDistrict(t.app, t.database.db);
  const teacher = await buildUser(t.database.db, { districtId: d.districtId, displayName: "Terry Teacher" });
  teacherId = teacher.id;
  await buildRightsGroup(t.database.db, d.districtId, { name: "Readers", rights: { "Student Information > General > Summary": "R" }, members: [teacherId] });
});
afterAll(() => t.close());

describe("preview as a user", () => {
  it("shows the app as the user, refuses every change, and ends on request; start and end are audited", async () => {
    const start = await d.admin.client.post("/api/preview", { userId: teacherId });
    expect(start.statusCode, start.body).toBe(200);
    const me = (await d.admin.client.get("/api/auth/me")).json() as { user: { id: string; productSecurityRole: string }; preview: { by: { id: string } } | null };
    expect(me.user.id).toBe(teacherId);
    expect(me.user.productSecurityRole).toBe("none");
    expect(me.preview?.by.id).toBe(d.admin.id);
    // the teacher has no rights tools: the groups list does not exist for them
    expect((await d.admin.client.get("/api/groups")).statusCode).toBe(404);
    const write = await d.admin.client.post("/api/groups", { name: "While previewing" });
    expect(write.statusCode).toBe(403);
    expect(write.json()).toMatchObject({ code: "preview-read-only" });

    const end = await d.admin.client.post("/api/preview/end");
    expect(end.json()).toEqual({ ended: true });
    expect(((await d.admin.client.get("/api/auth/me")).json() as { user: { id: string } }).user.id).toBe(d.admin.id);
    expect((await d.admin.client.get("/api/groups")).statusCode).toBe(200);
    const actions = (await t.database.db.select().from(auditLog).where(eq(auditLog.targetId, teacherId))).map((r) => r.action);
    expect(actions).toEqual(expect.arrayContaining(["preview.started", "preview.ended"]));
  });

  it("is refused to a membership-only administrator and for a user of another district", async () => {
    expect((await d.groupAdmin.client.post("/api/preview", { userId: teacherId })).statusCode).toBe(403);
    const other = await buildRightsDistrict(t.app, t.database.db);
    expect((await d.admin.client.post("/api/preview", { userId: other.staff.id })).statusCode).toBe(404);
    expect((await d.admin.client.post("/api/preview", { userId: d.admin.id })).statusCode).toBe(422);
  });
});
