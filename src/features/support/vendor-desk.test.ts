import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildMfaUser, signInVendor, signInWithMfa } from "../../../test/support/support-factories.js";
import { createTestApp, type Client, type TestApp } from "../../../test/support/test-app.js";

let t: TestApp;
let vera: Client;
let otto: Client;
beforeAll(async () => {
  t = await createTestApp();
  vera = (await signInVendor(t.app, t.database.db)).client;
  const other = await buildMfaUser(t.database.db, { districtId: null, displayName: "Otto Other" });
  otto = await signInWithMfa(t.app, { username: other.username, secret: other.secret });
});
afterAll(() => t.close());

describe("saved views of the queue", () => {
  it("keeps each agent's named views to that agent", async () => {
    const saved = await vera.post("/api/vendor/queue-views", { name: "My open urgent cases", params: { assignee: "me", priority: "urgent", sort: "updated", order: "desc" } });
    expect(saved.statusCode, saved.body).toBe(201);
    expect((await vera.get("/api/vendor/queue-views")).json()).toMatchObject([{ name: "My open urgent cases", params: { assignee: "me", priority: "urgent", sort: "updated", order: "desc" } }]);
    expect((await otto.get("/api/vendor/queue-views")).json()).toEqual([]);
    expect((await otto.delete(`/api/vendor/queue-views/${saved.json().id}`)).statusCode).toBe(404);
    expect((await vera.get("/api/vendor/cases?assignee=me&priority=urgent&sort=updated&order=desc")).statusCode).toBe(200);
  });

  it("refuses a name the agent already uses, and parameters the queue does not take, at the field", async () => {
    await vera.post("/api/vendor/queue-views", { name: "Unassigned", params: { assignee: "unassigned" } });
    const twice = await vera.post("/api/vendor/queue-views", { name: "unassigned", params: {} });
    expect(twice.statusCode).toBe(409);
    expect(twice.json()).toMatchObject({ code: "view-name-taken", path: "name" });
    expect((await otto.post("/api/vendor/queue-views", { name: "Unassigned", params: {} })).statusCode).toBe(201);
    const bad = await vera.post("/api/vendor/queue-views", { name: "Odd", params: { sort: "colour", flavour: "x" } });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors.map((e: { path: string }) => e.path).sort()).toEqual(["params", "params.sort"]);
    expect((await vera.post("/api/vendor/queue-views", { name: " ", params: {} })).json().errors[0]).toMatchObject({ path: "name", message: "Give the view a name" });
  });

  it("deletes a view", async () => {
    const { id } = (await vera.post("/api/vendor/queue-views", { name: "Short-lived", params: { status: "all" } })).json();
    expect((await vera.delete(`/api/vendor/queue-views/${id}`)).statusCode).toBe(204);
    expect((await vera.get("/api/vendor/queue-views")).json().map((v: { name: string }) => v.name)).not.toContain("Short-lived");
  });
});

describe("canned replies", () => {
  it("is one library every agent shares, edited with the version it was read at", async () => {
    const made = await vera.post("/api/vendor/canned-replies", { title: "Need a screenshot", body: "Hi {{contact.firstName}}, could you send a screenshot for case #{{case.number}}?" });
    expect(made.statusCode, made.body).toBe(201);
    const { id, version } = made.json();
    expect((await otto.get("/api/vendor/canned-replies")).json()).toMatchObject([{ title: "Need a screenshot", updatedByName: "Vera Vendor" }]);
    const edited = await otto.put(`/api/vendor/canned-replies/${id}`, { title: "Need a screenshot", body: "Hello {{contact.name}}", version });
    expect(edited.json()).toMatchObject({ body: "Hello {{contact.name}}", updatedByName: "Otto Other", version: version + 1 });
    const stale = await vera.put(`/api/vendor/canned-replies/${id}`, { title: "Need a screenshot", body: "Old", version });
    expect(stale.statusCode).toBe(409);
    expect(stale.json()).toMatchObject({ code: "version-conflict", current: { body: "Hello {{contact.name}}" } });
    expect((await vera.delete(`/api/vendor/canned-replies/${id}`)).statusCode).toBe(204);
    expect((await vera.get("/api/vendor/canned-replies")).json()).toEqual([]);
  });

  it("refuses a duplicate title, an unknown placeholder and an empty reply, naming the field", async () => {
    await vera.post("/api/vendor/canned-replies", { title: "Closing", body: "Thanks, {{agent.name}}" });
    const twice = await vera.post("/api/vendor/canned-replies", { title: "closing", body: "x" });
    expect(twice.json()).toMatchObject({ code: "canned-reply-exists", path: "title" });
    const unknown = await vera.post("/api/vendor/canned-replies", { title: "Odd", body: "Dear {{contact.shoeSize}}" });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().errors[0]).toMatchObject({ path: "body", message: expect.stringContaining("{{contact.name}}") });
    expect((await vera.post("/api/vendor/canned-replies", { title: "Empty", body: "  " })).json().errors[0]).toMatchObject({ path: "body", message: "Write the reply" });
  });
});
