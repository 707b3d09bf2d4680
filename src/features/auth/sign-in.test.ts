import { authenticator } from "otplib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildDistrict, buildUser } from "../../../test/support/factories.js";
import { joinAllCampusUsers } from "../../../test/support/rights-factories.js";
import { clientFor, createTestApp, sessionCookie, signIn, type TestApp } from "../../../test/support/test-app.js";

let t: TestApp;
let district: Awaited<ReturnType<typeof buildDistrict>>;

beforeAll(async () => {
  t = await createTestApp();
  district = await buildDistrict(t.database.db);
});
afterAll(() => t.close());

const attempt = (username: string, password: string, slug = district.slug) =>
  t.app.inject({ method: "POST", url: "/api/auth/sign-in", payload: { district: slug, username, password } });

describe("sign-in", () => {
  it("signs in with the right password and returns the user", async () => {
    const user = await buildUser(t.database.db, { districtId: district.id });
    const client = await signIn(t.app, { district: district.slug, username: user.username.toUpperCase() });
    const me = await client.get("/api/auth/me");
    expect(me.statusCode).toBe(200);
    expect(me.json()).toMatchObject({ stage: "active", user: { username: user.username }, district: { slug: district.slug } });
    const cookie = (await attempt(user.username, "correct-horse-battery")).cookies[0]!;
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: "Strict" });
  });

  it("answers an unknown user and a wrong password the same way", async () => {
    const user = await buildUser(t.database.db, { districtId: district.id });
    const unknown = await attempt("nobody-here", "whatever-password");
    const wrong = await attempt(user.username, "wrong-password");
    expect(unknown.statusCode).toBe(401);
    expect(wrong.statusCode).toBe(401);
    expect(unknown.headers["content-type"]).toContain("application/problem+json");
    expect(unknown.json().code).toBe(wrong.json().code);
    expect(unknown.json().detail).toBe(wrong.json().detail);
  });

  it("does not let one district unlock another district's user", async () => {
    const other = await buildDistrict(t.database.db);
    const victim = await buildUser(t.database.db, { districtId: other.id });
    const admin = await buildUser(t.database.db, { districtId: district.id, role: "student-information-system" });
    const client = await signIn(t.app, { district: district.slug, username: admin.username });
    expect((await client.post(`/api/users/${victim.id}/unlock`)).statusCode).toBe(404);
  });

  it("refuses writes without the CSRF token", async () => {
    const user = await buildUser(t.database.db, { districtId: district.id });
    const client = await signIn(t.app, { district: district.slug, username: user.username });
    const res = await t.app.inject({ method: "POST", url: "/api/account/sign-out-everywhere", headers: { cookie: client.cookie } });
    expect(res.statusCode).toBe(403);
    expect(res.json().code).toBe("csrf-token-invalid");
  });

  it("signs out this session, and everywhere", async () => {
    const user = await buildUser(t.database.db, { districtId: district.id });
    const a = await signIn(t.app, { district: district.slug, username: user.username });
    const b = await signIn(t.app, { district: district.slug, username: user.username });
    expect((await a.post("/api/account/sign-out-everywhere")).json()).toEqual({ signedOut: 1 });
    expect((await b.get("/api/auth/me")).statusCode).toBe(401);
    expect((await a.post("/api/auth/sign-out")).statusCode).toBe(204);
    expect((await a.get("/api/auth/me")).statusCode).toBe(401);
  });
});

describe("MFA", () => {
  it("enrols, then asks for a code at sign-in; a recovery code works once", async () => {
    const user = await buildUser(t.database.db, { districtId: district.id });
    await joinAllCampusUsers(t.database.db, district.id, [user.id]);
    const client = await signIn(t.app, { district: district.slug, username: user.username });
    const setup = (await client.post("/api/account/mfa/setup")).json();
    const confirm = await client.post("/api/account/mfa/confirm", { code: authenticator.generate(setup.secret) });
    expect(confirm.statusCode).toBe(200);
    const { recoveryCodes } = confirm.json();
    expect(recoveryCodes).toHaveLength(10);

    const first = await attempt(user.username, "correct-horse-battery");
    expect(first.json()).toEqual({ stage: "mfa" });
    const pending = await clientFor(t.app, sessionCookie(first));
    expect((await pending.get("/api/account/sessions")).json().code).toBe("mfa-required");
    expect((await pending.post("/api/account/mfa/setup")).statusCode).toBe(401);
    expect((await pending.post("/api/auth/mfa", { code: "000000" })).json().code).toBe("mfa-code-invalid");
    const ok = await pending.post("/api/auth/mfa", { code: recoveryCodes[0] });
    expect(ok.statusCode).toBe(200);
    const active = await clientFor(t.app, sessionCookie(ok));
    expect((await active.get("/api/account/sessions")).statusCode).toBe(200);
    // the token from before the code is worthless now
    expect((await pending.get("/api/account/sessions")).statusCode).toBe(401);

    const again = await clientFor(t.app, sessionCookie(await attempt(user.username, "correct-horse-battery")));
    expect((await again.post("/api/auth/mfa", { code: recoveryCodes[0] })).statusCode).toBe(401);
  });

  it("makes vendor staff enrol before they can do anything", async () => {
    const vendor = await buildUser(t.database.db, { districtId: null });
    const res = await t.app.inject({ method: "POST", url: "/api/auth/sign-in", payload: { username: vendor.username, password: "correct-horse-battery" } });
    expect(res.json()).toEqual({ stage: "mfa-enrol" });
    const client = await clientFor(t.app, sessionCookie(res));
    expect((await client.get("/api/account/sessions")).statusCode).toBe(401);
    const setup = (await client.post("/api/account/mfa/setup")).json();
    const confirmed = await client.post("/api/account/mfa/confirm", { code: authenticator.generate(setup.secret) });
    const active = await clientFor(t.app, sessionCookie(confirmed));
    expect((await active.get("/api/auth/me")).json().stage).toBe("active");
    expect((await active.post("/api/account/mfa/disable", { password: "correct-horse-battery", code: "000000" })).json().code).toBe("mfa-required-for-vendor");
  });
});

describe("sign-in rate limit", () => {
  it("slows repeated attempts for one username from one address, not the next user", async () => {
    const limited = await createTestApp({ env: { GATEHOUSE_SIGN_IN_RATE_LIMIT: "3" } });
    try {
      const d = await buildDistrict(limited.database.db);
      const send = (username: string) =>
        limited.app.inject({ method: "POST", url: "/api/auth/sign-in", payload: { district: d.slug, username, password: "wrong-password" } });
      for (let i = 0; i < 3; i++) expect((await send("someone")).statusCode).toBe(401);
      const fourth = await send("someone");
      expect(fourth.statusCode).toBe(429);
      expect(fourth.headers["content-type"]).toContain("application/problem+json");
      expect((await send("someone-else")).statusCode).toBe(401);
    } finally {
      await limited.close();
    }
  });
});
