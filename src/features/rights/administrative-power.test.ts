import { eq } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import { auditLog } from "../../platform/db/schema/audit.js";
import { users } from "../../platform/db/schema/users.js";
import { buildUser, lockOutUser } from "../../../test/support/factories.js";
import { useRightsDistrict, type RightsDistrict } from "../../../test/support/rights-factories.js";
import type { TestApp } from "../../../test/support/test-app.js";

// Issue 10: the tool right to open a security screen is not the power to change what it shows.
const ctx = useRightsDistrict();
let t: TestApp;
let d: RightsDistrict;
beforeEach(() => ({ t, d } = ctx));

const lockedUser = async () => {
  const u = await buildUser(t.database.db, { districtId: d.districtId });
  await lockOutUser(t.database.db, u);
  return u;
};

describe("Account Security Preferences and unlocking need the Student Information System role", () => {
  it("refuses preferences changes to RWAD on User Security without a role, and says why", async () => {
    const prefs = (await d.staff.client.get("/api/preferences")).json();
    const res = await d.staff.client.put("/api/preferences", { automaticStaffAccounts: true, version: prefs.version });
    expect(res.statusCode, res.body).toBe(403);
    expect(res.json()).toMatchObject({ code: "product-security-role-required", requiredRole: "student-information-system", yourRole: "none" });
    expect(res.json().detail).toMatch(/Account Security Preferences.*Student Information System product security role/);
    expect((await d.groupAdmin.client.put("/api/preferences", { automaticStaffAccounts: true, version: prefs.version })).statusCode).toBe(403);
    const after = (await d.admin.client.get("/api/preferences")).json();
    expect(after).toMatchObject({ automaticStaffAccounts: false, version: prefs.version });
    const audits = await t.database.db.select().from(auditLog).where(eq(auditLog.action, "preferences.updated"));
    expect(audits).toEqual([]);
  });

  it("refuses unlocking an account without the role; the account stays locked", async () => {
    const u = await lockedUser();
    const res = await d.staff.client.post(`/api/users/${u.id}/unlock`);
    expect(res.statusCode, res.body).toBe(403);
    expect(res.json()).toMatchObject({ code: "product-security-role-required", requiredRole: "student-information-system" });
    expect(res.json().detail).toMatch(/[Uu]nlock/);
    expect((await d.groupAdmin.client.post(`/api/users/${u.id}/unlock`)).statusCode).toBe(403);
    expect((await d.admin.client.get(`/api/users/${u.id}`)).json()).toMatchObject({ locked: true });
    expect((await d.admin.client.post(`/api/users/${u.id}/unlock`)).statusCode).toBe(204);
  });

  it("lets the role holder change the preferences", async () => {
    const prefs = (await d.admin.client.get("/api/preferences")).json();
    const res = await d.admin.client.put("/api/preferences", { automaticStaffAccounts: false, version: prefs.version });
    expect(res.statusCode, res.body).toBe(200);
  });
});

describe("the caller's capabilities come from the same declarations", () => {
  it("reports the role refusal with its reason, and what each role may do", async () => {
    type Caps = { routes: Record<string, { allowed: boolean; code?: string; reason?: string }> };
    const staff = (await d.staff.client.get("/api/me/capabilities")).json() as Caps;
    expect(staff.routes["PUT /api/preferences"]).toMatchObject({ allowed: false, code: "product-security-role-required", reason: expect.stringMatching(/Account Security Preferences/) });
    expect(staff.routes["GET /api/preferences"]).toEqual({ allowed: true });
    expect(staff.routes["GET /api/vendor/cases"]).toMatchObject({ allowed: false, code: "not-found" });
    const groupAdmin = (await d.groupAdmin.client.get("/api/me/capabilities")).json() as Caps;
    expect(groupAdmin.routes["POST /api/groups/:groupId/members"]).toEqual({ allowed: true });
    expect(groupAdmin.routes["PUT /api/groups/:groupId/rights"]).toMatchObject({ allowed: false, reason: expect.stringMatching(/membership only/) });
    const admin = (await d.admin.client.get("/api/me/capabilities")).json() as Caps;
    expect(Object.entries(admin.routes).filter(([route, c]) => !c.allowed && !route.includes("/vendor/"))).toEqual([]);
    expect((await t.app.inject({ method: "GET", url: "/api/me/capabilities" })).statusCode).toBe(401);
  });
});
