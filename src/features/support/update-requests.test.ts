import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { outbox } from "../../platform/db/schema/outbox.js";
import { buildDistrict } from "../../../test/support/factories.js";
import { buildContact, signInVendor, signInWithMfa } from "../../../test/support/support-factories.js";
import { createTestApp, type TestApp } from "../../../test/support/test-app.js";

let t: TestApp;
beforeAll(async () => (t = await createTestApp()));
afterAll(() => t.close());

async function contacts(cloudChoice: boolean) {
  const d = await buildDistrict(t.database.db, { cloudChoice });
  const tech = await buildContact(t.database.db, { districtId: d.id, type: "technical", displayName: "Tess Tech" });
  const sup = await buildContact(t.database.db, { districtId: d.id, type: "support" });
  return {
    d,
    tech,
    techClient: await signInWithMfa(t.app, { district: d.slug, username: tech.user.username, secret: tech.secret }),
    supClient: await signInWithMfa(t.app, { district: d.slug, username: sup.user.username, secret: sup.secret }),
  };
}

describe("update requests", () => {
const NEXT_JULY = `${new Date().getUTCFullYear() + 1}-07-01`;

  it("technical contacts file sandbox refreshes; support contacts see the tool and are told why not", async () => {
    const { tech, techClient, supClient } = await contacts(false);
    const page = (await supClient.get("/api/support/update-requests")).json();
    expect(page).toMatchObject({ canRequest: false, kinds: ["sandbox-refresh", "staging-refresh"], releases: [] });
    expect(page.reason).toMatch(/technical contact.*Tess Tech/);
    const refused = await supClient.post("/api/support/update-requests", { kind: "sandbox-refresh" });
    expect(refused.statusCode).toBe(403);
    expect(refused.json().code).toBe("technical-contact-required");

    const filed = await techClient.post("/api/support/update-requests", { kind: "sandbox-refresh", preferredDate: NEXT_JULY, notes: "after summer school" });
    expect(filed.statusCode).toBe(201);
    expect(filed.json()).toMatchObject({ status: "requested", kind: "sandbox-refresh", requestedByName: "Tess Tech", preferredDate: NEXT_JULY });
    expect((await supClient.get("/api/support/update-requests")).json().requests).toHaveLength(1);
    expect((await techClient.post("/api/support/update-requests", { kind: "version-update" })).json().code).toBe("version-update-needs-cloud-choice");

    const { client: vera } = await signInVendor(t.app, t.database.db);
    const queued = (await vera.get("/api/vendor/update-requests?status=requested")).json();
    const mine = queued.find((r: { id: string }) => r.id === filed.json().id);
    expect(mine).toBeDefined();
    expect((await vera.post(`/api/vendor/update-requests/${mine.id}/decision`, { action: "schedule", version: mine.version })).json().path).toBe("scheduledFor");
    const scheduled = await vera.post(`/api/vendor/update-requests/${mine.id}/decision`, { action: "schedule", scheduledFor: "2026-07-01T22:00:00Z", version: mine.version });
    expect(scheduled.json()).toMatchObject({ status: "scheduled" });
    expect((await vera.post(`/api/vendor/update-requests/${mine.id}/decision`, { action: "complete", version: mine.version })).json().code).toBe("version-conflict");
    expect((await vera.post(`/api/vendor/update-requests/${mine.id}/decision`, { action: "complete", version: scheduled.json().version })).json().status).toBe("completed");
    expect((await vera.post(`/api/vendor/update-requests/${mine.id}/decision`, { action: "decline", note: "x", version: scheduled.json().version + 1 })).json().code).toBe("update-request-finished");
    const mail = (await t.database.db.select().from(outbox).where(eq(outbox.toAddress, tech.user.email!))).map((m) => m.subject);
    expect(mail).toEqual(expect.arrayContaining([expect.stringContaining("received"), expect.stringContaining("scheduled"), expect.stringContaining("completed")]));
  });

  it("Cloud Choice districts request version updates to a chosen available release", async () => {
    const { techClient } = await contacts(true);
    const { client: vera } = await signInVendor(t.app, t.database.db);
    const version = `2026.${Math.floor(Math.random() * 1e6)}`;
    const release = (await vera.post("/api/vendor/releases", { version, name: "Summer release", releasedOn: "2026-06-15" })).json();
    expect((await vera.post("/api/vendor/releases", { version, name: "again", releasedOn: "2026-06-15" })).json().code).toBe("release-exists");
    const page = (await techClient.get("/api/support/update-requests")).json();
    expect(page.kinds).toContain("version-update");
    expect(page.releases.map((r: { id: string }) => r.id)).toContain(release.id);
    expect((await techClient.post("/api/support/update-requests", { kind: "version-update" })).json().path).toBe("releaseId");
    expect((await techClient.post("/api/support/update-requests", { kind: "sandbox-refresh", releaseId: release.id })).json().code).toBe("release-not-expected");
    const filed = await techClient.post("/api/support/update-requests", { kind: "version-update", releaseId: release.id });
    expect(filed.json()).toMatchObject({ kind: "version-update", releaseVersion: version });
    const declined = await vera.post(`/api/vendor/update-requests/${filed.json().id}/decision`, { action: "decline", version: 1 });
    expect(declined.json().path).toBe("note");
  });
});
