import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { findNode, getCatalog } from "../../domain/rights/catalog.js";
import { buildRightsDistrict, type RightsDistrict } from "../../../test/support/rights-factories.js";
import { createTestApp, signIn, type TestApp } from "../../../test/support/test-app.js";
import { buildUser } from "../../../test/support/factories.js";
import { connectDatabase, type Database } from "../../platform/db/connect.js";

let t: TestApp;
let other: TestApp;
let secondConnection: Database | null = null;
let a: RightsDistrict;
let b: RightsDistrict;
beforeAll(async () => {
  t = await createTestApp();
  // a second server on the same database, with its own compiled-rights cache; on PostgreSQL
  // it also has its own connection pool, as a second process would
  const url = (t.database as Database & { url?: string }).url;
  secondConnection = url ? await connectDatabase({ databaseUrl: url }) : null;
  other = await createTestApp({ database: secondConnection ?? t.database });
  a = await buildRightsDistrict(t.app, t.database.db);
  b = await buildRightsDistrict(t.app, t.database.db);
});
afterAll(async () => {
  await other.close();
  await secondConnection?.close();
  await t.close();
});

describe("district isolation", () => {
  it("cannot read or change another district's groups or users: 404", async () => {
    const g = (await b.admin.client.post("/api/groups", { name: "B only" })).json();
    expect((await a.admin.client.get(`/api/groups/${g.id}`)).statusCode).toBe(404);
    expect((await a.admin.client.put(`/api/groups/${g.id}/rights`, { version: g.version, entries: [] })).statusCode).toBe(404);
    expect((await a.admin.client.post(`/api/groups/${g.id}/members`, { userId: a.staff.id })).statusCode).toBe(404);
    expect((await a.admin.client.delete(`/api/groups/${g.id}?version=${g.version}`)).statusCode).toBe(404);
    expect((await a.admin.client.get(`/api/users/${b.staff.id}`)).statusCode).toBe(404);
    expect((await a.admin.client.put(`/api/users/${b.staff.id}/role`, { role: "none", version: 1 })).statusCode).toBe(404);
    // and cannot put another district's user in its own group
    const mine = (await a.admin.client.post("/api/groups", { name: "A group" })).json();
    expect((await a.admin.client.post(`/api/groups/${mine.id}/members`, { userId: b.staff.id })).statusCode).toBe(404);
    const list = (await a.admin.client.get("/api/groups")).json().items as { name: string }[];
    expect(list.map((x) => x.name)).not.toContain("B only");
    const users = (await a.admin.client.get("/api/users")).json().items as { id: string }[];
    expect(users.map((u) => u.id)).not.toContain(b.staff.id);
  });
});

describe("two servers on one database", () => {
  it("a change made through one server is seen by the next request to the other", async () => {
    const user = await buildUser(t.database.db, { districtId: a.districtId });
    const onOther = await signIn(other.app, { district: a.slug, username: user.username });
    const tool = "System Administration > User Security > Users";
    expect((await onOther.get("/api/users")).statusCode).toBe(404);
    const g = (await a.admin.client.post("/api/groups", { name: "Account Readers" })).json();
    await a.admin.client.put(`/api/groups/${g.id}/rights`, { version: g.version, entries: [{ toolPath: tool, rights: "R" }] });
    expect((await onOther.get("/api/users")).statusCode).toBe(404); // not a member yet
    await a.admin.client.post(`/api/groups/${g.id}/members`, { userId: user.id });
    expect((await onOther.get("/api/users")).statusCode).toBe(200);
    expect((await onOther.get("/api/me/tools")).json().tools[tool]).toBe("R");
    // and taking it away through the first server is seen by the second at once
    const now = (await a.admin.client.get(`/api/groups/${g.id}`)).json();
    await a.admin.client.put(`/api/groups/${g.id}/rights`, { version: now.version, entries: [{ toolPath: tool, rights: "" }] });
    expect((await onOther.get("/api/users")).statusCode).toBe(404);
  });
});

describe("two servers on one database: every kind of rights change", () => {
  it("is seen by the very next request to the other server, whose compiled rights were already warm", async () => {
    const user = await buildUser(t.database.db, { districtId: a.districtId });
    const userOnOther = await signIn(other.app, { district: a.slug, username: user.username });
    const admin = a.admin.client;
    const adminOnOther = await signIn(other.app, { district: a.slug, username: (await admin.get(`/api/users/${a.admin.id}`)).json().username });
    const summary = "Student Information > General > Summary";
    const inBallard = async () => {
      const res = await adminOnOther.get(`/api/users/${user.id}/effective-rights?school=Ballard%20High&year=2025-26&calendar=Main`);
      expect(res.statusCode, res.body).toBe(200);
      return (res.json().tools as { path: string; rights: string }[]).find((x) => x.path === summary)!.rights;
    };
    const myTools = async () => (await userOnOther.get("/api/me/tools")).json().tools as Record<string, string>;
    const detail = async (id: string) => (await admin.get(`/api/groups/${id}`)).json() as { id: string; version: number };

    const g = (await admin.post("/api/groups", { name: "Two Servers Staff" })).json();
    await admin.put(`/api/groups/${g.id}/rights`, { version: g.version, entries: [{ toolPath: "Student Information", rights: "RWAD" }] });
    await admin.post(`/api/groups/${g.id}/members`, { userId: user.id });
    expect((await myTools())[summary]).toBe("RWAD");
    expect(await inBallard()).toBe(""); // no calendar rights yet

    // calendar rights: read-only caps at R, with modify no cap
    await admin.put(`/api/groups/${g.id}/calendar-rights`, { version: (await detail(g.id)).version, calendarGrants: [{ school: "Ballard High", year: "*", calendar: "*", modify: false }] });
    expect(await inBallard()).toBe("R");
    await admin.put(`/api/groups/${g.id}/calendar-rights`, { version: (await detail(g.id)).version, calendarGrants: [{ school: "*", year: "*", calendar: "*", modify: true }] });
    expect(await inBallard()).toBe("RWAD");

    // a deny from another group, then the membership that brought it removed
    const deny = (await admin.post("/api/groups", { name: "Two Servers Deny" })).json();
    await admin.put(`/api/groups/${deny.id}/rights`, { version: deny.version, entries: [{ toolPath: "Student Information > General", deny: true }] });
    await admin.post(`/api/groups/${deny.id}/members`, { userId: user.id });
    expect((await myTools())[summary]).toBe("");
    expect(await inBallard()).toBe("");
    await admin.delete(`/api/groups/${deny.id}/members/${user.id}`);
    expect((await myTools())[summary]).toBe("RWAD");

    // individual rights, then a membership that has already ended
    const account = (await admin.get(`/api/users/${user.id}`)).json();
    await admin.put(`/api/users/${user.id}/rights`, { version: account.version, entries: [{ toolPath: "Census", rights: "R" }] });
    expect((await myTools())["Census > People"]).toBe("R");
    await admin.post(`/api/groups/${g.id}/members`, { userId: user.id, until: "2020-01-01", confirmPastUntil: true });
    expect((await myTools())[summary]).toBe("");

    // the Product Security Role: the SIS role has every right
    const now = (await admin.get(`/api/users/${user.id}`)).json();
    await admin.put(`/api/users/${user.id}/role`, { role: "student-information-system", version: now.version });
    expect((await myTools())["Scheduling > Schedule Wizard"]).toBe("RWAD");

    // and deleting a group takes its rights away everywhere
    await admin.put(`/api/users/${user.id}/role`, { role: "none", version: now.version + 1 });
    await admin.post(`/api/groups/${g.id}/members`, { userId: user.id });
    expect((await myTools())[summary]).toBe("RWAD");
    await admin.delete(`/api/groups/${g.id}?version=${(await detail(g.id)).version}`);
    expect((await myTools())[summary]).toBe("");
  });
});

describe("route tools", () => {
  it("every tool a route declares exists in the catalog", () => {
    for (const app of [t, other]) {
      for (const r of app.routeAccess) {
        if (r.access.kind !== "tool") continue;
        expect(findNode(getCatalog(), r.access.tool)?.path, `${r.method} ${r.url}: ${r.access.tool}`).toBe(r.access.tool);
      }
    }
  });

  it("an unknown tool in a rights check is a programming error, not a missing right", async () => {
    const provider = t.deps.rights;
    const view = await provider.viewFor({ id: a.staff.id, districtId: a.districtId, kind: "district", productSecurityRole: "none" });
    expect(() => view.has("Sytem Administration > Nothing", "R")).toThrow(/Unknown tool path/);
  });
});
