import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { recordAudit } from "../../platform/audit.js";
import { buildDistrict, buildUser } from "../../../test/support/factories.js";
import { createTestApp, signIn, type TestApp } from "../../../test/support/test-app.js";

let t: TestApp;
beforeAll(async () => (t = await createTestApp()));
afterAll(() => t.close());

describe("GET /api/audit", () => {
  it("lists only the caller's district, filters, and pages by id", async () => {
    const mine = await buildDistrict(t.database.db);
    const other = await buildDistrict(t.database.db);
    const admin = await buildUser(t.database.db, { districtId: mine.id, role: "student-information-system" });
    for (let i = 0; i < 3; i++) {
      await recordAudit(t.database.db, { districtId: mine.id, actor: { id: admin.id, name: admin.username }, action: "group.renamed", target: { type: "group", id: `g${i}`, name: `Counselors ${i}` }, before: { name: "a" }, after: { name: "b" } });
    }
    await recordAudit(t.database.db, { districtId: other.id, actor: null, action: "group.renamed", target: { type: "group", id: "x", name: "Counselors elsewhere" } });
    const client = await signIn(t.app, { district: mine.slug, username: admin.username });

    const all = (await client.get("/api/audit?action=group.")).json();
    expect(all.entries).toHaveLength(3);
    expect(all.entries.every((e: { targetName: string }) => !e.targetName.includes("elsewhere"))).toBe(true);
    expect(all.entries[0]).toMatchObject({ actorName: admin.username, before: { name: "a" }, after: { name: "b" } });

    const firstRes = await client.get("/api/audit?action=group.&limit=2");
    const first = firstRes.json();
    expect(first.entries).toHaveLength(2);
    expect(first.total).toBe(3);
    expect(firstRes.headers.link).toBe(`</api/audit?action=group.&limit=2&before=${first.nextBefore}>; rel="next"`);
    const second = (await client.get(`/api/audit?action=group.&limit=2&before=${first.nextBefore}`)).json();
    expect(second.total).toBe(3);
    expect(second.entries.map((e: { targetId: string }) => e.targetId)).toEqual(["g0"]);
    expect(second.nextBefore).toBeNull();

    const byTarget = (await client.get("/api/audit?target=counselors%201")).json();
    expect(byTarget.entries.map((e: { targetId: string }) => e.targetId)).toEqual(["g1"]);
    expect((await client.get("/api/audit?from=not-a-date")).json()).toMatchObject({ code: "validation-failed", path: "querystring.from" });
  });

  it("is absent (404) for a user without the Audit Log right", async () => {
    const district = await buildDistrict(t.database.db);
    const user = await buildUser(t.database.db, { districtId: district.id });
    const client = await signIn(t.app, { district: district.slug, username: user.username });
    expect((await client.get("/api/audit")).statusCode).toBe(404);
  });
});
