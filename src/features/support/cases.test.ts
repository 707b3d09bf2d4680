import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditLog } from "../../platform/db/schema/audit.js";
import { contactActivity } from "../../platform/db/schema/contacts.js";
import { outbox } from "../../platform/db/schema/outbox.js";
import { buildDistrict } from "../../../test/support/factories.js";
import { buildContact, multipartFile, signInVendor, signInWithMfa } from "../../../test/support/support-factories.js";
import { createTestApp, type TestApp } from "../../../test/support/test-app.js";

let t: TestApp;
beforeAll(async () => (t = await createTestApp()));
afterAll(() => t.close());

async function setUp() {
  const d = await buildDistrict(t.database.db);
  const owner = await buildContact(t.database.db, { districtId: d.id, displayName: "Kim Contact" });
  const colleague = await buildContact(t.database.db, { districtId: d.id, type: "technical", displayName: "Tess Tech" });
  const kim = await signInWithMfa(t.app, { district: d.slug, username: owner.user.username, secret: owner.secret });
  const { vendor, client: vera } = await signInVendor(t.app, t.database.db);
  return { d, owner, colleague, kim, vendor, vera };
}

const mailTo = async (address: string) => (await t.database.db.select().from(outbox).where(eq(outbox.toAddress, address))).map((m) => m.subject);

describe("support cases", () => {
  it("a contact opens a case, a vendor replies and notes internally, the contact comments, closes and reopens", async () => {
    const { owner, colleague, kim, vendor, vera } = await setUp();
    const opened = await kim.post("/api/support/cases", { subject: "Report cards blank", description: "Grades missing on PDF", productArea: "Grading", priority: "high", watcherContactIds: [colleague.contact.id] });
    expect(opened.statusCode).toBe(201);
    const { id, number } = opened.json();
    expect(await mailTo(owner.user.email!)).toEqual([`[Case #${number}] Report cards blank — Case #${number} was received by Support`]);

    const queue = (await vera.get("/api/vendor/cases?search=report%20cards")).json().items;
    expect(queue.map((c: { id: string }) => c.id)).toContain(id);
    expect((await vera.get(`/api/vendor/cases?search=%23${number}`)).json().items).toHaveLength(1);
    expect((await vera.get("/api/vendor/cases?priority=low&search=report")).json().items).toHaveLength(0);

    expect((await vera.post(`/api/vendor/cases/${id}/comments`, { body: "Looking at the template", internal: true })).statusCode).toBe(204);
    expect((await vera.post(`/api/vendor/cases/${id}/comments`, { body: "Please re-run the batch" })).statusCode).toBe(204);
    const forKim = (await kim.get(`/api/support/cases/${id}`)).json();
    expect(forKim.status).toBe("pending-district");
    expect(forKim.events.map((e: { kind: string }) => e.kind)).toEqual(["opened", "watchers-added", "reply", "status-changed"]);
    expect(JSON.stringify(forKim)).not.toContain("Looking at the template");
    expect(forKim.assigneeName).toBeNull(); // replying does not take the case
    expect(forKim.watchers.map((w: { name: string }) => w.name)).toEqual(["Tess Tech"]);
    const forVera = (await vera.get(`/api/vendor/cases/${id}`)).json();
    expect(forVera.events.find((e: { kind: string }) => e.kind === "internal-note")).toMatchObject({ internal: true, body: "Looking at the template" });
    expect(await mailTo(colleague.user.email!)).toContainEqual(expect.stringContaining("replied"));
    expect((await vera.patch(`/api/vendor/cases/${id}`, { assigneeId: vendor.id, version: forVera.version })).statusCode).toBe(200);

    expect((await kim.post(`/api/support/cases/${id}/comments`, { body: "Done, still blank" })).statusCode).toBe(204);
    expect((await kim.get(`/api/support/cases/${id}`)).json().status).toBe("pending-vendor");
    expect(await mailTo(vendor.email!)).toContainEqual(expect.stringContaining("added a comment"));

    expect((await kim.post(`/api/support/cases/${id}/close`)).statusCode).toBe(204);
    expect((await kim.post(`/api/support/cases/${id}/comments`, { body: "more" })).json().code).toBe("case-closed");
    expect((await kim.post(`/api/support/cases/${id}/reopen`)).statusCode).toBe(204);
    expect((await kim.get(`/api/support/cases/${id}`)).json()).toMatchObject({ status: "open", closedAt: null, can: { close: true, reopen: false } });
    expect((await kim.post(`/api/support/cases/${id}/reopen`)).json().code).toBe("case-not-closed");

    const kinds = (await t.database.db.select().from(contactActivity).where(eq(contactActivity.contactId, owner.contact.id))).map((a) => a.kind);
    expect(kinds.filter((k) => k === "case-created")).toHaveLength(1);
    expect(kinds.filter((k) => k === "case-activity")).toHaveLength(3);
  });

  it("vendor staff change status, priority and assignee with a version check", async () => {
    const { kim, vera, vendor, owner } = await setUp();
    const { id } = (await kim.post("/api/support/cases", { subject: "Slow", description: "Slow pages", productArea: "Other" })).json();
    const before = (await vera.get(`/api/vendor/cases/${id}`)).json();
    const changed = await vera.patch(`/api/vendor/cases/${id}`, { status: "resolved", priority: "urgent", assigneeId: vendor.id, version: before.version });
    expect(changed.statusCode).toBe(200);
    expect(changed.json()).toMatchObject({ status: "resolved", priority: "urgent", assigneeId: vendor.id });
    expect(changed.json().events.map((e: { kind: string }) => e.kind).slice(-3)).toEqual(["status-changed", "priority-changed", "assigned"]);
    const stale = await vera.patch(`/api/vendor/cases/${id}`, { status: "closed", version: before.version });
    expect(stale.statusCode).toBe(409);
    expect(stale.json()).toMatchObject({ code: "version-conflict", current: { status: "resolved" } });
    expect((await vera.patch(`/api/vendor/cases/${id}`, { assigneeId: owner.user.id, version: changed.json().version })).json().code).toBe("assignee-not-vendor-staff");
    expect((await vera.get("/api/vendor/cases?assignee=me&status=resolved")).json().items.map((c: { id: string }) => c.id)).toContain(id);
    expect((await kim.get(`/api/support/cases/${id}`)).json().can.reopen).toBe(true);
    const audit = await t.database.db.select().from(auditLog).where(eq(auditLog.targetId, id));
    expect(audit.map((a) => a.action)).toEqual(["case.opened", "case.updated"]);
  });

  it("watchers must be current contacts of the same district", async () => {
    const { d, kim, colleague } = await setUp();
    const elsewhere = await buildContact(t.database.db, { districtId: (await buildDistrict(t.database.db)).id });
    const gone = await buildContact(t.database.db, { districtId: d.id, status: "deactivated" });
    expect((await kim.post("/api/support/cases", { subject: "a", description: "b", productArea: "Other", watcherContactIds: [elsewhere.contact.id] })).json().code).toBe("watcher-not-a-contact");
    const { id } = (await kim.post("/api/support/cases", { subject: "a", description: "b", productArea: "Other" })).json();
    expect((await kim.put(`/api/support/cases/${id}/watchers/${elsewhere.contact.id}`)).statusCode).toBe(404);
    expect((await kim.put(`/api/support/cases/${id}/watchers/${gone.contact.id}`)).statusCode).toBe(404);
    expect((await kim.put(`/api/support/cases/${id}/watchers/${colleague.contact.id}`)).statusCode).toBe(204);
    expect((await kim.get(`/api/support/cases/${id}`)).json().watchers).toHaveLength(1);
    expect((await kim.delete(`/api/support/cases/${id}/watchers/${colleague.contact.id}`)).statusCode).toBe(204);
    expect((await kim.get(`/api/support/cases/${id}`)).json().watchers).toHaveLength(0);
  });

  it("rejects bad input with the field that was wrong", async () => {
    const { kim } = await setUp();
    const res = await kim.post("/api/support/cases", { subject: "", description: "x", productArea: "Nowhere" });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors.map((e: { path: string }) => e.path).sort()).toEqual(["productArea", "subject"]);
  });
});

describe("attachments", () => {
  it("stores checked files in the database and serves them as downloads", async () => {
    const { kim, vera } = await setUp();
    const { id } = (await kim.post("/api/support/cases", { subject: "Logo", description: "See file", productArea: "Other" })).json();
    const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3]);
    const up = await kim.request({ method: "POST", url: `/api/support/cases/${id}/attachments`, ...multipartFile("screen shot é.png", png, "text/html") });
    expect(up.statusCode).toBe(201);
    expect(up.json()).toMatchObject({ fileName: "screen shot é.png", contentType: "image/png", sizeBytes: png.length, sha256: expect.stringMatching(/^[0-9a-f]{64}$/) });
    const down = await kim.get(`/api/support/attachments/${up.json().id}`);
    expect(down.statusCode).toBe(200);
    expect(down.rawPayload.equals(png)).toBe(true);
    expect(down.headers["content-type"]).toBe("image/png");
    expect(down.headers["content-disposition"]).toBe(`attachment; filename="screen shot _.png"; filename*=UTF-8''screen%20shot%20%C3%A9.png`);
    expect(down.headers["x-content-type-options"]).toBe("nosniff");
    expect((await vera.get(`/api/vendor/attachments/${up.json().id}`)).rawPayload.equals(png)).toBe(true);
    expect((await kim.get(`/api/support/cases/${id}`)).json().events.at(-1)).toMatchObject({ kind: "attachment-added" });

    const html = await kim.request({ method: "POST", url: `/api/support/cases/${id}/attachments`, ...multipartFile("x.html", Buffer.from("<script>alert(1)</script>"), "text/html") });
    expect(html.statusCode).toBe(415);
    const disguised = await kim.request({ method: "POST", url: `/api/support/cases/${id}/attachments`, ...multipartFile("x.pdf", Buffer.from("<script>alert(1)</script>"), "application/pdf") });
    expect(disguised.json().code).toBe("attachment-content-mismatch");
    const big = await kim.request({ method: "POST", url: `/api/support/cases/${id}/attachments`, ...multipartFile("big.txt", Buffer.alloc(10 * 1024 * 1024 + 10, 0x41)) });
    expect(big.statusCode).toBe(413);
    expect((await kim.get(`/api/support/cases/${id}`)).json().attachments).toHaveLength(1);
  });
});
