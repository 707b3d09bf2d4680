import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildDistrict } from "../../../test/support/factories.js";
import { buildContact, multipartFile, signInVendor, signInWithMfa } from "../../../test/support/support-factories.js";
import { createTestApp, type TestApp } from "../../../test/support/test-app.js";

let t: TestApp;
beforeAll(async () => (t = await createTestApp()));
afterAll(() => t.close());

describe("district isolation", () => {
  it("a contact of one district can neither read nor change another district's cases, contacts or attachments", async () => {
    const a = await buildDistrict(t.database.db);
    const b = await buildDistrict(t.database.db, { cloudChoice: true });
    const alice = await buildContact(t.database.db, { districtId: a.id, type: "technical" });
    const bob = await buildContact(t.database.db, { districtId: b.id, type: "technical" });
    const bobGone = await buildContact(t.database.db, { districtId: b.id, status: "deactivated" });
    const aliceClient = await signInWithMfa(t.app, { district: a.slug, username: alice.user.username, secret: alice.secret });
    const bobClient = await signInWithMfa(t.app, { district: b.slug, username: bob.user.username, secret: bob.secret });

    const bCase = (await bobClient.post("/api/support/cases", { subject: "B secret", description: "only B", productArea: "Other" })).json();
    const bFile = (await bobClient.request({ method: "POST", url: `/api/support/cases/${bCase.id}/attachments`, ...multipartFile("b.txt", Buffer.from("district B data")) })).json();
    await bobClient.post("/api/support/update-requests", { kind: "sandbox-refresh" });

    const attempts = [
      aliceClient.get(`/api/support/cases/${bCase.id}`),
      aliceClient.post(`/api/support/cases/${bCase.id}/comments`, { body: "hi" }),
      aliceClient.post(`/api/support/cases/${bCase.id}/close`),
      aliceClient.put(`/api/support/cases/${bCase.id}/watchers/${alice.contact.id}`),
      aliceClient.request({ method: "POST", url: `/api/support/cases/${bCase.id}/attachments`, ...multipartFile("a.txt", Buffer.from("x")) }),
      aliceClient.get(`/api/support/attachments/${bFile.id}`),
      aliceClient.post("/api/support/modify-contact", { action: "reactivate", contactId: bobGone.contact.id, reason: "please" }),
      aliceClient.post("/api/support/modify-contact", { action: "remove", contactId: bob.contact.id, reason: "please" }),
      aliceClient.post("/api/support/modify-contact", { action: "add", userId: bob.user.id, newType: "support", reason: "please" }),
    ];
    for (const res of await Promise.all(attempts)) expect(res.statusCode, res.body).toBe(404);

    const { id: aCase } = (await aliceClient.post("/api/support/cases", { subject: "A", description: "a", productArea: "Other" })).json();
    expect((await aliceClient.put(`/api/support/cases/${aCase}/watchers/${bob.contact.id}`)).statusCode).toBe(404);

    const listed = JSON.stringify([
      (await aliceClient.get("/api/support/cases?status=all")).json(),
      (await aliceClient.get("/api/support/portal")).json(),
      (await aliceClient.get("/api/support/update-requests")).json(),
      (await aliceClient.get("/api/support/users")).json(),
    ]);
    expect(listed).not.toContain("B secret");
    expect(listed).not.toContain(bob.user.username);
    expect(listed).not.toContain(b.name);
    expect((await bobClient.get(`/api/support/cases/${bCase.id}`)).json().subject).toBe("B secret");
  });

  it("district users cannot reach vendor routes", async () => {
    const a = await buildDistrict(t.database.db);
    const alice = await buildContact(t.database.db, { districtId: a.id });
    const client = await signInWithMfa(t.app, { district: a.slug, username: alice.user.username, secret: alice.secret });
    for (const url of ["/api/vendor/cases", "/api/vendor/districts", `/api/vendor/districts/${a.id}`]) expect((await client.get(url)).statusCode).toBe(404);
    const { client: vera } = await signInVendor(t.app, t.database.db);
    expect((await vera.get("/api/vendor/districts")).statusCode).toBe(200);
  });
});
