import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditLog } from "../../platform/db/schema/audit.js";
import { TEST_PASSWORD } from "../../../test/support/factories.js";
import { buildRightsDistrict, type RightsDistrict } from "../../../test/support/rights-factories.js";
import { createTestApp, signIn, type TestApp } from "../../../test/support/test-app.js";

let t: TestApp;
let d: RightsDistrict;
beforeAll(async () => {
  t = await createTestApp();
  d = await buildRightsDistrict(t.app, t.database.db);
});
afterAll(() => t.close());

const audited = async (action: string, targetId: string) =>
  t.database.db.select().from(auditLog).where(and(eq(auditLog.action, action), eq(auditLog.targetId, targetId)));

describe("staff accounts from the Users screen", () => {
  it("creates an account with no password and no role, audited, and refuses a taken username at the field", async () => {
    const res = await d.admin.client.post("/api/users", { username: "new.clerk", displayName: "New Clerk", email: "new.clerk@example.org" });
    expect(res.statusCode, res.body).toBe(201);
    const created = res.json() as { id: string; productSecurityRole: string; disabled: boolean };
    expect(created).toMatchObject({ productSecurityRole: "none", disabled: false });
    expect(await audited("user.created", created.id)).toHaveLength(1);
    const again = await d.admin.client.post("/api/users", { username: "NEW.clerk", displayName: "Again" });
    expect(again.statusCode).toBe(409);
    expect(again.json()).toMatchObject({ code: "username-taken", path: "username" });
    const bad = await d.admin.client.post("/api/users", { username: "x y", displayName: "Bad" });
    expect(bad.statusCode).toBe(400);
  });

  it("disables an account (sign-in refused, sessions ended) and enables it again, each audited", async () => {
    const created = (await d.admin.client.post("/api/users", { username: "to.disable", displayName: "To Disable" })).json() as { id: string };
    const { users } = await import("../../platform/db/schema/users.js");
    const { hashPassword } = await import("../../platform/auth/passwords.js");
    await t.database.db.update(users).set({ passwordHash: await hashPassword(TEST_PASSWORD) }).where(eq(users.id, created.id));
    const session = await signIn(t.app, { district: d.slug, username: "to.disable" });
    expect((await session.get("/api/auth/me")).statusCode).toBe(200);

    const off = await d.admin.client.post(`/api/users/${created.id}/disable`, { reason: "left the district" });
    expect(off.statusCode, off.body).toBe(200);
    expect(off.json()).toMatchObject({ disabled: true });
    expect((await session.get("/api/auth/me")).statusCode).toBe(401);
    const refused = await t.app.inject({ method: "POST", url: "/api/auth/sign-in", payload: { district: d.slug, username: "to.disable", password: TEST_PASSWORD } });
    expect(refused.statusCode).toBe(403);
    expect((await audited("user.disabled", created.id))[0]!.after).toMatchObject({ disabled: true, reason: "left the district" });

    const on = await d.admin.client.post(`/api/users/${created.id}/enable`, {});
    expect(on.json()).toMatchObject({ disabled: false });
    expect(await audited("user.enabled", created.id)).toHaveLength(1);
    const back = await t.app.inject({ method: "POST", url: "/api/auth/sign-in", payload: { district: d.slug, username: "to.disable", password: TEST_PASSWORD } });
    expect(back.statusCode).toBe(200);
  });

  it("refuses disabling your own account, and leaves account powers to the Student Information System role", async () => {
    const self = await d.admin.client.post(`/api/users/${d.admin.id}/disable`, {});
    expect(self.statusCode).toBe(422);
    expect(self.json()).toMatchObject({ code: "cannot-disable-self" });
    expect((await d.groupAdmin.client.post(`/api/users/${d.staff.id}/disable`, {})).statusCode).toBe(403);
    expect([403, 404]).toContain((await d.staff.client.post("/api/users", { username: "sneaky", displayName: "Sneaky" })).statusCode);
  });
});
