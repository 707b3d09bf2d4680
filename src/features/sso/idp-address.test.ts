import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildDistrict, buildUser } from "../../../test/support/factories.js";
import { makeSamlIdp } from "../../../test/support/saml-idp.js";
import { createTestApp, signIn, type Client, type TestApp } from "../../../test/support/test-app.js";
import { guardedIdpFetch, IdpAddressRefused, idpUrlProblem } from "./idp-address.js";

/**
 * Single sign-on's outbound fetches (OIDC discovery, keys and tokens; SAML metadata) are held to
 * the private-address check webhooks have: refused when saved and again before every fetch,
 * unless SSO_ALLOW_PRIVATE_URLS=true. Two apps share one database: one strict, one allowing.
 */
let strict: TestApp;
let allowing: TestApp;
let idp: http.Server;
let idpUrl: string;
const requests: string[] = [];
let slug: string;
let strictAdmin: Client;
let allowingAdmin: Client;
const samlIdp = makeSamlIdp();

beforeAll(async () => {
  idp = http.createServer((req, res) => {
    requests.push(req.url!);
    if (req.url === "/metadata.xml") res.writeHead(200, { "content-type": "application/xml" }).end(samlIdp.metadataXml);
    else res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => idp.listen(0, "127.0.0.1", resolve));
  idpUrl = `http://127.0.0.1:${(idp.address() as AddressInfo).port}`;
  strict = await createTestApp();
  allowing = await createTestApp({ database: strict.database, env: { SSO_ALLOW_PRIVATE_URLS: "true" } });
  const district = await buildDistrict(strict.database.db);
  slug = district.slug;
  const owner = await buildUser(strict.database.db, { districtId: district.id, role: "student-information-system" });
  strictAdmin = await signIn(strict.app, { district: slug, username: owner.username });
  allowingAdmin = await signIn(allowing.app, { district: slug, username: owner.username });
}, 60_000);
afterAll(async () => {
  idp?.closeAllConnections();
  await new Promise((resolve) => idp?.close(resolve));
  await allowing?.close();
  await strict?.close();
});

const oidcSettings = (issuer: string) => ({ oidc: { enabled: true, label: "District Login", issuer, clientId: "gatehouse", clientSecret: "s3cret" } });

describe("where single sign-on may fetch from", () => {
  it("names private, local and plain-http addresses, and the setting that allows them", async () => {
    expect(await idpUrlProblem("login.example.org", false)).toMatch(/full web address/);
    expect(await idpUrlProblem("http://93.184.216.34/", false)).toMatch(/https:\/\//);
    expect(await idpUrlProblem("https://user:pw@93.184.216.34/", false)).toMatch(/password/);
    expect(await idpUrlProblem("https://93.184.216.34/", false)).toBeNull();
    for (const url of ["https://127.0.0.1:8443/", "https://[::1]/", "https://169.254.169.254/latest/meta-data", "https://10.0.0.5/", "https://localhost/"]) {
      expect(await idpUrlProblem(url, false)).toMatch(/private or local address.*SSO_ALLOW_PRIVATE_URLS=true/);
    }
    expect(await idpUrlProblem("http://127.0.0.1:8443/", true)).toBeNull();
  });

  it("checks every request openid-client makes (keys, token endpoint) before it is sent", async () => {
    const guarded = guardedIdpFetch(false);
    await expect(guarded(`${idpUrl}/jwks`, { method: "GET", headers: {}, redirect: "manual" } as never)).rejects.toBeInstanceOf(IdpAddressRefused);
    await expect(guarded("https://10.0.0.5/token", { method: "POST", headers: {}, redirect: "manual" } as never)).rejects.toThrow(/private or local/);
    expect(requests).toEqual([]);
  });

  it("refuses an issuer or metadata URL on a private address when it is saved, fetching nothing", async () => {
    const issuer = await strictAdmin.put("/api/sso/settings", oidcSettings(idpUrl));
    expect(issuer.statusCode).toBe(422);
    expect(issuer.json()).toMatchObject({ code: "idp-address-refused", path: "oidc.issuer" });
    const privateHttps = await strictAdmin.put("/api/sso/settings", oidcSettings("https://169.254.169.254/"));
    expect(privateHttps.json().detail).toMatch(/169\.254\.169\.254 is a private or local address/);
    const metadata = await strictAdmin.put("/api/sso/settings", { saml: { enabled: true, idpMetadataUrl: `${idpUrl}/metadata.xml` } });
    expect(metadata.statusCode).toBe(422);
    expect(metadata.json()).toMatchObject({ code: "idp-address-refused", path: "saml.idpMetadataUrl" });
    expect(requests).toEqual([]);
    expect((await strictAdmin.get("/api/sso/settings")).json()).toMatchObject({ oidc: { issuer: null }, saml: { idpMetadataUrl: null } });
  });

  it("with SSO_ALLOW_PRIVATE_URLS=true, reads the metadata URL and saves the issuer", async () => {
    const metadata = await allowingAdmin.put("/api/sso/settings", { saml: { enabled: true, idpMetadataUrl: `${idpUrl}/metadata.xml` } });
    expect(metadata.statusCode, metadata.body).toBe(200);
    expect(metadata.json().saml).toMatchObject({ idpEntityId: samlIdp.entityId, idpMetadataUrl: `${idpUrl}/metadata.xml` });
    expect((await allowingAdmin.put("/api/sso/settings", oidcSettings(idpUrl))).statusCode).toBe(200);
    expect(requests).toEqual(["/metadata.xml"]);
  });

  it("checks the saved issuer again before each discovery: the strict server refuses without a request, and audits why", async () => {
    requests.length = 0;
    const lastRefusal = async () =>
      (await strict.database.query<{ after: { reason: string; technical: string } }>("select after from audit_log where action = 'sso.sign-in-refused' order by id desc limit 1"))[0]!.after;
    const refused = await strict.app.inject({ method: "GET", url: `/sso/${slug}/oidc/start` });
    expect(refused.headers.location).toBe(`/login/${slug}?sso-error=idp-unreachable`);
    expect(await lastRefusal()).toMatchObject({ reason: "idp-unreachable", technical: expect.stringMatching(/HTTPS/) });

    // an https issuer that now names a private address (edited, or its DNS changed since it was saved)
    await strict.database.query(`update sso_settings set oidc_issuer = 'https://10.0.0.5/'`);
    const privateIssuer = await strict.app.inject({ method: "GET", url: `/sso/${slug}/oidc/start` });
    expect(privateIssuer.headers.location).toBe(`/login/${slug}?sso-error=idp-unreachable`);
    expect(await lastRefusal()).toMatchObject({ reason: "idp-unreachable", technical: expect.stringMatching(/10\.0\.0\.5 is a private or local address/) });
    expect(requests).toEqual([]);
    await strict.database.query(`update sso_settings set oidc_issuer = '${idpUrl}'`);

    // the allowing server does ask (this "IdP" has no discovery document, so it is unreachable too)
    const asked = await allowing.app.inject({ method: "GET", url: `/sso/${slug}/oidc/start` });
    expect(asked.headers.location).toBe(`/login/${slug}?sso-error=idp-unreachable`);
    expect(requests).toEqual(["/.well-known/openid-configuration"]);
  });
});
