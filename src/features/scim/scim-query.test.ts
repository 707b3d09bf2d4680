import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildDistrict } from "../../../test/support/factories.js";
import { createTestApp, type TestApp } from "../../../test/support/test-app.js";
import { createApiToken } from "../tokens/create-api-token.js";

/** sortBy/sortOrder (RFC 7644 §3.4.2.3) and attributes/excludedAttributes (§3.4.2.5, §3.9) on list and get. */
let t: TestApp;
let token: string;
const USER = "urn:ietf:params:scim:schemas:core:2.0:User";
const ENTERPRISE = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";
const ids: Record<string, string> = {};

beforeAll(async () => {
  t = await createTestApp();
  const district = await buildDistrict(t.database.db);
  token = (await createApiToken(t.database.db, { districtId: district.id }, { serviceAccount: "scim-bot", scopes: ["scim"] }, null, new Date())).token;
  for (const [userName, givenName, department] of [["bravo", "Beth", "Ballard High"], ["Alpha", "Zed", null], ["charlie", null, "Adams Elementary"]] as const) {
    const res = await scim("POST", "/Users", { schemas: [USER, ENTERPRISE], userName, name: { givenName, familyName: "Doe" }, emails: [{ value: `${userName.toLowerCase()}@district.example`, type: "work", primary: true }], [ENTERPRISE]: { department, employeeNumber: "7" } });
    expect(res.statusCode, res.body).toBe(201);
    ids[userName] = res.json().id;
  }
  for (const displayName of ["Teachers", "Aides"]) {
    expect((await scim("POST", "/Groups", { schemas: ["urn:ietf:params:scim:schemas:core:2.0:Group"], displayName, members: [{ value: ids.bravo }] })).statusCode).toBe(201);
  }
}, 120_000);
afterAll(async () => t?.close());

const scim = (method: "GET" | "POST", url: string, body?: unknown) =>
  t.app.inject({ method, url: `/scim/v2${url}`, headers: { authorization: `Bearer ${token}`, ...(body === undefined ? {} : { "content-type": "application/scim+json" }) }, ...(body === undefined ? {} : { payload: JSON.stringify(body) }) });
const names = async (query: string) => ((await scim("GET", `/Users?${query}`)).json().Resources as { userName: string }[]).map((u) => u.userName);

describe("SCIM sorting", () => {
  it("sorts users by userName case-insensitively, ascending by default, descending on request, then pages", async () => {
    expect(await names("sortBy=userName")).toEqual(["Alpha", "bravo", "charlie"]);
    expect(await names("sortBy=userName&sortOrder=descending")).toEqual(["charlie", "bravo", "Alpha"]);
    expect(await names(`sortBy=${encodeURIComponent(`${USER}:userName`)}&startIndex=2&count=1`)).toEqual(["bravo"]);
    expect(await names("sortBy=name.givenName")).toEqual(["bravo", "Alpha", "charlie"]); // Beth, Zed, then the one with none
    expect(await names("sortBy=name.givenName&sortOrder=descending")).toEqual(["Alpha", "bravo", "charlie"]);
    const groups = (await scim("GET", "/Groups?sortBy=displayName")).json().Resources.map((g: { displayName: string }) => g.displayName);
    expect(groups).toEqual(["Aides", "Teachers"]);
  });

  it("refuses an attribute it cannot sort by, and a sort order that is neither, in SCIM's error JSON", async () => {
    const unknown = await scim("GET", "/Users?sortBy=password");
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json()).toMatchObject({ scimType: "invalidValue", detail: expect.stringMatching(/cannot sort by "password".*userName/) });
    expect((await scim("GET", "/Users?sortBy=userName&sortOrder=sideways")).json()).toMatchObject({ status: "400", scimType: "invalidValue" });
  });

  it("says so in ServiceProviderConfig, and that bulk is supported with its limits", async () => {
    expect((await scim("GET", "/ServiceProviderConfig")).json()).toMatchObject({ sort: { supported: true }, bulk: { supported: true, maxOperations: 1000 } });
  });
});

describe("SCIM attributes and excludedAttributes", () => {
  it("returns only the attributes asked for, with id and schemas, on list and get", async () => {
    const listed = (await scim("GET", "/Users?filter=userName%20eq%20%22bravo%22&attributes=userName,name.givenName,emails.value")).json();
    expect(listed.Resources).toEqual([{ schemas: [USER, ENTERPRISE], id: ids.bravo, userName: "bravo", name: { givenName: "Beth" }, emails: [{ value: "bravo@district.example" }] }]);
    const one = await scim("GET", `/Users/${ids.bravo}?attributes=${encodeURIComponent(`${ENTERPRISE}:department,DisplayName`)}`);
    expect(one.json()).toEqual({ schemas: [USER, ENTERPRISE], id: ids.bravo, displayName: "Beth Doe", [ENTERPRISE]: { department: "Ballard High" } });
    expect(one.headers.etag).toMatch(/^W\/"/); // the version still names the whole resource
  });

  it("leaves out the attributes excluded, sub-attributes of every value included, never id", async () => {
    const one = (await scim("GET", `/Users/${ids.bravo}?excludedAttributes=groups,emails.type,id,meta,${ENTERPRISE}:employeeNumber`)).json();
    expect(one).not.toHaveProperty("groups");
    expect(one).not.toHaveProperty("meta");
    expect(one.id).toBe(ids.bravo);
    expect(one.emails).toEqual([{ value: "bravo@district.example", primary: true }]);
    expect(one[ENTERPRISE]).toEqual({ department: "Ballard High" });
    const groups = (await scim("GET", "/Groups?attributes=displayName")).json().Resources;
    expect(groups.every((g: object) => Object.keys(g).sort().join() === "displayName,id,schemas")).toBe(true);
    const withMembers = (await scim("GET", "/Groups?sortBy=displayName&attributes=members.value")).json().Resources;
    expect(withMembers[0]).toMatchObject({ members: [{ value: ids.bravo }] });
    expect((await scim("GET", "/Users?attributes=userName&excludedAttributes=emails")).json()).toMatchObject({ status: "400", scimType: "invalidValue" });
  });
});
