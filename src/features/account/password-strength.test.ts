import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildDistrict, buildUser, TEST_PASSWORD } from "../../../test/support/factories.js";
import { joinAllCampusUsers } from "../../../test/support/rights-factories.js";
import { createTestApp, signIn, type Client, type TestApp } from "../../../test/support/test-app.js";

/** ASVS 2.1.1 / 2.1.7: a new password is long enough, not the username, and not a common one. */
let t: TestApp;
let admin: Client;
let owner: Client;
beforeAll(async () => {
  t = await createTestApp();
  const district = await buildDistrict(t.database.db);
  const a = await buildUser(t.database.db, { districtId: district.id, role: "student-information-system" });
  const u = await buildUser(t.database.db, { districtId: district.id });
  await joinAllCampusUsers(t.database.db, district.id, [u.id]);
  admin = await signIn(t.app, { district: district.slug, username: a.username });
  owner = await signIn(t.app, { district: district.slug, username: u.username });
});
afterAll(() => t.close());

const change = (newPassword: string) => owner.post("/api/account/password", { currentPassword: TEST_PASSWORD, newPassword });

describe("a new password", () => {
  it("is refused when it is on the list of commonly used passwords, whatever its case", async () => {
    for (const common of ["password123", "1234567890", "QwertyUiop"]) {
      expect((await change(common)).json(), common).toMatchObject({ status: 400, code: "password-too-weak", detail: expect.stringMatching(/common/) });
    }
  });

  it("is refused on a set-password link, which stays usable for a better one", async () => {
    const created = (await admin.post("/api/users", { username: "new.person", displayName: "New Person" })).json();
    const { url } = (await admin.post(`/api/users/${created.id}/password-link`)).json();
    const setWith = (password: string) => t.app.inject({ method: "POST", url: `/api/public/set-password/${String(url).split("/set-password/")[1]}`, payload: { password } });
    expect((await setWith("1q2w3e4r5t")).json()).toMatchObject({ status: 400, code: "password-too-weak" });
    expect((await setWith("copper-meadow-signal-17")).statusCode).toBeLessThan(300);
  });

  it("is refused when short, and accepted when long and uncommon", async () => {
    expect((await change("short-1")).json()).toMatchObject({ code: "password-too-weak", detail: expect.stringMatching(/at least 10/) });
    expect((await change("violet-harbour-lantern-42")).statusCode).toBe(204);
  });
});
