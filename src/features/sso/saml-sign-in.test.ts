import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildDistrict, buildUser } from "../../../test/support/factories.js";
import { authnRequestId, makeSamlIdp, signedResponse, type TestSamlIdp } from "../../../test/support/saml-idp.js";
import { createTestApp, signIn, type Client, type TestApp } from "../../../test/support/test-app.js";
import { changePublicUrl } from "../installation/public-url.js";

/** SAML 2.0: responses signed with a test IdP key (and tampered, mis-addressed, expired, replayed ones). */
const BASE = "https://gatehouse.test.example";
let t: TestApp;
let idp: TestSamlIdp;
let district: Awaited<ReturnType<typeof buildDistrict>>;
let admin: Client;
let sp: { entityId: string; acsUrl: string };

beforeAll(async () => {
  t = await createTestApp();
  await changePublicUrl(t.database.db, BASE, null);
  district = await buildDistrict(t.database.db);
  idp = makeSamlIdp({ days: 20 });
  const owner = await buildUser(t.database.db, { districtId: district.id, role: "student-information-system" });
  admin = await signIn(t.app, { district: district.slug, username: owner.username });
  const saved = await admin.put("/api/sso/settings", { saml: { enabled: true, label: "Entra ID", idpMetadataXml: idp.metadataXml } });
  expect(saved.statusCode, saved.body).toBe(200);
  sp = { entityId: `${BASE}/sso/${district.slug}/saml/metadata`, acsUrl: `${BASE}/sso/${district.slug}/saml/acs` };
  const dana = await buildUser(t.database.db, { districtId: district.id, username: "dana" });
  expect((await admin.post("/api/sso/links", { userId: dana.id, provider: "saml", subject: "dana-nameid" })).statusCode).toBe(200);
}, 60_000);
afterAll(() => t?.close());

const post = (SAMLResponse: string) =>
  t.app.inject({ method: "POST", url: `/sso/${district.slug}/saml/acs`, payload: new URLSearchParams({ SAMLResponse }).toString(), headers: { "content-type": "application/x-www-form-urlencoded" } });
const lastRefusal = async () => (await t.database.query<{ after: { reason: string } }>("select after from audit_log where action = 'sso.sign-in-refused' order by id desc limit 1"))[0]?.after.reason;
const refusedWith = async (res: Awaited<ReturnType<typeof post>>, reason: string) => {
  expect(res.statusCode, res.body).toBe(302);
  expect(res.headers.location).toBe(`/login/${district.slug}?sso-error=${reason}`);
  expect(res.cookies.find((c) => c.name === "gh_session")).toBeUndefined();
  expect(await lastRefusal()).toBe(reason);
};
async function startRequest(): Promise<string> {
  const res = await t.app.inject({ method: "GET", url: `/sso/${district.slug}/saml/start` });
  expect(res.statusCode).toBe(302);
  expect(res.headers.location).toMatch(/^https:\/\/idp\.test\.example\/saml\/sso\?SAMLRequest=.*&Signature=/);
  return authnRequestId(String(res.headers.location));
}

describe("SAML sign-in", () => {
  it("shows the SP's entity id, ACS URL, metadata and certificate, and warns of an IdP certificate expiring within 30 days", async () => {
    const s = (await admin.get("/api/sso/settings")).json();
    expect(s.saml).toMatchObject({ enabled: true, idpEntityId: idp.entityId, idpSsoUrl: idp.ssoUrl, spEntityId: sp.entityId, acsUrl: sp.acsUrl });
    expect(s.saml.spCertificate).toMatch(/BEGIN CERTIFICATE/);
    expect(JSON.stringify(s)).not.toMatch(/PRIVATE KEY/);
    expect(s.saml.spCertificateInfo.warning).toBeNull();
    expect(s.warnings).toEqual([expect.stringMatching(/identity provider's signing certificate expires on .* \(in (19|20) days\)/)]);
    const metadata = await t.app.inject({ method: "GET", url: `/sso/${district.slug}/saml/metadata` });
    expect(metadata.statusCode).toBe(200);
    expect(metadata.body).toContain(`entityID="${sp.entityId}"`);
    expect(metadata.body).toContain(`Location="${sp.acsUrl}"`);
    expect(metadata.body).toContain("X509Certificate");
    expect(metadata.body).not.toContain("PRIVATE");
  });

  it("signs in a linked user with a valid response to Gatehouse's own request", async () => {
    const id = await startRequest();
    const res = await post(signedResponse({ idp, nameId: "dana-nameid", audience: sp.entityId, acsUrl: sp.acsUrl, inResponseTo: id }));
    expect(res.statusCode, res.body).toBe(302);
    expect(res.headers.location).toBe("/");
    const cookie = res.cookies.find((c) => c.name === "gh_session")!;
    const me = await t.app.inject({ method: "GET", url: "/api/auth/me", headers: { cookie: `gh_session=${cookie.value}` } });
    expect(me.json()).toMatchObject({ user: { username: "dana" }, stage: "active" });
    const audit = await t.database.query<{ after: { method: string; subject: string } }>("select after from audit_log where action = 'auth.signed-in' order by id desc limit 1");
    expect(audit[0]!.after).toEqual({ method: "saml", subject: "dana-nameid" });
  });

  it("refuses a tampered response and one signed by another key", async () => {
    const good = Buffer.from(signedResponse({ idp, nameId: "dana-nameid", audience: sp.entityId, acsUrl: sp.acsUrl }), "base64").toString("utf8");
    const tampered = Buffer.from(good.replace(">dana-nameid<", ">admin-nameid<")).toString("base64");
    await refusedWith(await post(tampered), "bad-signature");
    const stranger = makeSamlIdp();
    await refusedWith(await post(signedResponse({ idp, signWith: stranger.privateKey, nameId: "dana-nameid", audience: sp.entityId, acsUrl: sp.acsUrl })), "bad-signature");
  });

  it("refuses a response for another audience, from another issuer, or expired", async () => {
    await refusedWith(await post(signedResponse({ idp, nameId: "dana-nameid", audience: "https://other-app.example", acsUrl: sp.acsUrl })), "wrong-audience");
    await refusedWith(await post(signedResponse({ idp, issuer: "https://evil.example/saml", nameId: "dana-nameid", audience: sp.entityId, acsUrl: sp.acsUrl })), "wrong-issuer");
    await refusedWith(await post(signedResponse({ idp, nameId: "dana-nameid", audience: sp.entityId, acsUrl: sp.acsUrl, notOnOrAfter: new Date(Date.now() - 3_600_000) })), "expired");
  });

  it("refuses a replayed assertion (IdP-initiated) and a second answer to one request", async () => {
    const once = signedResponse({ idp, nameId: "dana-nameid", audience: sp.entityId, acsUrl: sp.acsUrl });
    expect((await post(once)).headers.location).toBe("/");
    await refusedWith(await post(once), "replayed");
    const id = await startRequest();
    const answer = signedResponse({ idp, nameId: "dana-nameid", audience: sp.entityId, acsUrl: sp.acsUrl, inResponseTo: id });
    expect((await post(answer)).headers.location).toBe("/");
    await refusedWith(await post(answer), "replayed");
    await refusedWith(await post(signedResponse({ idp, nameId: "dana-nameid", audience: sp.entityId, acsUrl: sp.acsUrl, inResponseTo: "_never-requested" })), "replayed");
  });

  it("refuses an unlinked NameID, even when its email is a user's", async () => {
    await buildUser(t.database.db, { districtId: district.id, username: "erin", email: "erin@district.example" });
    await refusedWith(await post(signedResponse({ idp, nameId: "erin-nameid", email: "erin@district.example", audience: sp.entityId, acsUrl: sp.acsUrl })), "unlinked-user");
  });

  it("links a subject to one user only, and a removed link (audited) signs nobody in", async () => {
    const other = await buildUser(t.database.db, { districtId: district.id, username: "gil" });
    const taken = await admin.post("/api/sso/links", { userId: other.id, provider: "saml", subject: "dana-nameid" });
    expect(taken.statusCode).toBe(409);
    expect(taken.json()).toMatchObject({ code: "subject-linked", path: "subject" });
    const [link] = (await admin.get("/api/sso/links")).json().filter((l: { subject: string }) => l.subject === "dana-nameid");
    expect((await admin.delete(`/api/sso/links/${link.id}`)).statusCode).toBe(204);
    const audit = await t.database.query<{ before: unknown }>("select before from audit_log where action = 'sso.unlinked' order by id desc limit 1");
    expect(audit[0]!.before).toEqual({ provider: "saml", subject: "dana-nameid" });
    await refusedWith(await post(signedResponse({ idp, nameId: "dana-nameid", audience: sp.entityId, acsUrl: sp.acsUrl })), "unlinked-user");
    expect((await admin.post("/api/sso/links", { userId: link.userId, provider: "saml", subject: "dana-nameid" })).statusCode).toBe(200);
  });

  it("refuses metadata it cannot use, with the field named", async () => {
    const bad = await admin.put("/api/sso/settings", { saml: { enabled: true, idpMetadataXml: "<EntityDescriptor entityID='x'/>" } });
    expect(bad.statusCode).toBe(422);
    expect(bad.json()).toMatchObject({ code: "saml-metadata-invalid", path: "saml.idpMetadataXml" });
  });

  it("can keep password sign-in for the local administrators only (break-glass), refused and audited for others", async () => {
    const staff = await buildUser(t.database.db, { districtId: district.id, username: "frank" });
    const owner = await buildUser(t.database.db, { districtId: district.id, username: "root-admin", role: "student-information-system" });
    expect((await admin.put("/api/sso/settings", { passwordOnlyForAdministrators: true })).json()).toMatchObject({ passwordOnlyForAdministrators: true });
    const refused = await t.app.inject({ method: "POST", url: "/api/auth/sign-in", payload: { district: district.slug, username: staff.username, password: "correct-horse-battery" } });
    expect(refused.statusCode).toBe(403);
    expect(refused.json()).toMatchObject({ code: "password-sign-in-off" });
    expect(refused.cookies.find((c) => c.name === "gh_session")).toBeUndefined();
    const audited = await t.database.query<{ n: number }>(`select count(*)::int as n from audit_log where action = 'auth.sign-in-refused-password-off' and target_id = '${staff.id}'`);
    expect(audited[0]!.n).toBe(1);
    await expect(signIn(t.app, { district: district.slug, username: owner.username })).resolves.toBeDefined();
    await admin.put("/api/sso/settings", { passwordOnlyForAdministrators: false });
    await expect(signIn(t.app, { district: district.slug, username: staff.username })).resolves.toBeDefined();
  });
});
