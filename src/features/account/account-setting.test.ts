import { authenticator } from "otplib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { accountSettingMissing } from "../../platform/http/access-verdict.js";
import { buildDistrict, buildUser } from "../../../test/support/factories.js";
import { buildRightsGroup, joinAllCampusUsers } from "../../../test/support/rights-factories.js";
import { signInVendor } from "../../../test/support/support-factories.js";
import { createTestApp, signIn, type TestApp } from "../../../test/support/test-app.js";

/** The seed's All Campus Users gives Account Setting; without it the account page explains, security self-service stays. */
let t: TestApp;
let district: Awaited<ReturnType<typeof buildDistrict>>;
beforeAll(async () => {
  t = await createTestApp();
  district = await buildDistrict(t.database.db);
});
afterAll(() => t.close());

const person = async (role?: "sis-group-assignment" | "student-information-system") => {
  const user = await buildUser(t.database.db, { districtId: district.id, ...(role ? { role } : {}) });
  return { user, client: await signIn(t.app, { district: district.slug, username: user.username }) };
};

describe("Account Setting (All Campus Users)", () => {
  it("refuses the account page to a district user without it with 403 and why, yet they can sign out, end sessions and set up an authenticator", async () => {
    const { user, client } = await person();
    const other = await signIn(t.app, { district: district.slug, username: user.username });
    const third = await signIn(t.app, { district: district.slug, username: user.username });
    for (const [res, right] of [
      [await client.get("/api/account/sessions"), "R"],
      [await client.get("/api/account/sso-links"), "R"],
      [await client.post("/api/account/password", { currentPassword: "x", newPassword: "y" }), "W"],
      [await client.post("/api/account/mfa/disable", { password: "x", code: "000000" }), "W"],
    ] as const) {
      expect(res.statusCode).toBe(403);
      expect(res.json()).toMatchObject({ code: "own-tool-missing", detail: accountSettingMissing(right) });
    }
    expect(accountSettingMissing("R")).toContain("All Campus Users group");

    expect((await client.post("/api/account/sign-out-everywhere")).json()).toEqual({ signedOut: 2 });
    for (const ended of [other, third]) expect((await ended.get("/api/auth/me")).statusCode).toBe(401);

    const setup = await client.post("/api/account/mfa/setup");
    expect(setup.statusCode).toBe(200);
    const confirmed = await client.post("/api/account/mfa/confirm", { code: authenticator.generate(setup.json().secret) });
    expect(confirmed.statusCode).toBe(200);
    // moving to a new authenticator changes an existing setting: W again
    expect((await client.post("/api/account/mfa/setup", { password: "x", code: "000000" })).json()).toMatchObject({ status: 403, code: "own-tool-missing" });

    expect((await client.post("/api/auth/sign-out")).statusCode).toBe(204);
  });

  it("lets R see the page but not change it, and All Campus Users do both", async () => {
    const reader = await person();
    await buildRightsGroup(t.database.db, district.id, { rights: { "Account Setting": "R" }, members: [reader.user.id] });
    expect((await reader.client.get("/api/account/sessions")).statusCode).toBe(200);
    expect((await reader.client.post("/api/account/password", { currentPassword: "x", newPassword: "y" })).json()).toMatchObject({ status: 403, detail: accountSettingMissing("W") });
    const member = await person();
    await joinAllCampusUsers(t.database.db, district.id, [member.user.id]);
    expect((await member.client.post("/api/account/password", { currentPassword: "wrong-password", newPassword: "a-long-new-passphrase-1" })).json().code).toBe("current-password-wrong");
  });

  it("always lets vendor staff and Product Security Role holders in", async () => {
    const vendor = (await signInVendor(t.app, t.database.db)).client;
    const membership = (await person("sis-group-assignment")).client;
    const admin = (await person("student-information-system")).client;
    for (const client of [vendor, membership, admin]) {
      expect((await client.get("/api/account/sessions")).statusCode).toBe(200);
      expect((await client.post("/api/account/password", { currentPassword: "wrong-password", newPassword: "a-long-new-passphrase-1" })).json().code).toBe("current-password-wrong");
    }
  });
});
