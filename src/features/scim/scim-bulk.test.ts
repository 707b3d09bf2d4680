import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildDistrict, buildUser } from "../../../test/support/factories.js";
import { createTestApp, type TestApp } from "../../../test/support/test-app.js";
import { createApiToken } from "../tokens/create-api-token.js";

/** SCIM 2.0 Bulk (RFC 7644 §3.7) at POST /scim/v2/Bulk, made of the single routes' operations. */
let t: TestApp;
let token: string;
let serviceAccountId: string;
let districtId: string;
const BULK = "urn:ietf:params:scim:api:messages:2.0:BulkRequest";
const BULK_RESPONSE = "urn:ietf:params:scim:api:messages:2.0:BulkResponse";
const ERROR = "urn:ietf:params:scim:api:messages:2.0:Error";
const USER = "urn:ietf:params:scim:schemas:core:2.0:User";
const GROUP = "urn:ietf:params:scim:schemas:core:2.0:Group";
const PATCH = "urn:ietf:params:scim:api:messages:2.0:PatchOp";

beforeAll(async () => {
  t = await createTestApp();
  districtId = (await buildDistrict(t.database.db)).id;
  const created = await createApiToken(t.database.db, { districtId }, { serviceAccount: "bulk-bot", scopes: ["scim"] }, null, new Date());
  token = created.token;
  serviceAccountId = created.summary.serviceAccountId;
}, 120_000);
afterAll(async () => t?.close());

const scim = (method: "GET" | "POST", url: string, payload?: string) =>
  t.app.inject({ method, url: `/scim/v2${url}`, headers: { authorization: `Bearer ${token}`, ...(payload === undefined ? {} : { "content-type": "application/scim+json" }) }, ...(payload === undefined ? {} : { payload }) });
type Answer = { method: string; bulkId?: string; location?: string; version?: string; status: string; response?: { id?: string; scimType?: string; detail?: string; schemas: string[] } };
const bulk = async (Operations: unknown[], more: Record<string, unknown> = {}) => {
  const res = await scim("POST", "/Bulk", JSON.stringify({ schemas: [BULK], Operations, ...more }));
  expect(res.statusCode, res.body).toBe(200);
  expect(res.headers["content-type"]).toContain("application/scim+json");
  const body = res.json() as { schemas: string[]; Operations: Answer[] };
  expect(body.schemas).toEqual([BULK_RESPONSE]);
  return body.Operations;
};
const newUser = (bulkId: string, userName: string) => ({ method: "POST", path: "/Users", bulkId, data: { schemas: [USER], userName, active: true } });
const idIn = (answer: Answer) => answer.location!.split("/").at(-1)!;
const membersOf = async (groupId: string) => (await t.database.query<{ username: string }>("select u.username from user_group_members m join users u on u.id = m.user_id where m.group_id = $1 order by u.username", [groupId])).map((r) => r.username);

describe("SCIM Bulk", () => {
  it("is advertised in ServiceProviderConfig with its limits", async () => {
    expect((await scim("GET", "/ServiceProviderConfig")).json()).toMatchObject({ bulk: { supported: true, maxOperations: 1000, maxPayloadSize: 1_048_576 } });
  });

  it("makes users and a group in one request, the group naming its members by bulkId before they exist, and audits each change as the token's", async () => {
    const answers = await bulk([
      { method: "POST", path: "/Groups", bulkId: "g", data: { schemas: [GROUP], displayName: "Bulk Librarians", members: [{ value: "bulkId:ann" }, { value: "bulkId:bob" }] } },
      newUser("ann", "bulk.ann"),
      newUser("bob", "bulk.bob"),
      { method: "PUT", path: "/Users/bulkId:bob", data: { schemas: [USER], userName: "bulk.bob", displayName: "Bob Bulk", active: true } },
      { method: "PATCH", path: "/Users/bulkId:ann", data: { schemas: [PATCH], Operations: [{ op: "Replace", path: "active", value: "False" }] } },
    ]);
    // the POSTs the group names run first
    expect(answers.map((a) => [a.method, a.bulkId ?? null, a.status])).toEqual([
      ["POST", "ann", "201"],
      ["POST", "bob", "201"],
      ["POST", "g", "201"],
      ["PUT", null, "200"],
      ["PATCH", null, "200"],
    ]);
    const [ann, bob, group] = answers.map(idIn) as [string, string, string];
    expect(answers[0]!.location).toMatch(new RegExp(`/scim/v2/Users/${ann}$`));
    expect(answers[2]!.location).toMatch(new RegExp(`/scim/v2/Groups/${group}$`));
    expect(answers[3]!.version).toMatch(/^W\//);
    expect(await membersOf(group)).toEqual(["bulk.ann", "bulk.bob"]);
    const [annRow] = await t.database.query<{ disabled: boolean }>("select disabled from users where id = $1", [ann]);
    expect(annRow!.disabled).toBe(true);
    const [bobRow] = await t.database.query<{ display_name: string }>("select display_name from users where id = $1", [bob]);
    expect(bobRow!.display_name).toBe("Bob Bulk");
    const audited = await t.database.query<{ action: string; target_id: string }>("select action, target_id from audit_log where district_id = $1 and actor_id = $2", [districtId, serviceAccountId]);
    const actions = (id: string) => audited.filter((a) => a.target_id === id).map((a) => a.action);
    expect(actions(ann)).toEqual(expect.arrayContaining(["user.created", "user.disabled"]));
    expect(actions(bob)).toContain("user.created");
    expect(audited.filter((a) => a.action === "group.member-added")).toHaveLength(2);
  });

  it("answers each operation's error in SCIM's JSON, goes on after it, and stops once failOnErrors errors are reached", async () => {
    const ops = [
      { method: "POST", path: "/Users", bulkId: "bad", data: { schemas: [USER] } },
      newUser("ok1", "bulk.ok1"),
      { method: "PUT", path: "/Users/00000000-0000-4000-8000-00000000abcd", data: { schemas: [USER], userName: "nobody", active: true } },
      newUser("ok2", "bulk.ok2"),
    ];
    const stopped = await bulk(ops, { failOnErrors: 2 });
    expect(stopped.map((a) => a.status)).toEqual(["400", "201", "404"]);
    expect(stopped[0]!.response).toMatchObject({ schemas: [ERROR], status: "400", scimType: "invalidValue", detail: expect.any(String) });
    expect(stopped[2]!.response).toMatchObject({ schemas: [ERROR], status: "404" });
    expect(await t.database.query("select 1 from users where district_id = $1 and username = 'bulk.ok2'", [districtId])).toEqual([]);

    const all = await bulk([
      { ...ops[0] },
      newUser("ok3", "bulk.ok3"),
      { ...ops[2] },
      newUser("ok1again", "bulk.ok1"),
      newUser("ok3", "bulk.ok3.twice"),
      { method: "PATCH", path: "/Users/bulkId:ok3", data: { schemas: [PATCH], Operations: [{ op: "replace", path: "displayName", value: "Ok Three" }] } },
    ]);
    expect(all.map((a) => a.status)).toEqual(["400", "201", "404", "409", "409", "200"]);
    expect(all[3]!.response).toMatchObject({ status: "409", scimType: "uniqueness" });
    expect(all[4]!.response).toMatchObject({ status: "409", detail: expect.stringContaining('already uses bulkId "ok3"') });
    const [ok3] = await t.database.query<{ display_name: string }>("select display_name from users where id = $1", [idIn(all[1]!)]);
    expect(ok3!.display_name).toBe("Ok Three");
  });

  it("checks each operation's version (412), refuses references it cannot resolve, and finds nothing in another district", async () => {
    const [made] = await bulk([newUser("v", "bulk.versioned")]);
    const id = idIn(made!);
    const stranger = await buildUser(t.database.db, { districtId: (await buildDistrict(t.database.db)).id });
    const answers = await bulk([
      { method: "PUT", path: `/Users/${id}`, version: 'W/"stale"', data: { schemas: [USER], userName: "bulk.versioned", active: false } },
      { method: "PUT", path: `/Users/${id}`, version: made!.version, data: { schemas: [USER], userName: "bulk.versioned", displayName: "Vera Version", active: true } },
      { method: "DELETE", path: `/Users/${stranger.id}` },
      { method: "PATCH", path: "/Users/bulkId:nowhere", data: { schemas: [PATCH], Operations: [{ op: "replace", path: "active", value: false }] } },
      { method: "POST", path: "/Groups", bulkId: "a", data: { schemas: [GROUP], displayName: "Circle A", members: [{ value: "bulkId:b" }] } },
      { method: "POST", path: "/Groups", bulkId: "b", data: { schemas: [GROUP], displayName: "Circle B", members: [{ value: "bulkId:a" }] } },
      { method: "GET", path: `/Users/${id}` },
      { method: "POST", path: "/Users", data: { schemas: [USER], userName: "bulk.no.bulkid", active: true } },
      { method: "DELETE", path: "/Schemas/x" },
    ]);
    const byStatus = answers.map((a) => a.status);
    expect(byStatus.slice(0, 4)).toEqual(["412", "200", "404", "409"]);
    expect(answers[3]!.response!.detail).toContain('No POST of this request has bulkId "nowhere"');
    expect(answers.slice(4).map((a) => a.status)).toEqual(["400", "400", "400", "409", "409"]);
    expect(answers.slice(-2).map((a) => a.bulkId)).toEqual(["a", "b"]);
    expect(answers.at(-1)!.response!.detail).toContain("in a circle");
    const [row] = await t.database.query<{ disabled: boolean; display_name: string }>("select disabled, display_name from users where id = $1", [id]);
    expect(row).toEqual({ disabled: false, display_name: "Vera Version" });
    const [strangerRow] = await t.database.query<{ disabled: boolean }>("select disabled from users where id = $1", [stranger.id]);
    expect(strangerRow!.disabled).toBe(false);
  });

  it("answers a success with its location and version only, so a request of many member changes gets a response that grows with its length", async () => {
    const n = 100;
    const users = Array.from({ length: n }, (_, i) => newUser(`big${i}`, `bulk.big${i}`));
    const adds = users.map((u) => ({ method: "PATCH", path: "/Groups/bulkId:big", data: { schemas: [PATCH], Operations: [{ op: "add", path: "members", value: [{ value: `bulkId:${u.bulkId}` }] }] } }));
    const res = await scim("POST", "/Bulk", JSON.stringify({ schemas: [BULK], Operations: [{ method: "POST", path: "/Groups", bulkId: "big", data: { schemas: [GROUP], displayName: "Bulk Big" } }, ...users, ...adds] }));
    const answers = (res.json() as { Operations: Answer[] }).Operations;
    expect(answers.filter((a) => a.status !== "201" && a.status !== "200")).toEqual([]);
    expect(answers.every((a) => a.response === undefined && a.location && a.version)).toBe(true);
    // about 250 bytes an answer; echoing the group each time would be some 8 KB an answer
    expect(res.body.length).toBeLessThan(300 * answers.length);
    expect(await membersOf(idIn(answers.find((a) => a.bulkId === "big")!))).toHaveLength(n);
  });

  it("refuses a request that is not a bulk request, has too many operations or is too large, in SCIM's JSON", async () => {
    expect((await scim("POST", "/Bulk", JSON.stringify({ Operations: [] }))).json()).toMatchObject({ schemas: [ERROR], status: "400", scimType: "invalidSyntax" });
    const many = await scim("POST", "/Bulk", JSON.stringify({ schemas: [BULK], Operations: Array.from({ length: 1001 }, (_, i) => newUser(`m${i}`, `bulk.many${i}`)) }));
    expect(many.statusCode).toBe(413);
    expect(many.json()).toMatchObject({ schemas: [ERROR], status: "413", detail: expect.stringContaining("at most 1000 operations") });
    const large = await scim("POST", "/Bulk", JSON.stringify({ schemas: [BULK], Operations: [{ ...newUser("x", "bulk.large"), data: { schemas: [USER], userName: "bulk.large", displayName: "x".repeat(1_100_000) } }] }));
    expect(large.statusCode).toBe(413);
    expect(large.headers["content-type"]).toContain("application/scim+json");
    expect(large.json()).toMatchObject({ schemas: [ERROR], status: "413" });
    expect(await t.database.query("select 1 from users where district_id = $1 and username like 'bulk.many%'", [districtId])).toEqual([]);
  });
});
