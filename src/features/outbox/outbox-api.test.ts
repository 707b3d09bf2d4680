import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { enqueueEmail } from "../../platform/mail/enqueue-email.js";
import { buildDistrict, buildUser } from "../../../test/support/factories.js";
import { signInVendor } from "../../../test/support/support-factories.js";
import { createTestApp, signIn, type Client, type TestApp } from "../../../test/support/test-app.js";

let t: TestApp;
let vendor: Client;
let district: Awaited<ReturnType<typeof buildDistrict>>;
const ids: Record<string, string> = {};

beforeAll(async () => {
  t = await createTestApp();
  district = await buildDistrict(t.database.db);
  for (const key of ["waiting", "broken"]) {
    await enqueueEmail(t.database.db, { districtId: district.id, dedupeKey: `outbox-api-${key}`, kind: "test", to: `${key}@district.example`, subject: `About ${key}`, text: `Plain ${key}`, html: `<p>${key}</p>` });
    const [row] = await t.database.query<{ id: string }>("select id from outbox where dedupe_key = $1", [`outbox-api-${key}`]);
    ids[key] = row!.id;
  }
  await t.database.query("update outbox set status = 'failed', attempts = 1, last_error = 'SMTP 550: 550 Mailbox does not exist' where id = $1", [ids.broken]);
  vendor = (await signInVendor(t.app, t.database.db)).client;
});
afterAll(async () => {
  await t?.close();
});

describe("outbox API", () => {
  it("shows vendor staff what waits and what failed, and that no SMTP server is configured", async () => {
    const res = await vendor.get(`/api/vendor/outbox?search=${encodeURIComponent("district.example")}`);
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.smtpConfigured).toBe(false);
    expect(body.counts).toMatchObject({ pending: 1, failed: 1 });
    const failed = body.items.find((i: { id: string }) => i.id === ids.broken);
    expect(failed).toMatchObject({ status: "failed", lastError: "SMTP 550: 550 Mailbox does not exist", district: district.name });

    const onlyFailed = await vendor.get("/api/vendor/outbox?status=failed");
    expect(onlyFailed.json().items.map((i: { id: string }) => i.id)).toEqual([ids.broken]);
  });

  it("shows a message's plain text and HTML as it would be sent", async () => {
    const res = await vendor.get(`/api/vendor/outbox/${ids.waiting}`);
    expect(res.json()).toMatchObject({ text: "Plain waiting", html: "<p>waiting</p>", to: "waiting@district.example", messageId: `<${ids.waiting}@gatehouse.outbox>` });
  });

  it("retries a failed message (audited) and refuses to retry one that has not failed", async () => {
    const retried = await vendor.post(`/api/vendor/outbox/${ids.broken}/retry`);
    expect(retried.statusCode).toBe(200);
    expect(retried.json()).toMatchObject({ status: "pending", attempts: 0 });
    const audit = await t.database.query<{ target_id: string }>("select target_id from audit_log where action = 'outbox.message-retried'");
    expect(audit.map((a) => a.target_id)).toEqual([ids.broken]);

    const again = await vendor.post(`/api/vendor/outbox/${ids.broken}/retry`);
    expect(again.statusCode, again.body).toBe(409);
    expect(again.json().code).toBe("message-not-failed");
    expect((await vendor.post("/api/vendor/outbox/00000000-0000-4000-8000-000000000000/retry")).statusCode).toBe(404);
  });

  it("is not for district users", async () => {
    const staff = await buildUser(t.database.db, { districtId: district.id, role: "student-information-system" });
    const admin = await signIn(t.app, { district: district.slug, username: staff.username });
    expect((await admin.get("/api/vendor/outbox")).statusCode).not.toBe(200);
    expect((await admin.get(`/api/vendor/outbox/${ids.waiting}`)).statusCode).not.toBe(200);
  });
});
