import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildDistrict, buildUser } from "../../../test/support/factories.js";
import { CookieJar, followSignIn, startOidcProvider, type TestIdp } from "../../../test/support/oidc-provider.js";
import { buildRightsGroup, joinAllCampusUsers } from "../../../test/support/rights-factories.js";
import { createTestApp, signIn, type Client, type TestApp } from "../../../test/support/test-app.js";
import { changePublicUrl } from "../installation/public-url.js";

/**
 * OpenID Connect sign-in against a real OpenID provider (oidc-provider) on 127.0.0.1: the app
 * listens on a port too, and the "browser" is fetch with a cookie jar following real redirects
 * through the IdP's login and consent forms (authorization code + PKCE).
 */
let t: TestApp;
let idp: TestIdp;
let base: string;
let district: Awaited<ReturnType<typeof buildDistrict>>;
let admin: Client;
let defaultGroup: string;

beforeAll(async () => {
  t = await createTestApp({ env: { SSO_ALLOW_PRIVATE_URLS: "true" } }); // the IdP is on 127.0.0.1, over http
  await t.app.listen({ port: 0, host: "127.0.0.1" });
  base = `http://127.0.0.1:${(t.app.server.address() as AddressInfo).port}`;
  await changePublicUrl(t.database.db, base, null);
  district = await buildDistrict(t.database.db);
  idp = await startOidcProvider({ clientId: "gatehouse", clientSecret: "idp-secret-1", redirectUris: [`${base}/sso/${district.slug}/oidc/callback`] });
  const owner = await buildUser(t.database.db, { districtId: district.id, role: "student-information-system" });
  admin = await signIn(t.app, { district: district.slug, username: owner.username });
  defaultGroup = await buildRightsGroup(t.database.db, district.id, { name: "SSO newcomers", rights: { Census: "R" } });
  const saved = await admin.put("/api/sso/settings", { oidc: { enabled: true, label: "District Login", issuer: idp.issuer, clientId: "gatehouse", clientSecret: "idp-secret-1" } });
  expect(saved.statusCode, saved.body).toBe(200);
}, 60_000);
afterAll(async () => {
  await idp?.close();
  await t?.close();
});

const refusals = async () => (await t.database.query<{ after: { reason: string } }>("select after from audit_log where action = 'sso.sign-in-refused' order by id")).map((r) => r.after.reason);
const start = `/sso/`;
const startUrl = () => `${base}${start}${district.slug}/oidc/start`;

describe("OpenID Connect sign-in", () => {
  it("shows the settings without the secret, and the sign-in page offers the button", async () => {
    const settings = (await admin.get("/api/sso/settings")).json();
    expect(settings.oidc).toMatchObject({ enabled: true, issuer: idp.issuer, clientId: "gatehouse", clientSecretSet: true, redirectUri: `${base}/sso/${district.slug}/oidc/callback` });
    expect(JSON.stringify(settings)).not.toContain("idp-secret-1");
    const audit = await t.database.query<{ after: unknown }>("select after from audit_log where action = 'sso.settings-changed'");
    expect(JSON.stringify(audit)).not.toContain("idp-secret-1");
    const options = await t.app.inject({ method: "GET", url: `/api/public/districts/${district.slug}/sign-in-options` });
    expect(options.json()).toEqual([{ provider: "oidc", label: "District Login", url: `/sso/${district.slug}/oidc/start` }]);
  });

  it("refuses an unlinked user (no matching by email), then signs in once an administrator links the subject", async () => {
    await buildUser(t.database.db, { districtId: district.id, username: "alice", email: "alice@district.example" });
    const jar = new CookieJar();
    const refused = await followSignIn(jar, startUrl(), "alice");
    expect(refused.location).toBe(`/login/${district.slug}?sso-error=unlinked-user`);
    expect(jar.get("gh_session")).toBeUndefined();
    expect((await refusals()).at(-1)).toBe("unlinked-user");

    const users = await t.database.query<{ id: string }>(`select id from users where username = 'alice'`);
    const link = await admin.post("/api/sso/links", { userId: users[0]!.id, provider: "oidc", subject: "alice" });
    expect(link.statusCode, link.body).toBe(200);

    const again = new CookieJar();
    const done = await followSignIn(again, startUrl(), "alice");
    expect(done.location).toBe("/");
    const me = await fetch(`${base}/api/auth/me`, { headers: { cookie: again.header() } });
    expect(me.status).toBe(200);
    expect(await me.json()).toMatchObject({ user: { username: "alice" }, stage: "active" });
    const rows = await t.database.query<{ after: { method: string } }>("select after from audit_log where action = 'auth.signed-in' order by id desc limit 1");
    expect(rows[0]!.after.method).toBe("oidc");
  });

  it("refuses a callback in another browser (state bound to a cookie) and one whose state is unknown", async () => {
    const jar = new CookieJar();
    const atCallback = await followSignIn(jar, startUrl(), "alice", (u) => u.pathname.endsWith("/oidc/callback"));
    const stranger = await fetch(atCallback.location, { redirect: "manual" });
    expect(stranger.headers.get("location")).toBe(`/login/${district.slug}?sso-error=state-mismatch`);
    const made = await fetch(`${base}/sso/${district.slug}/oidc/callback?code=x&state=never-issued`, { redirect: "manual", headers: { cookie: jar.header() } });
    expect(made.headers.get("location")).toBe(`/login/${district.slug}?sso-error=state-mismatch`);
    expect((await refusals()).slice(-2)).toEqual(["state-mismatch", "state-mismatch"]);
  });

  it("refuses when the ID token's nonce or the PKCE verifier does not match the flow", async () => {
    for (const [column, reason] of [["nonce", "nonce-mismatch"], ["code_verifier", "pkce-mismatch"]] as const) {
      const jar = new CookieJar();
      const atCallback = await followSignIn(jar, startUrl(), "alice", (u) => u.pathname.endsWith("/oidc/callback"));
      const state = new URL(atCallback.location).searchParams.get("state")!;
      await t.database.query(`update sso_flows set ${column} = 'tampered-${"x".repeat(43)}' where id = '${state}'`);
      const res = await fetch(atCallback.location, { redirect: "manual", headers: { cookie: jar.header() } });
      expect(res.headers.get("location")).toBe(`/login/${district.slug}?sso-error=${reason}`);
      expect(jar.get("gh_session")).toBeUndefined();
      expect((await refusals()).at(-1)).toBe(reason);
    }
  });

  it("refuses a code used twice", async () => {
    const jar = new CookieJar();
    const atCallback = await followSignIn(jar, startUrl(), "alice", (u) => u.pathname.endsWith("/oidc/callback"));
    const cookie = jar.header();
    const first = await fetch(atCallback.location, { redirect: "manual", headers: { cookie } });
    expect(first.headers.get("location")).toBe("/");
    const second = await fetch(atCallback.location, { redirect: "manual", headers: { cookie } });
    expect(second.headers.get("location")).toBe(`/login/${district.slug}?sso-error=state-mismatch`);
  });

  it("keeps Gatehouse's MFA: a user with an authenticator still gives the code after SSO", async () => {
    const users = await t.database.query<{ id: string }>(`select id from users where username = 'alice'`);
    await t.database.query(`update users set mfa_enabled_at = now(), mfa_secret = 'JBSWY3DPEHPK3PXP' where id = '${users[0]!.id}'`);
    const jar = new CookieJar();
    const done = await followSignIn(jar, startUrl(), "alice");
    expect(done.location).toBe("/sign-in/mfa");
    const me = await (await fetch(`${base}/api/auth/me`, { headers: { cookie: jar.header() } })).json();
    expect(me.stage).toBe("mfa");
    await t.database.query(`update users set mfa_enabled_at = null, mfa_secret = null where id = '${users[0]!.id}'`);
  });

  it("creates a just-in-time user only into the default groups, and refuses one whose username is taken", async () => {
    await admin.put("/api/sso/settings", { jit: { enabled: true, groupIds: [defaultGroup] } });
    const jar = new CookieJar();
    const done = await followSignIn(jar, startUrl(), "newcomer");
    expect(done.location).toBe("/");
    const rows = await t.database.query<{ name: string; role: string; password_hash: string | null }>(
      `select g.name, u.product_security_role as role, u.password_hash from users u join user_group_members m on m.user_id = u.id join user_groups g on g.id = m.group_id where u.username = 'newcomer'`,
    );
    expect(rows).toEqual([{ name: "SSO newcomers", role: "none", password_hash: null }]);
    const created = await t.database.query<{ after: { groups: string[] } }>("select after from audit_log where action = 'sso.user-created'");
    expect(created[0]!.after.groups).toEqual(["SSO newcomers"]);

    await buildUser(t.database.db, { districtId: district.id, username: "bob" });
    const taken = await followSignIn(new CookieJar(), startUrl(), "bob");
    expect(taken.location).toBe(`/login/${district.slug}?sso-error=jit-username-taken`);
    await admin.put("/api/sso/settings", { jit: { enabled: false, groupIds: [] } });
  });

  it("refuses a provider whose discovery names another issuer than the configured one", async () => {
    const elsewhere = idp.issuer.replace("127.0.0.1", "localhost");
    expect((await admin.put("/api/sso/settings", { oidc: { enabled: true, issuer: elsewhere } })).statusCode).toBe(200);
    const res = await fetch(startUrl(), { redirect: "manual" });
    expect(res.headers.get("location")).toBe(`/login/${district.slug}?sso-error=wrong-issuer`);
    expect((await refusals()).at(-1)).toBe("wrong-issuer");
    expect((await admin.put("/api/sso/settings", { oidc: { enabled: true, issuer: idp.issuer } })).statusCode).toBe(200);
  });

  it("refuses an account outside the allowed domain", async () => {
    await admin.put("/api/sso/settings", { oidc: { enabled: true, allowedDomain: "other.example" } });
    const refused = await followSignIn(new CookieJar(), startUrl(), "alice");
    expect(refused.location).toBe(`/login/${district.slug}?sso-error=domain-not-allowed`);
    await admin.put("/api/sso/settings", { oidc: { enabled: true, allowedDomain: null } });
  });

  /** A browser signed in as `username`, its session cookie in the jar. */
  async function signedInJar(username: string) {
    const res = await t.app.inject({ method: "POST", url: "/api/auth/sign-in", payload: { district: district.slug, username, password: "correct-horse-battery" } });
    const jar = new CookieJar();
    jar.take(new Response(null, { headers: [["set-cookie", `gh_session=${res.cookies.find((c) => c.name === "gh_session")!.value}`]] }));
    return jar;
  }

  it("lets a signed-in user link their own identity", async () => {
    const carol = await buildUser(t.database.db, { districtId: district.id, username: "carol" });
    await joinAllCampusUsers(t.database.db, district.id, [carol.id]);
    const jar = await signedInJar("carol");
    const done = await followSignIn(jar, `${startUrl()}?link=1`, "carol-at-idp");
    expect(done.location).toBe("/account?sso-linked=1");
    const links = (await admin.get(`/api/sso/links?userId=${carol.id}`)).json();
    expect(links).toMatchObject([{ provider: "oidc", subject: "carol-at-idp", username: "carol" }]);
    const signedIn = await followSignIn(new CookieJar(), startUrl(), "carol-at-idp");
    expect(signedIn.location).toBe("/");
  });

  it("does not let a person without W on Account Setting link an identity, and does not offer it", async () => {
    const dave = await buildUser(t.database.db, { districtId: district.id, username: "dave" });
    await buildRightsGroup(t.database.db, district.id, { rights: { "Account Setting": "R" }, members: [dave.id] });
    const client = await signIn(t.app, { district: district.slug, username: "dave" });
    expect((await client.get("/api/account/sso-links")).json()).toEqual({ links: [], options: [] });
    const refused = await followSignIn(await signedInJar("dave"), `${startUrl()}?link=1`, "dave-at-idp");
    expect(refused.location).toBe("/account?sso-error=account-setting-missing");
    expect((await admin.get(`/api/sso/links?userId=${dave.id}`)).json()).toEqual([]);
  });

  it("is configured only by a Student Information System role holder", async () => {
    const staff = await buildUser(t.database.db, { districtId: district.id });
    const client = await signIn(t.app, { district: district.slug, username: staff.username });
    expect((await client.put("/api/sso/settings", { oidc: { enabled: false } })).statusCode).toBe(404);
  });
});
