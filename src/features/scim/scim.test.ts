import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildDistrict, buildUser } from "../../../test/support/factories.js";
import { buildRightsGroup } from "../../../test/support/rights-factories.js";
import { createTestApp, signIn, type TestApp } from "../../../test/support/test-app.js";
import { createApiToken } from "../tokens/create-api-token.js";
import { TOOLS } from "../rights/tools.js";

let t: TestApp;
let token: string;
let serviceAccountId: string;
let districtId: string;
let slug: string;
const ERROR = "urn:ietf:params:scim:api:messages:2.0:Error";
const PATCH = "urn:ietf:params:scim:api:messages:2.0:PatchOp";

beforeAll(async () => {
  t = await createTestApp();
  const district = await buildDistrict(t.database.db);
  districtId = district.id;
  slug = district.slug;
  const created = await createApiToken(t.database.db, { districtId }, { serviceAccount: "scim-bot", scopes: ["scim"] }, null, new Date());
  token = created.token;
  serviceAccountId = created.summary.serviceAccountId;
}, 120_000);
afterAll(async () => t?.close());

const scim = (method: "GET" | "POST" | "PUT" | "PATCH" | "DELETE", url: string, body?: unknown, headers: Record<string, string> = {}) =>
  t.app.inject({ method, url: `/scim/v2${url}`, headers: { authorization: `Bearer ${token}`, ...(body === undefined ? {} : { "content-type": "application/scim+json" }), ...headers }, ...(body === undefined ? {} : { payload: JSON.stringify(body) }) });
const newUser = async (userName: string) => {
  const res = await scim("POST", "/Users", { schemas: ["urn:ietf:params:scim:schemas:core:2.0:User"], userName, active: true });
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { id: string; meta: { version: string } };
};

describe("SCIM 2.0", () => {
  it("answers only a token with the scim scope, with errors in SCIM's JSON", async () => {
    const none = await t.app.inject({ method: "GET", url: "/scim/v2/Users" });
    expect(none.statusCode).toBe(401);
    expect(none.headers["content-type"]).toContain("application/scim+json");
    expect(none.json()).toMatchObject({ schemas: [ERROR], status: "401" });
    const reader = await createApiToken(t.database.db, { districtId }, { serviceAccount: "reader-bot", scopes: ["api:read"] }, null, new Date());
    const wrongScope = await t.app.inject({ method: "GET", url: "/scim/v2/Users", headers: { authorization: `Bearer ${reader.token}` } });
    expect(wrongScope.statusCode).toBe(403);
    expect(wrongScope.json()).toMatchObject({ schemas: [ERROR], status: "403" });
    expect((await t.app.inject({ method: "GET", url: "/scim/v2/Users", headers: { authorization: "Bearer gh_revoked-or-never-issued" } })).json()).toMatchObject({ status: "401" });
    const admin = await buildUser(t.database.db, { districtId, role: "student-information-system" });
    const session = await signIn(t.app, { district: slug, username: admin.username });
    expect((await session.get("/scim/v2/Users")).statusCode).toBe(401); // a session is not a SCIM client
  });

  it("serves ServiceProviderConfig, ResourceTypes and Schemas", async () => {
    const config = (await scim("GET", "/ServiceProviderConfig")).json();
    expect(config).toMatchObject({ patch: { supported: true }, filter: { supported: true }, etag: { supported: true }, bulk: { supported: true } });
    const types = (await scim("GET", "/ResourceTypes")).json();
    expect(types.Resources.map((r: { id: string }) => r.id)).toEqual(["User", "Group"]);
    const schemas = (await scim("GET", "/Schemas")).json();
    expect(schemas.Resources.map((r: { id: string }) => r.id)).toContain("urn:ietf:params:scim:schemas:extension:enterprise:2.0:User");
    expect((await scim("GET", "/Schemas/urn:ietf:params:scim:schemas:core:2.0:Group")).json()).toMatchObject({ name: "Group" });
    expect((await scim("GET", "/ResourceTypes/Nope")).statusCode).toBe(404);
  });

  it("sends an ETag and refuses a change made against another version with 412", async () => {
    const user = await newUser("etag.person");
    const read = await scim("GET", `/Users/${user.id}`);
    const etag = read.headers.etag as string;
    expect(etag).toMatch(/^W\/".+"$/);
    expect(etag).toBe(read.json().meta.version);
    const body = { schemas: [PATCH], Operations: [{ op: "replace", path: "displayName", value: "Etag Person" }] };
    const stale = await scim("PATCH", `/Users/${user.id}`, body, { "if-match": 'W/"not-the-current-one"' });
    expect(stale.statusCode).toBe(412);
    expect(stale.json()).toMatchObject({ schemas: [ERROR], status: "412" });
    const fresh = await scim("PATCH", `/Users/${user.id}`, body, { "if-match": etag });
    expect(fresh.statusCode).toBe(200);
    expect(fresh.headers.etag).not.toBe(etag);
    expect((await scim("DELETE", `/Users/${user.id}`, undefined, { "if-match": etag })).statusCode).toBe(412);
  });

  it("active:false disables sign-in and ends the person's sessions at once", async () => {
    const person = await buildUser(t.database.db, { districtId });
    const session = await signIn(t.app, { district: slug, username: person.username });
    expect((await session.get("/api/me/tools")).statusCode).toBe(200);
    const res = await scim("PATCH", `/Users/${person.id}`, { schemas: [PATCH], Operations: [{ op: "Replace", path: "active", value: "False" }] });
    expect(res.json()).toMatchObject({ active: false });
    expect((await session.get("/api/me/tools")).statusCode).toBe(401);
    const again = await t.app.inject({ method: "POST", url: "/api/auth/sign-in", payload: { district: slug, username: person.username, password: "correct-horse-battery" } });
    expect(again.statusCode).not.toBe(200);
  });

  it("may not disable or delete a Product Security Role holder: an IdP cannot lock the administrators out", async () => {
    const admin = await buildUser(t.database.db, { districtId, role: "sis-group-assignment" });
    const off = await scim("PATCH", `/Users/${admin.id}`, { schemas: [PATCH], Operations: [{ op: "replace", value: { active: false } }] });
    expect(off.statusCode).toBe(403);
    expect(off.json()).toMatchObject({ schemas: [ERROR], status: "403", detail: expect.stringContaining("Product Security Role") });
    expect((await scim("DELETE", `/Users/${admin.id}`)).statusCode).toBe(403);
    const [row] = await t.database.query<{ disabled: boolean }>("select disabled from users where id = $1", [admin.id]);
    expect(row!.disabled).toBe(false);
    // their other attributes are the IdP's to keep current
    expect((await scim("PATCH", `/Users/${admin.id}`, { schemas: [PATCH], Operations: [{ op: "replace", path: "title", value: "Registrar" }] })).json()).toMatchObject({ title: "Registrar", active: true });
  });

  it("never sets a Product Security Role or tool rights, and never shows or touches service accounts", async () => {
    const user = await newUser("no.role.person");
    await scim("PATCH", `/Users/${user.id}`, { schemas: [PATCH], Operations: [{ op: "add", path: "roles", value: [{ value: "student-information-system" }] }, { op: "replace", value: { productSecurityRole: "student-information-system", entitlements: [{ value: "RWAD" }] } }] });
    const [row] = await t.database.query<{ product_security_role: string }>("select product_security_role from users where id = $1", [user.id]);
    expect(row!.product_security_role).toBe("none");
    const entries = await t.database.query("select 1 from right_entries where user_id = $1", [user.id]);
    expect(entries).toEqual([]);
    expect((await scim("GET", `/Users/${serviceAccountId}`)).statusCode).toBe(404);
    expect((await scim("GET", '/Users?filter=userName eq "scim-bot"')).json()).toMatchObject({ totalResults: 0 });
  });

  it("adds members only where the service account could itself: no escalation through SCIM", async () => {
    const user = await newUser("escalation.person");
    const powerful = await buildRightsGroup(t.database.db, districtId, { name: "Powerful", rights: { [TOOLS.users]: "RWAD" } });
    const res = await scim("PATCH", `/Groups/${powerful}`, { schemas: [PATCH], Operations: [{ op: "Add", path: "members", value: [{ value: user.id }] }] });
    expect(res.statusCode).toBe(403);
    expect(res.json()).toMatchObject({ schemas: [ERROR], status: "403" });
    expect(await t.database.query("select 1 from user_group_members where group_id = $1", [powerful])).toEqual([]);
  });

  it("refuses a filter it cannot read or answer, and another district's ids are not found", async () => {
    expect((await scim("GET", `/Users?filter=${encodeURIComponent('userName eq "unclosed')}`)).json()).toMatchObject({ status: "400", scimType: "invalidFilter" });
    expect((await scim("GET", `/Users?filter=${encodeURIComponent('nickName eq "x"')}`)).json()).toMatchObject({ status: "400", scimType: "invalidFilter" });
    const other = await buildDistrict(t.database.db);
    const stranger = await buildUser(t.database.db, { districtId: other.id });
    expect((await scim("GET", `/Users/${stranger.id}`)).statusCode).toBe(404);
    expect((await scim("PATCH", `/Users/${stranger.id}`, { schemas: [PATCH], Operations: [{ op: "replace", path: "active", value: false }] })).statusCode).toBe(404);
    expect((await scim("GET", "/Users/not-a-uuid")).statusCode).toBe(404);
    const own = await newUser("patch.syntax.person");
    expect((await scim("PATCH", `/Users/${own.id}`, { Operations: [] })).json()).toMatchObject({ status: "400", scimType: "invalidSyntax" });
  });
});
